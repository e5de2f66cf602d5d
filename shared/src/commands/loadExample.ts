import type * as Y from 'yjs';
import type { WhyId } from '../ids';
import type { Origin } from '../origin';
import { readTree } from '../readAnalysis';
import { fail, type Result } from '../result';
import { SAMPLE_ANALYSIS, writeSampleTree } from '../sample';
import { problemOf } from '../schema';
import { editProblem } from './editProblem';
import { whyReadOnly } from './guard';

/**
 * Fills an analysis that has no why yet with the book-pricing example, in one transaction: one
 * undo takes all of it back, and everyone in the room sees it arrive at once. A problem
 * statement already written is kept (the example's whys then answer it, which is fine for a
 * demonstration, and never losing what a person typed matters more); an empty one gets the
 * example's problem. The title is left alone: the person named this analysis themselves.
 */
export function loadExample(doc: Y.Doc, origin: Origin): Result<{ rootCauseId: WhyId }> {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  if (readTree(doc).preorder.length > 0) {
    return fail('The example goes into an analysis without whys; this one has some already.');
  }
  let rootCauseId: WhyId | null = null;
  doc.transact(() => {
    if (problemOf(doc).toString().trim() === '') {
      editProblem(doc, { text: SAMPLE_ANALYSIS.problem }, origin);
    }
    rootCauseId = writeSampleTree(doc, origin).rootCauseId;
  }, origin);
  return { ok: true, rootCauseId: rootCauseId! };
}
