import type { ActionListItem, ActionStatus } from '@whychain/shared';
import { createJsonClient, defaultBaseUrl, type Query } from './request';

/** One action as `GET /api/actions` lists it, across all analyses. */
export type ActionRow = ActionListItem;

export interface ActionListQuery {
  status?: ActionStatus;
  owner?: string;
  overdue?: boolean;
  limit?: number;
  cursor?: string;
}

export interface ActionPage {
  actions: ActionRow[];
  nextCursor: string | null;
}

/** The follow-up across analyses. Errors are `FieldApiError`s with the server's message. */
export interface ActionsApi {
  list(query?: ActionListQuery, signal?: AbortSignal): Promise<ActionPage>;
}

/** The actions route of the server at `baseUrl` (the page's own origin by default). */
export function createActionsApi(baseUrl: string = defaultBaseUrl()): ActionsApi {
  const http = createJsonClient(baseUrl);
  return {
    list: ({ overdue, ...rest } = {}, signal) =>
      // overdue=false is the same as no filter: leave it out rather than send "false".
      http.get<ActionPage>(
        '/api/actions',
        { ...rest, overdue: overdue ? 'true' : undefined } as Query,
        signal,
      ),
  };
}
