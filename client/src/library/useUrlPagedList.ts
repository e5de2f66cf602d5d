import { useEffect } from 'react';
import { usePagedList, type LoadPage, type PagedList } from './usePagedList';
import { useUrlQuery } from './useUrlQuery';

/** The number of pages the URL asks for (`pages=3`), at least 1 and at most 20. */
export function pagesFrom(params: URLSearchParams): number {
  const pages = Number.parseInt(params.get('pages') ?? '1', 10);
  return Number.isFinite(pages) ? Math.min(20, Math.max(1, pages)) : 1;
}

/**
 * A paged list whose page count is kept in the URL (`pages`), so "Load more" survives a reload
 * and a shared link shows as many rows. Changing a filter must also clear `pages`.
 */
export function useUrlPagedList<T>(key: string, loadPage: LoadPage<T>): PagedList<T> {
  const [params, setQuery] = useUrlQuery();
  const list = usePagedList(key, loadPage, pagesFrom(params));
  const { loading, pages } = list;
  useEffect(() => {
    // Once settled, say how many pages are really shown (fewer when the list got shorter).
    if (!loading && pages > 0) setQuery({ pages: pages > 1 ? String(pages) : null });
  }, [loading, pages, setQuery]);
  return list;
}
