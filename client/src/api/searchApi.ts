import type { SearchKind, SearchResult } from '@whychain/shared';
import { createJsonClient, defaultBaseUrl } from './request';

export type { SearchKind, SearchResult };

/** Full-text search over cases, customers, analyses, whys, evidence and actions. */
export interface SearchApi {
  search(q: string, options?: { limit?: number; signal?: AbortSignal }): Promise<SearchResult[]>;
}

/** The search route of the server at `baseUrl` (the page's own origin by default). */
export function createSearchApi(baseUrl: string = defaultBaseUrl()): SearchApi {
  const http = createJsonClient(baseUrl);
  return {
    async search(q, { limit, signal } = {}) {
      const body = await http.get<{ results?: SearchResult[] }>(
        '/api/search',
        { q, limit },
        signal,
      );
      return Array.isArray(body.results) ? body.results : [];
    },
  };
}
