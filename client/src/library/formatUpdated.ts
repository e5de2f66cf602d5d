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

/** A short local date for "received" and "last case" columns. */
export function formatDay(value: number | string): string {
  const date = toDate(value);
  if (!date) return String(value);
  return date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/**
 * A due date (YYYY-MM-DD, a day without a time zone) as a short local date. Read as UTC and
 * shown as UTC so that 2026-03-01 never turns into the last of February west of Greenwich.
 */
export function formatDueDate(day: string): string {
  const date = toDate(`${day}T00:00:00Z`);
  if (!date) return day;
  return date.toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
}
