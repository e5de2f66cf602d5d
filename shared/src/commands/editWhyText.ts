import * as Y from 'yjs';
import type { WhyId } from '../ids';
import type { Origin } from '../origin';
import { replaceText } from '../replaceText';
import { fail, type Result } from '../result';
import { LIMITS, whyOf } from '../schema';
import { badText, whyReadOnly } from './guard';

/** Changes a why's answer to `text`, touching only the characters that differ. */
export function editWhyText(
  doc: Y.Doc,
  input: { whyId: WhyId; text: string },
  origin: Origin,
): Result {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  const bad = badText(input.text, 'Why text', LIMITS.whyTextLength);
  if (bad) return fail(bad);
  const text = whyOf(doc, input.whyId)?.get('text');
  if (!(text instanceof Y.Text)) return fail('This why no longer exists.');
  doc.transact(() => replaceText(text, input.text), origin);
  return { ok: true };
}
