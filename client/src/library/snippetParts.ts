/** Where the server's search snippets start and end a match (plain text, never HTML). */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/**
 * A snippet cut into plain and matched runs. A marker the server left unbalanced ends (or
 * starts) a match at the snippet's edge instead of leaking a control character onto the screen.
 */
export function snippetParts(snippet: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let marked = false;
  let run = '';
  const flush = () => {
    if (run) parts.push({ text: run, marked });
    run = '';
  };
  for (const char of snippet) {
    if (char === MATCH_START || char === MATCH_END) {
      flush();
      marked = char === MATCH_START;
    } else {
      run += char;
    }
  }
  flush();
  return parts;
}
