import type {
  CategoryCount,
  Insights,
  OwnerActions,
  RankedRootCause,
  RecoveryTimes,
  RecurringRootCause,
  StakeAmount,
} from '@whychain/shared';
import { createJsonClient, defaultBaseUrl } from './request';

export type {
  CategoryCount,
  Insights,
  OwnerActions,
  RankedRootCause,
  RecoveryTimes,
  RecurringRootCause,
  StakeAmount,
};

/** The period asked about: ISO 8601 instants, either end open when absent. */
export interface InsightsRange {
  from?: string;
  to?: string;
}

export interface InsightsApi {
  get(range: InsightsRange, signal?: AbortSignal): Promise<Insights>;
}

/** `GET /api/insights` of the server at `baseUrl` (the page's own origin by default). */
export function createInsightsApi(baseUrl: string = defaultBaseUrl()): InsightsApi {
  const client = createJsonClient(baseUrl);
  return {
    async get(range, signal) {
      const body = await client.get<Partial<Insights>>(
        '/api/insights',
        { from: range.from, to: range.to },
        signal,
      );
      // A server from before a section existed leaves it out: show that section empty.
      return {
        categories: body.categories ?? [],
        rootCauses: body.rootCauses ?? [],
        recurring: body.recurring ?? [],
        actionsByOwner: body.actionsByOwner ?? [],
        recovery: body.recovery ?? {
          acknowledgeMs: null,
          resolveMs: null,
          confirmMs: null,
          cases: 0,
        },
      };
    },
  };
}
