import type {
  CaseJson,
  CaseRecovery,
  CaseStatus,
  DiscoveryAnswer,
  Severity,
  Touchpoint,
} from '@whychain/shared';
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
export interface CaseFieldsInput {
  /** The customer by name: found (whatever the letter case) or created. */
  customerName?: string;
  customerId?: string;
  summary?: string;
  externalRef?: string | null;
  /** http or https only. */
  externalUrl?: string | null;
  description?: string;
  touchpoint?: Touchpoint;
  severity?: Severity;
  stakes?: { amount?: number | null; currency?: string | null; note?: string };
  /** ISO 8601. */
  receivedAt?: string;
  owner?: string;
  status?: CaseStatus;
  /** Only the steps given change; null clears a step. */
  recovery?: Partial<CaseRecovery>;
  /** Only the questions given change; `{ <questionId>: { answer, note } }`. */
  discovery?: Record<string, { answer?: DiscoveryAnswer | null; note?: string }>;
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
