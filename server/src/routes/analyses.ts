import { Type } from 'typebox';
import { isIdShaped, LIMITS, validateCreateAnalysis } from '@whychain/shared';
import { createStoredAnalysis } from '../storage/createStoredAnalysis';
import { ERROR_SCHEMA, HttpError } from '../http/errors';
import type { ApiApp } from '../http/app';

const AnalysisSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  status: Type.String({ description: 'draft, in_review or closed' }),
  updatedAt: Type.Integer({ description: 'milliseconds since 1970' }),
});

const CreateAnalysis = Type.Object(
  {
    title: Type.String({ maxLength: LIMITS.titleLength, description: 'Required, not blank' }),
    problem: Type.Optional(Type.String({ maxLength: LIMITS.problemLength })),
  },
  { additionalProperties: false },
);

/** The analyses: list, create, read one as a snapshot. Editing goes through the sync socket. */
export async function analysesRoutes(app: ApiApp): Promise<void> {
  const { store, hub } = app.whychain;

  app.get(
    '/api/analyses',
    {
      schema: {
        summary: 'Every analysis, most recently changed first',
        tags: ['analyses'],
        response: { 200: Type.Object({ analyses: Type.Array(AnalysisSummary) }) },
      },
    },
    async () => {
      const rows = await store.list();
      return {
        analyses: rows.map(({ id, title, status, updatedAt }) => ({
          id,
          title,
          status,
          updatedAt,
        })),
      };
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
      const { title, problem = '' } = request.body;
      const id = await createStoredAnalysis(store, { title, problem });
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
      return { id, ...snapshot };
    },
  );
}
