import type * as Y from 'yjs';
import type { Origin } from '../origin';
import type { Result } from '../result';
import { LIMITS, problemOf } from '../schema';
import { writeSharedText } from './writeSharedText';

/** Changes the problem statement to `text`, touching only the characters that differ. */
export function editProblem(doc: Y.Doc, input: { text: string }, origin: Origin): Result {
  const rule = { label: 'Problem statement', max: LIMITS.problemLength };
  return writeSharedText(doc, problemOf(doc), input.text, rule, origin);
}
