import { ancestorsOf, PROBLEM_ID, type AnalysisSnapshot } from '@whychain/shared';

const exists = (snapshot: AnalysisSnapshot, id: string | null): id is string =>
  id === PROBLEM_ID || (id !== null && id in snapshot.whys);

/**
 * What to select after an undo or redo turned `before` into `after`: a why it brought back (the
 * top one), else the node that was selected when the change was made, else the current
 * selection, else the nearest node above the current selection that still exists.
 */
export function selectionAfterHistory(
  before: AnalysisSnapshot,
  after: AnalysisSnapshot,
  selectedId: string | null,
  selectedWhenMade: string | null,
): string | null {
  const broughtBack = after.order.find((id) => !(id in before.whys));
  if (broughtBack) return broughtBack;
  if (exists(after, selectedWhenMade)) return selectedWhenMade;
  if (selectedId === null || exists(after, selectedId)) return selectedId;
  return ancestorsOf(before, selectedId).find((id) => exists(after, id)) ?? null;
}
