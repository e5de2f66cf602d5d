import { diffText } from './rebaseText';

/** What is left of an edit that made a text too long, once cut down to what fits. */
export interface FittedText {
  /** The text as it is kept: the old text with as much of the new part as fits. */
  readonly text: string;
  /** Where the caret goes: right after the part that was kept. */
  readonly caret: number;
  /** Characters of the new part that were kept, and those that were cut. */
  readonly kept: number;
  readonly cut: number;
}

/**
 * Cuts the edit that turned `base` into `next` down to `max` characters in all, keeping the start
 * of what was typed or pasted and everything that was there before. Null when `next` fits, or
 * when even without the new part the text would be too long (then there is nothing to keep).
 */
export function fitText(base: string, next: string, max: number): FittedText | null {
  if (next.length <= max) return null;
  const change = diffText(base, next);
  const rest = next.length - change.inserted.length;
  let room = max - rest;
  if (room < 0) return null;
  // Never keep half of an emoji (a surrogate pair).
  const last = change.inserted.charCodeAt(room - 1);
  if (room > 0 && last >= 0xd800 && last <= 0xdbff) room--;
  const kept = change.inserted.slice(0, room);
  return {
    text: next.slice(0, change.start) + kept + next.slice(change.start + change.inserted.length),
    caret: change.start + kept.length,
    kept: kept.length,
    cut: change.inserted.length - kept.length,
  };
}

const count = (n: number) => n.toLocaleString('en-US');

/** The words that tell the person what was cut from their edit, and how much fits. */
export function cutNotice({ text, kept, cut }: FittedText, max: number): string {
  const lost = cut === 1 ? '1 was cut' : `${count(cut)} were cut`;
  if (kept === 0) return `No more fits: this box holds at most ${count(max)} characters; ${lost}.`;
  const first =
    kept === 1 ? 'Only the first character' : `Only the first ${count(kept)} characters`;
  // All of the text is new (a paste into an empty box): "the first" is the first of the text.
  if (text.length === kept) return `${first} fit; ${lost}.`;
  return `${first} of that fit (${count(max)} in all); ${lost}.`;
}
