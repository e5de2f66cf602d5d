import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { navigate, NAVIGATE_EVENT } from '../router/navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** Changes to the query string: a string sets a key, null, undefined or '' removes it. */
export type QueryChanges = Record<string, string | null | undefined>;

export interface SetQueryOptions {
  /** A new history entry (tab changes) instead of replacing the current one (typing, filters). */
  push?: boolean;
  /** Start from an empty query string instead of the current one. */
  reset?: boolean;
}

/** The query string after `changes`, with a leading "?" or empty. */
export function withChanges(search: string, changes: QueryChanges, reset = false): string {
  const params = new URLSearchParams(reset ? '' : search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '') params.delete(key);
    else params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The page's query string as URLSearchParams, re-rendering when it changes (navigate, back and
 * forward), and a setter that keeps the path. The URL is the only copy of the library's view, so
 * a link or a reload shows the same tab, filters, sort and pages.
 */
export function useUrlQuery(): [
  URLSearchParams,
  (changes: QueryChanges, options?: SetQueryOptions) => void,
] {
  const search = useSyncExternalStore(subscribe, () => window.location.search);
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const setQuery = useCallback((changes: QueryChanges, options: SetQueryOptions = {}) => {
    const next = withChanges(window.location.search, changes, options.reset);
    if (next === window.location.search) return;
    navigate(`${window.location.pathname}${next}`, { replace: !options.push });
  }, []);
  return [params, setQuery];
}
