import type { AnalysisStatus } from '@whychain/shared';

/** One row of the library, as listed by `GET /api/analyses`. */
export interface AnalysisSummary {
  id: string;
  title: string;
  status: AnalysisStatus | string;
  /** Milliseconds since the epoch or an ISO date, whichever the server sends. */
  updatedAt: number | string;
}

/** The calls the library makes to the server. */
export interface AnalysesApi {
  list(): Promise<AnalysisSummary[]>;
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
  } catch {
    throw new ApiError('Could not reach the server. Check your connection and try again.', 0);
  }
}

/** The HTTP API of the server at `baseUrl` (the page's own origin by default). */
export function createAnalysesApi(baseUrl: string = window.location.origin): AnalysesApi {
  const url = (path: string) => new URL(path, baseUrl);
  return {
    async list() {
      const response = await send(url('/api/analyses'), {
        headers: { accept: 'application/json' },
      });
      if (!response.ok) throw await errorFrom(response);
      const body = (await response.json()) as { analyses?: AnalysisSummary[] };
      return Array.isArray(body.analyses) ? body.analyses : [];
    },
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
