import * as Y from 'yjs';
import type { Origin } from '../origin';
import { replaceText } from '../replaceText';
import { fail, type Result } from '../result';
import { badText, whyReadOnly } from './guard';

/**
 * The body of every "edit this text" command: checks the document is writable and the text fits,
 * then changes `target` to `text` by touching only the characters that differ, in one transaction.
 */
export function writeSharedText(
  doc: Y.Doc,
  target: unknown,
  text: string,
  rule: { label: string; max: number; missing?: string },
  origin: Origin,
): Result {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  const bad = badText(text, rule.label, rule.max);
  if (bad) return fail(bad);
  if (!(target instanceof Y.Text)) return fail(rule.missing ?? 'This why no longer exists.');
  doc.transact(() => replaceText(target, text), origin);
  return { ok: true };
}
