/**
 * The first phrase of `words` that `text` contains (whole words, any case), or undefined.
 * Used for the blameless hint: "X forgot" invites asking what in the process allowed it.
 */
export function findBlame(text: string, words: readonly string[]): string | undefined {
  const lower = normalize(text);
  for (const { word, pattern } of patternsFor(words)) {
    if (pattern.test(lower)) return word;
  }
  return undefined;
}

let cachedKey = '';
let cachedPatterns: Array<{ word: string; pattern: RegExp }> = [];

/** The compiled patterns of a word list; the last list is kept, as every why is checked with it. */
function patternsFor(words: readonly string[]): Array<{ word: string; pattern: RegExp }> {
  const key = words.join('\n');
  if (key === cachedKey) return cachedPatterns;
  cachedPatterns = [];
  for (const word of words) {
    const w = normalize(word).trim();
    if (w === '') continue;
    const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u');
    cachedPatterns.push({ word, pattern });
  }
  cachedKey = key;
  return cachedPatterns;
}

/** Lower case, typographic apostrophes made plain, runs of white space made one space. */
function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ');
}
