import type { AnalysisListItem, AnalysisSort, AnalysisStatus } from '@whychain/shared';

/** One row of the library, as listed by `GET /api/analyses` (the analysis's summary row). */
export type AnalysisSummary = Omit<AnalysisListItem, 'createdAt' | 'updatedAt'> & {
  /** Milliseconds since the epoch or an ISO date, whichever the server sends. */
  updatedAt: number | string;
};
export type { AnalysisSort };

/** Filters and paging of `GET /api/analyses`; what is left out the server defaults. */
export interface AnalysisQuery {
  status?: AnalysisStatus;
  caseId?: string;
  customerId?: string;
  q?: string;
  sort?: AnalysisSort;
  limit?: number;
  cursor?: string;
}

export interface AnalysisPage {
  analyses: AnalysisSummary[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** The calls the library makes to the server. */
export interface AnalysesApi {
  /** The first page with the server's defaults. */
  list(): Promise<AnalysisSummary[]>;
  /** One page, filtered and sorted. */
  page(query?: AnalysisQuery, signal?: AbortSignal): Promise<AnalysisPage>;
  /** Creates an analysis and returns its id; throws an `ApiError` carrying the server's message. */
  create(input: { title: string; problem: string }): Promise<{ id: string }>;
}

/** A failed request, with a message meant for the user. */
export class ApiError extends Error {
  readonly status: number;

  constructor(message: string, status: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

async function errorFrom(response: Response): Promise<ApiError> {
  let message = `The server answered ${response.status} ${response.statusText}`.trim() + '.';
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === 'string' && body.error.trim() !== '') message = body.error;
  } catch {
    // not JSON: keep the status line
  }
  return new ApiError(message, response.status);
}

async function send(url: URL, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (init?.signal?.aborted) throw error;
    throw new ApiError('Could not reach the server. Check your connection and try again.', 0);
  }
}

/** A row with what an older server leaves out filled in, so the table never reads undefined. */
function withDefaults(row: Partial<AnalysisSummary>): AnalysisSummary {
  return {
    id: String(row.id),
    title: row.title ?? '',
    status: row.status ?? 'draft',
    problem: row.problem ?? '',
    rootCauses: row.rootCauses ?? [],
    whyCount: row.whyCount ?? 0,
    openActions: row.openActions ?? 0,
    overdueActions: row.overdueActions ?? 0,
    owners: row.owners ?? [],
    caseIds: row.caseIds ?? [],
    updatedAt: row.updatedAt ?? 0,
  };
}

/** The HTTP API of the server at `baseUrl` (the page's own origin by default). */
export function createAnalysesApi(baseUrl: string = window.location.origin): AnalysesApi {
  const url = (path: string) => new URL(path, baseUrl);
  const page = async (query: AnalysisQuery = {}, signal?: AbortSignal): Promise<AnalysisPage> => {
    const target = url('/api/analyses');
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') target.searchParams.set(key, String(value));
    }
    const response = await send(target, { headers: { accept: 'application/json' }, signal });
    if (!response.ok) throw await errorFrom(response);
    const body = (await response.json()) as {
      analyses?: Partial<AnalysisSummary>[];
      nextCursor?: unknown;
    };
    return {
      analyses: Array.isArray(body.analyses) ? body.analyses.map(withDefaults) : [],
      nextCursor: typeof body.nextCursor === 'string' ? body.nextCursor : null,
    };
  };
  return {
    async list() {
      return (await page()).analyses;
    },
    page,
    async create(input) {
      const response = await send(url('/api/analyses'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(input),
      });
      if (!response.ok) throw await errorFrom(response);
      const body = (await response.json()) as { id?: unknown };
      if (typeof body.id !== 'string') throw new ApiError('The server did not return an id.', 500);
      return { id: body.id };
    },
  };
}
