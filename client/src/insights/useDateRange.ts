import { useCallback, useSyncExternalStore } from 'react';
import { NAVIGATE_EVENT, navigate } from '../router/navigate';

/** The period of the Insights screen as `YYYY-MM-DD` days (the URL's `from` and `to`), '' when open. */
export interface DayRange {
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function dayParam(params: URLSearchParams, name: string): string {
  const value = params.get(name) ?? '';
  return DAY.test(value) ? value : '';
}

/** The range kept in the URL (so a view can be shared) and a way to change it. */
export function useDateRange(): [DayRange, (range: DayRange) => void] {
  const search = useSyncExternalStore(subscribe, () => window.location.search);
  const params = new URLSearchParams(search);
  const range = { from: dayParam(params, 'from'), to: dayParam(params, 'to') };
  const setRange = useCallback((next: DayRange) => {
    const query = new URLSearchParams();
    if (next.from) query.set('from', next.from);
    if (next.to) query.set('to', next.to);
    const text = query.toString();
    navigate(window.location.pathname + (text ? `?${text}` : ''), { replace: true });
  }, []);
  return [range, setRange];
}

/** The first instant of a local day, ISO 8601. */
export function startOfDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year!, month! - 1, date).toISOString();
}

/** The last instant of a local day, ISO 8601, so `to` includes that whole day. */
export function endOfDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(new Date(year!, month! - 1, date! + 1).getTime() - 1).toISOString();
}

/** A local day as `YYYY-MM-DD`. */
export function dayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
