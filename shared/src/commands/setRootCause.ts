import type * as Y from 'yjs';
import type { WhyId } from '../ids';
import type { Origin } from '../origin';
import { fail, type Result } from '../result';
import { whyOf } from '../schema';
import { whyReadOnly } from './guard';

/** Marks a why as a root cause of the problem, or takes the mark away. */
export function setRootCause(
  doc: Y.Doc,
  input: { whyId: WhyId; rootCause: boolean },
  origin: Origin,
): Result {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  const why = whyOf(doc, input.whyId);
  if (!why) return fail('This why no longer exists.');
  if (typeof input.rootCause !== 'boolean') return fail('Root cause must be true or false.');
  doc.transact(() => why.set('rootCause', input.rootCause), origin);
  return { ok: true };
}
