import { ApiError } from './analysesApi';

/**
 * A failed request with the server's own words: `error` as the message, plus its stable `code`
 * and, when one field is to blame, its path (`field`, e.g. "stakes.currency"), so a form can put
 * the message next to that field.
 */
export class FieldApiError extends ApiError {
  readonly code: string;
  readonly field: string | null;

  constructor(message: string, status: number, code: string, field: string | null) {
    super(message, status);
    this.name = 'FieldApiError';
    this.code = code;
    this.field = field;
  }
}

/** The field an error blames, or null (also for errors that are not from the server). */
export function fieldOf(error: unknown): string | null {
  return error instanceof FieldApiError ? error.field : null;
}

/** What to show the user for any error a call threw. */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}

async function errorFrom(response: Response): Promise<FieldApiError> {
  let message = `The server answered ${response.status} ${response.statusText}`.trim() + '.';
  let code = 'http_' + response.status;
  let field: string | null = null;
  try {
    const body = (await response.json()) as { error?: unknown; code?: unknown; field?: unknown };
    if (typeof body.error === 'string' && body.error.trim() !== '') message = body.error;
    if (typeof body.code === 'string') code = body.code;
    if (typeof body.field === 'string' && body.field !== '') field = body.field;
  } catch {
    // not JSON: keep the status line
  }
  return new FieldApiError(message, response.status, code, field);
}

/** Query parameters; undefined, null and '' are left out so the server applies its defaults. */
export type Query = Record<string, string | number | boolean | null | undefined>;

/** A JSON client for the server at `baseUrl`, throwing `FieldApiError` on any 4xx/5xx. */
export function createJsonClient(baseUrl: string) {
  const url = (path: string, query?: Query) => {
    const target = new URL(path, baseUrl);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null && value !== '') {
        target.searchParams.set(key, String(value));
      }
    }
    return target;
  };

  async function request<T>(
    method: string,
    path: string,
    options: { query?: Query; body?: unknown; signal?: AbortSignal } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(url(path, options.query), {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new FieldApiError(
        'Could not reach the server. Check your connection and try again.',
        0,
        'network',
        null,
      );
    }
    if (!response.ok) throw await errorFrom(response);
    return (await response.json()) as T;
  }

  return {
    get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
      request<T>('GET', path, { query, signal }),
    post: <T>(path: string, body: unknown) => request<T>('POST', path, { body }),
    patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
    delete: <T>(path: string) => request<T>('DELETE', path),
  };
}

/** `encodeURIComponent` for one path segment (ids come from URLs the user may have typed). */
export const seg = (value: string) => encodeURIComponent(value);

/** The page's own origin, or a placeholder where there is no window (never fetched from). */
export function defaultBaseUrl(): string {
  return typeof window === 'undefined' ? 'http://localhost' : window.location.origin;
}
