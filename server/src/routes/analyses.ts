import { Type } from 'typebox';
import {
  ANALYSIS_SORTS,
  isIdShaped,
  LIMITS,
  validateCreateAnalysis,
  type AnalysisSort,
} from '@whychain/shared';
import { caseIdsOfAnalysis, caseRow, linkAnalysis } from '../db/cases';
import { listAnalyses } from '../db/summaries';
import { createStoredAnalysis } from '../storage/createStoredAnalysis';
import { ERROR_SCHEMA, HttpError } from '../http/errors';
import type { ApiApp } from '../http/app';

const AnalysisSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  status: Type.String({ description: 'draft, in_review or closed' }),
  problem: Type.String(),
  rootCauses: Type.Array(
    Type.Object({
      id: Type.String(),
      text: Type.String(),
      category: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  whyCount: Type.Integer(),
  openActions: Type.Integer(),
  overdueActions: Type.Integer(),
  owners: Type.Array(Type.String()),
  caseIds: Type.Array(Type.String()),
  createdAt: Type.Integer({ description: 'milliseconds since 1970' }),
  updatedAt: Type.Integer({ description: 'milliseconds since 1970' }),
});

const Time = Type.String({ format: 'date-time', description: 'ISO 8601' });
const ListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Unsafe<string>({ type: 'string', enum: ['draft', 'in_review', 'closed'] }),
    ),
    caseId: Type.Optional(Type.String({ maxLength: 64 })),
    customerId: Type.Optional(Type.String({ maxLength: 64 })),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    from: Type.Optional({ ...Time, description: 'Created at or after' }),
    to: Type.Optional({ ...Time, description: 'Created at or before' }),
    sort: Type.Optional(Type.Unsafe<AnalysisSort>({ type: 'string', enum: [...ANALYSIS_SORTS] })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

const CreateAnalysis = Type.Object(
  {
    title: Type.String({ maxLength: LIMITS.titleLength, description: 'Required, not blank' }),
    problem: Type.Optional(Type.String({ maxLength: LIMITS.problemLength })),
    caseIds: Type.Optional(
      Type.Array(Type.String({ maxLength: 64 }), {
        maxItems: 100,
        description: 'Cases this analysis explains (start an analysis from cases)',
      }),
    ),
  },
  { additionalProperties: false },
);

/** The analyses: list, create, read one as a snapshot. Editing goes through the sync socket. */
export async function analysesRoutes(app: ApiApp): Promise<void> {
  const { store, hub, db, summaries } = app.whychain;

  app.get(
    '/api/analyses',
    {
      schema: {
        summary: 'Analyses with their summaries, filtered, sorted and paged',
        tags: ['analyses'],
        querystring: ListQuery,
        response: {
          200: Type.Object({
            analyses: Type.Array(AnalysisSummary),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          400: ERROR_SCHEMA,
        },
      },
    },
    async (request) => {
      const { from, to, limit = 50, ...rest } = request.query;
      const page = await listAnalyses(db, {
        ...rest,
        from: from === undefined ? undefined : Date.parse(from),
        to: to === undefined ? undefined : Date.parse(to),
        limit,
      });
      if ('badCursor' in page) {
        throw new HttpError(400, 'Cursor is not one this server gave out.', 'invalid', 'cursor');
      }
      return page;
    },
  );

  app.post(
    '/api/analyses',
    {
      schema: {
        summary: 'Create an analysis',
        tags: ['analyses'],
        body: CreateAnalysis,
        response: { 201: Type.Object({ id: Type.String() }), 400: ERROR_SCHEMA },
      },
    },
    async (request, reply) => {
      // The schema checks the shape; the shared validator the meaning (a blank title, say).
      const bad = validateCreateAnalysis(request.body);
      if (bad) {
        const field = bad.startsWith('Problem') ? 'problem' : 'title';
        throw new HttpError(400, bad, /required/.test(bad) ? 'required' : 'invalid', field);
      }
      const { title, problem = '', caseIds = [] } = request.body;
      for (const caseId of caseIds) {
        if (!isIdShaped(caseId) || !(await caseRow(db, caseId))) {
          throw new HttpError(404, `No case with id "${caseId}".`, 'not_found', 'caseIds');
        }
      }
      const id = await createStoredAnalysis(store, { title, problem });
      for (const caseId of caseIds) await linkAnalysis(db, caseId, id);
      await summaries.refreshNow(id);
      return reply.code(201).send({ id });
    },
  );

  app.get(
    '/api/analyses/:id',
    {
      schema: {
        summary: 'One analysis as a read-only snapshot',
        tags: ['analyses'],
        params: Type.Object({ id: Type.String() }),
        response: {
          200: Type.Object(
            { id: Type.String() },
            { additionalProperties: true, description: 'The snapshot (see shared/src/schema.ts)' },
          ),
          404: ERROR_SCHEMA,
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      const snapshot = isIdShaped(id) ? await hub.snapshot(id) : undefined;
      if (!snapshot) throw new HttpError(404, `No analysis with id "${id}".`, 'not_found', 'id');
      return { id, ...snapshot, caseIds: await caseIdsOfAnalysis(db, id) };
    },
  );
}
