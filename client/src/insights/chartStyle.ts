/** Chart colours and text sizes chosen to stay legible on a projector (large, high contrast). */
export const CHART = {
  text: '#1f2933',
  grid: '#d5dbe3',
  bar: '#1d5fd1',
  line: '#8a4b00',
  overdue: '#b42318',
  open: '#1d5fd1',
  fontSize: 16,
} as const;

export const TICK = { fontSize: CHART.fontSize, fill: CHART.text } as const;

/** Shortens a label for an axis; the table and the tooltip keep the whole text. */
export function shorten(text: string, max = 18): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
