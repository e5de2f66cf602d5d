/** The single region where `prev` and `next` differ: `prev[start, end)` became `inserted`. */
export interface TextChange {
  start: number;
  end: number;
  inserted: string;
}

/** The smallest single change that turns `prev` into `next` (common prefix and suffix kept). */
export function diffText(prev: string, next: string): TextChange {
  const max = Math.min(prev.length, next.length);
  let start = 0;
  while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  let suffix = 0;
  while (
    suffix < max - start &&
    prev.charCodeAt(prev.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)
  ) {
    suffix++;
  }
  return { start, end: prev.length - suffix, inserted: next.slice(start, next.length - suffix) };
}

/**
 * Where a caret at `position` in `prev` belongs once the text became `next`: text changed before
 * it shifts it, text changed after it leaves it alone, a caret inside a replaced part goes to its end.
 */
export function mapCaret(prev: string, next: string, position: number): number {
  const change = diffText(prev, next);
  if (position <= change.start) return position;
  if (position >= change.end) return position + next.length - prev.length;
  return change.start + change.inserted.length;
}

/**
 * Replays the edit that turned `base` into `mine` on top of `theirs` (`base` with other people's
 * edits), so that text typed while the screen was behind does not undo what the others wrote.
 */
export function rebaseText(base: string, mine: string, theirs: string): string {
  if (theirs === base) return mine;
  if (mine === base) return theirs;
  const change = diffText(base, mine);
  const start = mapCaret(base, theirs, change.start);
  const end = Math.max(start, mapCaret(base, theirs, change.end));
  return theirs.slice(0, start) + change.inserted + theirs.slice(end);
}
