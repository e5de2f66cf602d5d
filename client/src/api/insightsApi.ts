import { createJsonClient, defaultBaseUrl } from './request';

/** Root causes of one category (`Uncategorized` for those without one). */
export interface CategoryCount {
  category: string;
  count: number;
}

/** An amount at stake in one currency (ISO 4217); amounts of different currencies never mix. */
export interface StakeAmount {
  currency: string;
  amount: number;
}

/** One root cause with the cases its analysis is linked to and what those cases put at stake. */
export interface RankedRootCause {
  analysisId: string;
  analysisTitle: string;
  whyId: string;
  text: string;
  category: string | null;
  caseCount: number;
  stakes: StakeAmount[];
}

/** Root causes worded alike in two or more analyses. */
export interface RecurringRootCause {
  text: string;
  analyses: { analysisId: string; analysisTitle: string; whyId: string; text: string }[];
}

export interface OwnerActions {
  owner: string;
  open: number;
  overdue: number;
}

/** Median times from a case's receipt to each recovery step; null when no case reached it. */
export interface RecoveryTimes {
  acknowledgeMs: number | null;
  resolveMs: number | null;
  confirmMs: number | null;
  cases: number;
}

/** The figures behind the Insights screen, as `GET /api/insights` answers them. */
export interface Insights {
  categories: CategoryCount[];
  rootCauses: RankedRootCause[];
  recurring: RecurringRootCause[];
  actionsByOwner: OwnerActions[];
  recovery: RecoveryTimes;
}

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
