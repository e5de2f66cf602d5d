/**
 * The first phrase of `words` that `text` contains (whole words, any case), or undefined.
 * Used for the blameless hint: "X forgot" invites asking what in the process allowed it.
 */
export function findBlame(text: string, words: readonly string[]): string | undefined {
  const lower = normalize(text);
  for (const word of words) {
    const w = normalize(word).trim();
    if (w === '') continue;
    const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(lower))
      return word;
  }
  return undefined;
}

/** Lower case, typographic apostrophes made plain, runs of white space made one space. */
function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ');
}
