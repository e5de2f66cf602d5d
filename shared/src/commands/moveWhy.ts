import type * as Y from 'yjs';
import type { WhyId } from '../ids';
import type { Origin } from '../origin';
import { readTree } from '../readAnalysis';
import { isInSubtree } from '../resolveTree';
import { fail, type Result } from '../result';
import { PROBLEM_ID, whyOf, whysOf } from '../schema';
import { whyReadOnly } from './guard';
import { orderAt } from './siblingOrder';

export interface MoveWhyInput {
  whyId: WhyId;
  /** New parent: a why, or null for the problem statement. */
  parentId: WhyId | null;
  /** Position among the new parent's answers; appended when omitted. */
  index?: number;
}

/** Moves a why, with everything below it, to a new parent and position. */
export function moveWhy(doc: Y.Doc, input: MoveWhyInput, origin: Origin): Result {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  const tree = readTree(doc);
  const why = whyOf(doc, input.whyId);
  if (!why || !tree.parentOf.has(input.whyId)) return fail('This why no longer exists.');
  const parent = input.parentId ?? PROBLEM_ID;
  if (parent !== PROBLEM_ID && !tree.parentOf.has(parent)) {
    return fail('The target no longer exists.');
  }
  if (parent !== PROBLEM_ID && isInSubtree(tree, input.whyId, parent)) {
    return fail('A why cannot be moved under itself or under one of its own answers.');
  }
  let clock = 0;
  for (const id of whysOf(doc).keys())
    clock = Math.max(clock, whyOf(doc, id)?.get('moveClock') ?? 0);
  doc.transact(() => {
    const order = orderAt(doc, tree, parent, input.index, input.whyId);
    why.set('prevParentId', tree.parentOf.get(input.whyId)!);
    why.set('parentId', parent);
    why.set('order', order);
    why.set('moveClock', clock + 1);
  }, origin);
  return { ok: true };
}
