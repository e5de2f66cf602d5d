import type { SeenBeforeMatch } from '@whychain/shared';
import { createJsonClient, defaultBaseUrl } from './request';

export type { SeenBeforeMatch };

export interface SeenBeforeApi {
  /** Up to three root causes of analyses other than `analysisId` that match `text`. */
  find(text: string, analysisId: string, signal?: AbortSignal): Promise<SeenBeforeMatch[]>;
}

/** `GET /api/seen-before` of the server at `baseUrl` (the page's own origin by default). */
export function createSeenBeforeApi(baseUrl: string = defaultBaseUrl()): SeenBeforeApi {
  const client = createJsonClient(baseUrl);
  return {
    async find(text, analysisId, signal) {
      const body = await client.get<{ matches?: SeenBeforeMatch[] }>(
        '/api/seen-before',
        { text, analysisId },
        signal,
      );
      return Array.isArray(body.matches) ? body.matches : [];
    },
  };
}
