/** How the library's codes read on screen: case statuses, severities, action statuses. */
const WORDS: Record<string, string> = {
  open: 'Open',
  contained: 'Contained',
  resolved: 'Resolved',
  closed: 'Closed',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
  in_progress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};

/** The word for a code, or the code itself when it is one this client does not know. */
export function label(code: string): string {
  return WORDS[code] ?? code;
}

/** The choices of a filter: "All ..." first (the empty value), then each code with its word. */
export function choices(
  all: string,
  codes: readonly string[],
  words: (code: string) => string = label,
) {
  return [{ value: '', label: all }, ...codes.map((code) => ({ value: code, label: words(code) }))];
}

/** `value` when it is one of `values` (a code read from the URL), otherwise undefined. */
export function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((known) => known === value);
}
