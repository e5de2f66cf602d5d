import type { AnalysisSnapshot } from '@whychain/shared';

/** Why this analysis cannot be edited here, or null when it can. */
export function readOnlyReason(snapshot: AnalysisSnapshot): string | null {
  if (snapshot.fromNewerVersion) {
    return 'This analysis was saved by a newer version of Whychain; it is read-only here.';
  }
  if (snapshot.status === 'closed') return 'This analysis is closed; reopen it to make changes.';
  return null;
}
