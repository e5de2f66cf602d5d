/**
 * The first phrase of `words` that `text` contains (whole words, any case), or undefined.
 * Used for the blameless hint: "X forgot" invites asking what in the process allowed it.
 */
export function findBlame(text: string, words: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  for (const word of words) {
    const w = word.trim().toLowerCase();
    if (w === '') continue;
    const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(lower))
      return word;
  }
  return undefined;
}
