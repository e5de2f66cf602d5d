import type * as Y from 'yjs';
import { isIdShaped, newId, type WhyId } from '../ids';
import type { Origin } from '../origin';
import { readTree } from '../readAnalysis';
import { fail, type Result } from '../result';
import { LIMITS, makeWhyMap, PROBLEM_ID, whysOf } from '../schema';
import { badText, whyReadOnly } from './guard';
import { orderAt } from './siblingOrder';

export interface AddWhyInput {
  /** The why this answers; null to answer the problem statement itself. */
  parentId: WhyId | null;
  /** Position among the parent's answers; appended when omitted. */
  index?: number;
  text?: string;
  /** Id to use (for imports and tests); a fresh one when omitted. */
  id?: WhyId;
}

/** Adds an answer to "why?" under the problem or under another why. */
export function addWhy(doc: Y.Doc, input: AddWhyInput, origin: Origin): Result<{ id: WhyId }> {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  const text = input.text ?? '';
  const bad = badText(text, 'Why text', LIMITS.whyTextLength);
  if (bad) return fail(bad);
  const id = input.id ?? newId<'WhyId'>();
  if (!isIdShaped(id) || id === PROBLEM_ID) {
    return fail('A why id must be 6 to 64 lowercase letters or digits, and not "problem".');
  }
  if (whysOf(doc).has(id)) return fail('A why with this id already exists.');
  const parent = input.parentId ?? PROBLEM_ID;
  const tree = readTree(doc);
  if (parent !== PROBLEM_ID && !tree.parentOf.has(parent)) {
    return fail('The why you are answering no longer exists.');
  }
  doc.transact(() => {
    const order = orderAt(doc, tree, parent, input.index);
    whysOf(doc).set(
      id,
      makeWhyMap({
        parentId: parent,
        order,
        text,
        rootCause: false,
        createdBy: origin.actor,
        createdAt: Date.now(),
        moveClock: 0,
        prevParentId: null,
        verification: 'hypothesis',
        category: null,
        assumption: false,
        internal: false,
      }),
    );
  }, origin);
  return { ok: true, id };
}
