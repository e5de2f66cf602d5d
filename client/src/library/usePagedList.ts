import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../api/request';

/** One page of a list answer: the rows and the cursor of the next page (null on the last). */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

export type LoadPage<T> = (cursor: string | undefined, signal: AbortSignal) => Promise<ListPage<T>>;

export interface PagedList<T> {
  items: readonly T[];
  /** True until the first answer for the current filters (older rows stay shown meanwhile). */
  loading: boolean;
  /** True while "Load more" fetches. */
  loadingMore: boolean;
  error: string | null;
  hasMore: boolean;
  /** How many pages are shown. */
  pages: number;
  loadMore: () => void;
}

interface State<T> {
  items: T[];
  nextCursor: string | null;
  pages: number;
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
}

/**
 * A list read page by page with the server's cursors. `key` names the filters and sort: when it
 * changes the list starts again and fetches `initialPages` pages in a row (so a shared link or a
 * reload that says "3 pages" shows the same rows); answers for an older key are dropped.
 */
export function usePagedList<T>(
  key: string,
  loadPage: LoadPage<T>,
  initialPages: number,
): PagedList<T> {
  const [state, setState] = useState<State<T>>({
    items: [],
    nextCursor: null,
    pages: 0,
    loading: true,
    loadingMore: false,
    error: null,
  });
  // The newest loader and page count without restarting the effect on every render.
  const load = useRef(loadPage);
  load.current = loadPage;
  const wanted = useRef(initialPages);
  wanted.current = initialPages;
  const running = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    running.current?.abort();
    running.current = controller;
    setState((old) => ({ ...old, loading: true, loadingMore: false, error: null }));
    void (async () => {
      const items: T[] = [];
      let cursor: string | null = null;
      let pages = 0;
      try {
        do {
          const page = await load.current(cursor ?? undefined, controller.signal);
          items.push(...page.items);
          cursor = page.nextCursor;
          pages += 1;
        } while (cursor && pages < Math.max(1, wanted.current));
        if (controller.signal.aborted) return;
        setState({
          items,
          nextCursor: cursor,
          pages,
          loading: false,
          loadingMore: false,
          error: null,
        });
      } catch (error) {
        if (controller.signal.aborted) return;
        setState({
          items: [],
          nextCursor: null,
          pages: 0,
          loading: false,
          loadingMore: false,
          error: messageOf(error),
        });
      }
    })();
    return () => controller.abort();
  }, [key]);

  // Read by loadMore, which must not start a fetch inside a state updater (StrictMode runs those twice).
  const current = useRef(state);
  current.current = state;

  const loadMore = useCallback(() => {
    const old = current.current;
    const controller = running.current;
    if (!old.nextCursor || old.loading || old.loadingMore || !controller) return;
    current.current = { ...old, loadingMore: true };
    setState(current.current);
    load.current(old.nextCursor, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setState((now) => ({
          ...now,
          items: [...now.items, ...page.items],
          nextCursor: page.nextCursor,
          pages: now.pages + 1,
          loadingMore: false,
        }));
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((now) => ({ ...now, loadingMore: false, error: messageOf(error) }));
      },
    );
  }, []);

  return {
    items: state.items,
    loading: state.loading,
    loadingMore: state.loadingMore,
    error: state.error,
    hasMore: state.nextCursor !== null,
    pages: state.pages,
    loadMore,
  };
}
