import type * as Y from 'yjs';
import type { WhyId } from '../ids';
import type { Origin } from '../origin';
import { readTree } from '../readAnalysis';
import { fail, type Result } from '../result';
import { actionOf, actionsOf, commentOf, commentsOf, whysOf } from '../schema';
import { whyReadOnly } from './guard';

/** Deletes a why with every why below it and the actions and comments attached to them. */
export function deleteWhy(
  doc: Y.Doc,
  input: { whyId: WhyId },
  origin: Origin,
): Result<{ deleted: WhyId[] }> {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  const tree = readTree(doc);
  if (!tree.parentOf.has(input.whyId)) return fail('This why no longer exists.');
  const deleted: WhyId[] = [];
  const stack: string[] = [input.whyId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    deleted.push(id as WhyId);
    stack.push(...tree.childrenOf.get(id)!);
  }
  const gone = new Set<string>(deleted);
  doc.transact(() => {
    const whys = whysOf(doc);
    for (const id of deleted) whys.delete(id);
    const actions = actionsOf(doc);
    for (const id of [...actions.keys()]) {
      const whyId = actionOf(doc, id)?.get('whyId');
      if (typeof whyId === 'string' && gone.has(whyId)) actions.delete(id);
    }
    const comments = commentsOf(doc);
    for (const id of [...comments.keys()]) {
      const whyId = commentOf(doc, id)?.get('whyId');
      if (typeof whyId === 'string' && gone.has(whyId)) comments.delete(id);
    }
  }, origin);
  return { ok: true, deleted };
}
