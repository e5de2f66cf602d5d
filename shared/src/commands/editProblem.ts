import type * as Y from 'yjs';
import type { Origin } from '../origin';
import { replaceText } from '../replaceText';
import { fail, type Result } from '../result';
import { LIMITS, problemOf } from '../schema';
import { badText, whyReadOnly } from './guard';

/** Changes the problem statement to `text`, touching only the characters that differ. */
export function editProblem(doc: Y.Doc, input: { text: string }, origin: Origin): Result {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  const bad = badText(input.text, 'Problem statement', LIMITS.problemLength);
  if (bad) return fail(bad);
  doc.transact(() => replaceText(problemOf(doc), input.text), origin);
  return { ok: true };
}
