import { Type } from 'typebox';
import { MATCH_END, MATCH_START, searchIndex } from '../db/sqlite/searchIndex';
import { HttpError, ERROR_SCHEMA } from '../http/errors';
import type { ApiApp } from '../http/app';

const Result = Type.Object({
  kind: Type.Unsafe<string>({
    type: 'string',
    enum: ['case', 'analysis', 'why', 'action', 'customer'],
  }),
  id: Type.String(),
  analysisId: Type.Optional(Type.String()),
  caseId: Type.Optional(Type.String()),
  title: Type.String(),
  field: Type.String(),
  snippet: Type.String({
    description: `The text around the match; the match is between ${JSON.stringify(MATCH_START)} and ${JSON.stringify(MATCH_END)} (no HTML)`,
  }),
});

/** One search box over cases, customers, analyses, whys, evidence and actions. */
export async function searchRoutes(app: ApiApp): Promise<void> {
  const { db } = app.whychain;
  app.get(
    '/api/search',
    {
      schema: {
        summary: 'Full-text search (words match by prefix), best first',
        tags: ['search'],
        querystring: Type.Object(
          {
            q: Type.String({ maxLength: 200 }),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ results: Type.Array(Result) }), 400: ERROR_SCHEMA },
      },
    },
    async (request) => {
      const { q, limit = 20 } = request.query;
      if (q.trim() === '')
        throw new HttpError(400, 'Say what to search for: q must not be empty.', 'empty', 'q');
      const hits = await searchIndex(db, q, { limit });
      return {
        results: hits.map((hit) => ({
          kind: hit.kind,
          id: hit.id,
          ...(hit.analysisId ? { analysisId: hit.analysisId } : {}),
          ...(hit.caseId ? { caseId: hit.caseId } : {}),
          title: hit.title,
          field: hit.field,
          snippet: hit.snippet,
        })),
      };
    },
  );
}
