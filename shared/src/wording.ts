/**
 * Rough likeness of two short texts (root causes), for grouping recurring causes and "Seen
 * before": the significant words of each (case, accents and common words ignored, plural and
 * -ed/-ing endings trimmed), compared as sets.
 */
const STOPWORDS = new Set(
  (
    'a an and are as at be because been but by did do does for from had has have he her his how i ' +
    'if in into is it its no not of on or our she so than that the their them then there they this ' +
    'to too was we were what when where which who why will with you your'
  ).split(' '),
);

function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** The significant words of a text, trimmed to their stems. */
export function significantWords(text: string): Set<string> {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !STOPWORDS.has(word))
    .map(stem);
  return new Set(words);
}

/** Share of words in common (Jaccard): 1 for the same words, 0 for none shared. */
export function wordingLikeness(a: string | Set<string>, b: string | Set<string>): number {
  const left = typeof a === 'string' ? significantWords(a) : a;
  const right = typeof b === 'string' ? significantWords(b) : b;
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared);
}

/** Two texts say about the same thing: at least two significant words shared and half alike. */
export function similarWording(a: string | Set<string>, b: string | Set<string>): boolean {
  const left = typeof a === 'string' ? significantWords(a) : a;
  const right = typeof b === 'string' ? significantWords(b) : b;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared >= 2 && wordingLikeness(left, right) >= 0.4;
}
