import type { AnalysisSnapshot } from './readAnalysis';
import { PROBLEM_ID } from './records/constants';

/**
 * The nodes above `nodeId`, nearest first, ending with the problem; empty for the problem itself
 * and for a why that no longer exists.
 */
export function ancestorsOf(snapshot: AnalysisSnapshot, nodeId: string): string[] {
  const ancestors: string[] = [];
  let why = snapshot.whys[nodeId];
  if (!why) return ancestors;
  // The snapshot's tree is already reconciled (no cycles); the bound only guards bad input.
  for (let guard = 0; why && guard <= snapshot.order.length; guard++) {
    const parent: string = why.parentId ?? PROBLEM_ID;
    ancestors.push(parent);
    why = why.parentId ? snapshot.whys[why.parentId] : undefined;
  }
  return ancestors;
}

/** Number of whys below `nodeId` (its answers, their answers, ...). */
export function descendantCount(snapshot: AnalysisSnapshot, nodeId: string): number {
  const childIds =
    nodeId === PROBLEM_ID ? snapshot.rootIds : (snapshot.whys[nodeId]?.childIds ?? []);
  let count = 0;
  for (const childId of childIds) count += 1 + descendantCount(snapshot, childId);
  return count;
}
