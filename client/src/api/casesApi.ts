import type { CaseFields, CaseJson, CaseStatus, Severity } from '@whychain/shared';
import { createJsonClient, defaultBaseUrl, seg, type Query } from './request';

export type CaseSort =
  'receivedAt' | '-receivedAt' | 'severity' | '-severity' | 'updatedAt' | '-updatedAt';

/** Filters and paging of `GET /api/cases`; every field optional. */
export interface CaseListQuery {
  customerId?: string;
  status?: CaseStatus;
  severity?: Severity;
  owner?: string;
  /** Received at or after (ISO 8601). */
  from?: string;
  /** Received at or before (ISO 8601). */
  to?: string;
  q?: string;
  sort?: CaseSort;
  /** At most 200; the server's default is 50. */
  limit?: number;
  cursor?: string;
}

export interface CasePage {
  cases: CaseJson[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** The writable fields of a case, as POST and PATCH take them. */
export interface CaseFieldsInput extends CaseFields {
  /** The customer by name: found (whatever the letter case) or created. */
  customerName?: string;
  customerId?: string;
}

export type CreateCaseInput = CaseFieldsInput & { summary: string };

/** The case routes of the server. Each call throws a `FieldApiError` with the server's message. */
export interface CasesApi {
  list(query?: CaseListQuery, signal?: AbortSignal): Promise<CasePage>;
  get(id: string): Promise<CaseJson>;
  /** Creates a case (or updates the one with the same `externalRef`). */
  create(input: CreateCaseInput): Promise<CaseJson>;
  patch(id: string, fields: CaseFieldsInput): Promise<CaseJson>;
  /** Links an analysis to the case; linking twice is not an error. */
  linkAnalysis(caseId: string, analysisId: string): Promise<CaseJson>;
  unlinkAnalysis(caseId: string, analysisId: string): Promise<CaseJson>;
}

/** The case routes of the server at `baseUrl` (the page's own origin by default). */
export function createCasesApi(baseUrl: string = defaultBaseUrl()): CasesApi {
  const http = createJsonClient(baseUrl);
  return {
    list: (query = {}, signal) => http.get<CasePage>('/api/cases', query as Query, signal),
    get: (id) => http.get<CaseJson>(`/api/cases/${seg(id)}`),
    create: (input) => http.post<CaseJson>('/api/cases', input),
    patch: (id, fields) => http.patch<CaseJson>(`/api/cases/${seg(id)}`, fields),
    linkAnalysis: (caseId, analysisId) =>
      http.post<CaseJson>(`/api/cases/${seg(caseId)}/analyses`, { analysisId }),
    unlinkAnalysis: (caseId, analysisId) =>
      http.delete<CaseJson>(`/api/cases/${seg(caseId)}/analyses/${seg(analysisId)}`),
  };
}
