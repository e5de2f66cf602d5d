function toDate(value: number | string): Date | undefined {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A short, local date and time for "updated" columns; the raw value if it is not a date. */
export function formatUpdated(value: number | string): string {
  const date = toDate(value);
  if (!date) return String(value);
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The value as an ISO date for `<time dateTime>`, or undefined if it is not a date. */
export function isoDate(value: number | string): string | undefined {
  return toDate(value)?.toISOString();
}
