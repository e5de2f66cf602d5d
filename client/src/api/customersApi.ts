import type { CaseJson } from '@whychain/shared';
import { createJsonClient, defaultBaseUrl, seg } from './request';

/** One customer with its case figures, as `GET /api/customers` lists it. */
export interface CustomerJson {
  id: string;
  name: string;
  externalId: string | null;
  caseCount: number;
  openCases: number;
  /** ISO 8601, or null when the customer has no case. */
  lastCaseAt: string | null;
  /** Cases received within the minor-wounds window (90 days by default). */
  recentCases: number;
  /** Many minor wounds: enough cases within the window (3 in 90 days by default). */
  flagged: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A customer with all its cases, newest first (`GET /api/customers/:id`). */
export interface CustomerWithCases extends CustomerJson {
  cases: CaseJson[];
}

export interface CustomerListQuery {
  q?: string;
  limit?: number;
  cursor?: string;
}

export interface CustomerPage {
  customers: CustomerJson[];
  nextCursor: string | null;
}

/** The customer routes. Each call throws a `FieldApiError` with the server's message. */
export interface CustomersApi {
  list(query?: CustomerListQuery, signal?: AbortSignal): Promise<CustomerPage>;
  get(id: string): Promise<CustomerWithCases>;
  /** A second customer with the same name (whatever its case) is refused (409, field "name"). */
  create(input: { name: string; externalId?: string | null }): Promise<CustomerJson>;
  patch(id: string, fields: { name?: string; externalId?: string | null }): Promise<CustomerJson>;
}

/** The customer routes of the server at `baseUrl` (the page's own origin by default). */
export function createCustomersApi(baseUrl: string = defaultBaseUrl()): CustomersApi {
  const http = createJsonClient(baseUrl);
  return {
    list: (query = {}, signal) => http.get<CustomerPage>('/api/customers', { ...query }, signal),
    get: (id) => http.get<CustomerWithCases>(`/api/customers/${seg(id)}`),
    create: (input) => http.post<CustomerJson>('/api/customers', input),
    patch: (id, fields) => http.patch<CustomerJson>(`/api/customers/${seg(id)}`, fields),
  };
}
