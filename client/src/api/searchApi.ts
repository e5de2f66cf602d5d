import { createJsonClient, defaultBaseUrl } from './request';

export type SearchKind = 'case' | 'analysis' | 'why' | 'action' | 'customer';

/** One hit of `GET /api/search`. */
export interface SearchResult {
  kind: SearchKind;
  id: string;
  /** The analysis a why or an action belongs to. */
  analysisId?: string;
  caseId?: string;
  title: string;
  /** Which field matched (summary, description, name, title, problem, text, ...). */
  field: string;
  /** Plain text; the match sits between \u0002 and \u0003. */
  snippet: string;
}

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
