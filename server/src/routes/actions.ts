import { Type } from 'typebox';
import { ACTION_STATUSES } from '@whychain/shared';
import { listActions } from '../db/actions';
import { ERROR_SCHEMA, HttpError } from '../http/errors';
import type { ApiApp } from '../http/app';
import { localToday } from '../jobs/SummaryRefresher';

const ActionItem = Type.Object({
  id: Type.String(),
  analysisId: Type.String(),
  analysisTitle: Type.String(),
  whyId: Type.Union([Type.String(), Type.Null()]),
  whyText: Type.String(),
  kind: Type.String(),
  description: Type.String(),
  owner: Type.String(),
  dueDate: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  overdue: Type.Boolean(),
});

/** The actions of every analysis in one list, soonest due first. */
export async function actionsRoutes(app: ApiApp): Promise<void> {
  const { db } = app.whychain;
  app.get(
    '/api/actions',
    {
      schema: {
        summary: 'Actions across analyses, soonest due first',
        tags: ['actions'],
        querystring: Type.Object(
          {
            status: Type.Optional(
              Type.Unsafe<string>({ type: 'string', enum: [...ACTION_STATUSES] }),
            ),
            owner: Type.Optional(Type.String({ maxLength: 200 })),
            overdue: Type.Optional(
              Type.Boolean({ description: 'Only open actions past their due date' }),
            ),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            cursor: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            actions: Type.Array(ActionItem),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          400: ERROR_SCHEMA,
        },
      },
    },
    async (request) => {
      const { limit = 50, ...rest } = request.query;
      const page = await listActions(db, { ...rest, limit, today: localToday() });
      if ('badCursor' in page) {
        throw new HttpError(400, 'Cursor is not one this server gave out.', 'invalid', 'cursor');
      }
      return page;
    },
  );
}
