import type { AnalysisListItem, AnalysisSort } from '@whychain/shared';
import { createJsonClient, defaultBaseUrl, seg } from './request';

/** One analysis as `GET /api/analyses` lists it (its summary row). */
export type AnalysisRow = AnalysisListItem;
export type { AnalysisSort };

export interface AnalysisListQuery {
  status?: 'draft' | 'in_review' | 'closed';
  caseId?: string;
  customerId?: string;
  q?: string;
  /** Created at or after / before (ISO 8601). */
  from?: string;
  to?: string;
  sort?: AnalysisSort;
  limit?: number;
  cursor?: string;
}

export interface AnalysisRowPage {
  analyses: AnalysisRow[];
  nextCursor: string | null;
}

/**
 * The analysis routes that cases need: the filtered list (by case, by title), starting an
 * analysis from cases, and the cases one analysis is linked to. Errors are `FieldApiError`s.
 */
export interface AnalysisRowsApi {
  list(query?: AnalysisListQuery, signal?: AbortSignal): Promise<AnalysisRowPage>;
  create(input: { title: string; problem?: string; caseIds?: string[] }): Promise<{ id: string }>;
  /** The ids of the cases linked to one analysis (from `GET /api/analyses/:id`). */
  caseIds(analysisId: string): Promise<string[]>;
}

export function createAnalysisRowsApi(baseUrl: string = defaultBaseUrl()): AnalysisRowsApi {
  const http = createJsonClient(baseUrl);
  return {
    list: (query = {}, signal) => http.get<AnalysisRowPage>('/api/analyses', { ...query }, signal),
    create: (input) => http.post<{ id: string }>('/api/analyses', input),
    async caseIds(analysisId) {
      const body = await http.get<{ caseIds?: unknown }>(`/api/analyses/${seg(analysisId)}`);
      return Array.isArray(body.caseIds) ? body.caseIds.filter((id) => typeof id === 'string') : [];
    },
  };
}
