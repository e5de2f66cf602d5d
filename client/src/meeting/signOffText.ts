import type { AnalysisSnapshot } from '@whychain/shared';

/** "Closed — signed off by Ada on 5 Mar 2026", or null when the analysis is not closed. */
export function signOffText(snapshot: AnalysisSnapshot): string | null {
  if (snapshot.status !== 'closed') return null;
  const by = snapshot.signedOffBy ? ` by ${snapshot.signedOffBy}` : '';
  const on =
    snapshot.signedOffAt !== null
      ? ` on ${new Date(snapshot.signedOffAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}`
      : '';
  return `Closed — signed off${by}${on}`;
}
