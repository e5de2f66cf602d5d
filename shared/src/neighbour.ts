import type { AnalysisSnapshot } from './readAnalysis';
import { PROBLEM_ID } from './records/constants';

/** A step through the tree: up to the parent, down to the first answer, or to a sibling. */
export type TreeStep = 'parent' | 'firstChild' | 'previous' | 'next';

/** The node one step away from `nodeId` in the tree, or null when there is none. */
export function neighbour(
  snapshot: AnalysisSnapshot,
  nodeId: string,
  step: TreeStep,
): string | null {
  if (nodeId === PROBLEM_ID) return step === 'firstChild' ? (snapshot.rootIds[0] ?? null) : null;
  const why = snapshot.whys[nodeId];
  if (!why) return null;
  if (step === 'parent') return why.parentId ?? PROBLEM_ID;
  if (step === 'firstChild') return why.childIds[0] ?? null;
  const siblings = why.parentId ? (snapshot.whys[why.parentId]?.childIds ?? []) : snapshot.rootIds;
  const index = siblings.indexOf(why.id);
  return siblings[step === 'previous' ? index - 1 : index + 1] ?? null;
}
