import type { AnalysisSnapshot } from '@whychain/shared';
import { signOffText } from '../meeting/signOffText';

/**
 * Why this analysis cannot be edited here, or null when it can. For a closed analysis: who signed
 * it off and when, and the reason it was closed anyway when the checklist was not complete.
 */
export function readOnlyReason(snapshot: AnalysisSnapshot): string | null {
  if (snapshot.fromNewerVersion) {
    return 'This analysis was saved by a newer version of Whychain; it is read-only here.';
  }
  if (snapshot.status === 'closed') {
    const override = snapshot.closeOverride ? ` · Closed anyway: “${snapshot.closeOverride}”` : '';
    return `${signOffText(snapshot)}${override} · Reopen it to make changes.`;
  }
  return null;
}
