import type { CaseStatus, Severity, Touchpoint } from '@whychain/shared';

export const TOUCHPOINT_LABELS: Record<Touchpoint, string> = {
  phone: 'Phone',
  email: 'Email',
  chat: 'Chat',
  billing: 'Billing',
  delivery: 'Delivery',
  support: 'Support',
  sales: 'Sales',
  in_person: 'In person',
  web: 'Web',
  other: 'Other',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  open: 'Open',
  contained: 'Contained',
  resolved: 'Resolved',
  closed: 'Closed',
};

/** A label from one of the tables above, or the raw value from a newer server. */
export function labelOf<K extends string>(labels: Record<K, string>, value: string): string {
  return (labels as Record<string, string>)[value] ?? value;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "35 min", "3 h 20 min", "2 days 4 h": how long a step took, to the unit that matters. */
export function formatSpan(ms: number): string {
  if (ms < MINUTE) return 'less than a minute';
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} min`;
  if (ms < DAY) {
    let hours = Math.floor(ms / HOUR);
    let minutes = Math.round((ms - hours * HOUR) / MINUTE);
    if (minutes === 60) [hours, minutes] = [hours + 1, 0];
    return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
  }
  let days = Math.floor(ms / DAY);
  let hours = Math.round((ms - days * DAY) / HOUR);
  if (hours === 24) [days, hours] = [days + 1, 0];
  const dayText = `${days} ${days === 1 ? 'day' : 'days'}`;
  return hours === 0 ? dayText : `${dayText} ${hours} h`;
}

/** "35 min after receipt" for a step done at `at` on a case received at `receivedAt`. */
export function sinceReceipt(receivedAt: string, at: string): string {
  const ms = Date.parse(at) - Date.parse(receivedAt);
  if (Number.isNaN(ms)) return '';
  if (ms < 0) return `${formatSpan(-ms)} before receipt`;
  return `${formatSpan(ms)} after receipt`;
}

/** A local date and time, e.g. "12 Mar 2026, 14:05"; the raw text if it is not a date. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO time as the value of an `<input type="datetime-local">` (local time, to the minute). */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** The value of a `datetime-local` input (local time) as ISO 8601, or null when empty/invalid. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** "EUR 12,000" in the reader's number format; the amount alone without a currency. */
export function formatMoney(amount: number, currency: string | null): string {
  if (currency) {
    try {
      return new Intl.NumberFormat(undefined, {
        style: 'currency',
        currency,
        maximumFractionDigits: 0,
      }).format(amount);
    } catch {
      // an unknown code: fall through
    }
  }
  return `${amount.toLocaleString()}${currency ? ` ${currency}` : ''}`;
}

/** Paths for the case and customer pages. */
export const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;
export const customerPath = (id: string) => `/customers/${encodeURIComponent(id)}`;
export const NEW_CASE_PATH = '/cases/new';
