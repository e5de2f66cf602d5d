import * as Y from 'yjs';
import type { TypedMap } from './schema';

/**
 * Changes a Y.Text to `next` by deleting and inserting only the part that differs, so that
 * concurrent edits elsewhere in the same text merge instead of being overwritten.
 */
export function replaceText(text: Y.Text, next: string): void {
  const prev = text.toString();
  if (prev === next) return;
  let start = 0;
  const max = Math.min(prev.length, next.length);
  while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < max - start &&
    prev.charCodeAt(prev.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
  ) {
    end++;
  }
  // Never cut an emoji (a surrogate pair) in half: Yjs turns both halves into U+FFFD.
  if (start > 0 && isHighSurrogate(prev.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(prev.charCodeAt(prev.length - end))) end--;
  const removed = prev.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = next.slice(start, next.length - end);
  if (inserted.length > 0) text.insert(start, inserted);
}

/** The keys of a record whose fields hold Y.Texts. */
type TextKey<F> = { [K in keyof F]: F[K] extends Y.Text ? K : never }[keyof F] & string;

/**
 * Sets the text field `key` of `record` to `next`: by `replaceText` when it holds a Y.Text, else (a
 * plain string from before schema 3, or anything malformed) by putting a Y.Text there.
 */
export function writeTextField<F>(record: TypedMap<F>, key: TextKey<F>, next: string): void {
  const text = record.get(key);
  if (text instanceof Y.Text) replaceText(text, next);
  else record.raw.set(key, new Y.Text(next));
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
