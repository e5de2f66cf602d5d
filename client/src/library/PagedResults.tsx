import type { ReactNode } from 'react';
import type { PagedList } from './usePagedList';

/**
 * What a tab shows under its filters: loading, the server's error, the empty message or the
 * rows, then "Load more" while the server has a next page. Rows already shown stay while a new
 * filter loads (marked busy), so the table does not flash empty on every change.
 */
export function PagedResults<T>(props: {
  list: PagedList<T>;
  noun: string;
  empty: ReactNode;
  children: (items: readonly T[]) => ReactNode;
}) {
  const { list } = props;
  return (
    <div className="wc-lib-results" aria-busy={list.loading || list.loadingMore}>
      {list.error && (
        <p role="alert" className="wc-error">
          Could not load the {props.noun}: {list.error}
        </p>
      )}
      {list.loading && list.items.length === 0 && !list.error && (
        <p className="wc-muted" aria-live="polite">
          Loading {props.noun}…
        </p>
      )}
      {!list.loading && !list.error && list.items.length === 0 && (
        <p className="wc-empty">{props.empty}</p>
      )}
      {list.items.length > 0 && props.children(list.items)}
      {list.hasMore && !list.loading && (
        <div className="wc-lib-results__more">
          <button
            type="button"
            className="wc-button"
            disabled={list.loadingMore}
            onClick={list.loadMore}
          >
            {list.loadingMore ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </div>
  );
}
