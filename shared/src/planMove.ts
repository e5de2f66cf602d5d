import { ancestorsOf } from './ancestorsOf';
import type { WhyId } from './ids';
import type { AnalysisSnapshot } from './readAnalysis';
import { PROBLEM_ID } from './records/constants';

/** What dropping a why onto a node would do. */
export type MovePlan =
  /** Move the why, with its answers, under `parentId` (null: the problem). */
  | { readonly kind: 'move'; readonly parentId: WhyId | null }
  /** Nothing to do: it already answers that node. */
  | { readonly kind: 'none' }
  /** Not allowed; `reason` says why, in words for the user. */
  | { readonly kind: 'refuse'; readonly reason: string };

export const CYCLE_REASON =
  'A why cannot be moved under one of its own answers: that would make a loop.';
export const SELF_REASON = 'A why cannot be moved under itself.';

/** Decides what dropping the why `whyId` onto the node `targetId` means (pure, no writes). */
export function planMove(snapshot: AnalysisSnapshot, whyId: string, targetId: string): MovePlan {
  const why = snapshot.whys[whyId];
  if (!why) return { kind: 'refuse', reason: 'This why no longer exists.' };
  if (targetId !== PROBLEM_ID && !snapshot.whys[targetId]) {
    return { kind: 'refuse', reason: 'The why you dropped it on no longer exists.' };
  }
  if (targetId === whyId) return { kind: 'refuse', reason: SELF_REASON };
  if (ancestorsOf(snapshot, targetId).includes(whyId))
    return { kind: 'refuse', reason: CYCLE_REASON };
  if ((why.parentId ?? PROBLEM_ID) === targetId) return { kind: 'none' };
  return { kind: 'move', parentId: targetId === PROBLEM_ID ? null : (targetId as WhyId) };
}
