import type * as Y from 'yjs';
import type { Origin } from '../origin';
import { fail, type Result } from '../result';
import { LIMITS, metaOf } from '../schema';
import { badText, whyReadOnly } from './guard';

/** Renames the analysis. */
export function editTitle(doc: Y.Doc, input: { title: string }, origin: Origin): Result {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  const bad = badText(input.title, 'Title', LIMITS.titleLength);
  if (bad) return fail(bad);
  if (input.title.trim() === '') return fail('Title is required.');
  doc.transact(() => metaOf(doc).set('title', input.title), origin);
  return { ok: true };
}
