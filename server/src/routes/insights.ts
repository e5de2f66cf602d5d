import { Type } from 'typebox';
import { significantWords, similarWording, type Insights } from '@whychain/shared';
import { insights } from '../db/insights';
import { searchIndex } from '../db/sqlite/searchIndex';
import { ERROR_SCHEMA, HttpError } from '../http/errors';
import type { ApiApp } from '../http/app';
import { localToday } from '../jobs/SummaryRefresher';

const Time = Type.String({ format: 'date-time', description: 'ISO 8601' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const InsightsSchema = Type.Object({
  categories: Type.Array(Type.Object({ category: Type.String(), count: Type.Integer() })),
  rootCauses: Type.Array(
    Type.Object({
      analysisId: Type.String(),
      analysisTitle: Type.String(),
      whyId: Type.String(),
      text: Type.String(),
      category: Nullable(Type.String()),
      caseCount: Type.Integer(),
      stakes: Type.Array(Type.Object({ currency: Type.String(), amount: Type.Number() })),
    }),
  ),
  recurring: Type.Array(
    Type.Object({
      text: Type.String(),
      analyses: Type.Array(
        Type.Object({
          analysisId: Type.String(),
          analysisTitle: Type.String(),
          whyId: Type.String(),
          text: Type.String(),
        }),
      ),
    }),
  ),
  actionsByOwner: Type.Array(
    Type.Object({ owner: Type.String(), open: Type.Integer(), overdue: Type.Integer() }),
  ),
  recovery: Type.Object({
    acknowledgeMs: Nullable(Type.Number()),
    resolveMs: Nullable(Type.Number()),
    confirmMs: Nullable(Type.Number()),
    cases: Type.Integer(),
  }),
});

const Match = Type.Object({
  analysisId: Type.String(),
  analysisTitle: Type.String(),
  status: Type.String(),
  whyId: Type.String(),
  text: Type.String(),
  caseIds: Type.Array(Type.String()),
});

/** What recurs across analyses: the Insights figures, and "Seen before" for a why being written. */
export async function insightsRoutes(app: ApiApp): Promise<void> {
  const { db, dataVersion } = app.whychain;
  const recent = new Map<string, { version: number; value: Insights }>();

  app.get(
    '/api/insights',
    {
      schema: {
        summary: 'The figures behind the Insights screen',
        tags: ['insights'],
        querystring: Type.Object(
          { from: Type.Optional(Time), to: Type.Optional(Time) },
          { additionalProperties: false },
        ),
        response: { 200: InsightsSchema, 400: ERROR_SCHEMA },
      },
    },
    async (request) => {
      const from = request.query.from === undefined ? undefined : Date.parse(request.query.from);
      const to = request.query.to === undefined ? undefined : Date.parse(request.query.to);
      if (from !== undefined && to !== undefined && from > to) {
        throw new HttpError(400, 'From must not be after to.', 'invalid', 'from');
      }
      // The figures are aggregates over every analysis: computed once per period and reused
      // until the data under them changes (a summary refreshed, a case written) or the day turns.
      const today = localToday();
      const key = `${from}|${to}|${today}`;
      const cached = recent.get(key);
      if (cached && cached.version === dataVersion.value) return cached.value;
      const version = dataVersion.value;
      const value = await insights(db, { from, to, today });
      if (recent.size > 50) recent.clear();
      recent.set(key, { version, value });
      return value;
    },
  );

  app.get(
    '/api/seen-before',
    {
      schema: {
        summary: 'Up to three root causes of other analyses worded like this text',
        tags: ['insights'],
        querystring: Type.Object(
          {
            text: Type.String({ maxLength: 5000 }),
            analysisId: Type.Optional(Type.String({ maxLength: 64 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ matches: Type.Array(Match) }), 400: ERROR_SCHEMA },
      },
    },
    async (request) => {
      const { text, analysisId } = request.query;
      // Only the significant words (stems match by prefix): "the" or "because" find nothing.
      const hits = await searchIndex(db, [...significantWords(text)].join(' '), {
        limit: 30,
        join: 'OR',
        kind: 'why',
        tag: 'root',
        notAnalysisId: analysisId,
      });
      const alike = hits
        .filter((hit) => hit.analysisId && similarWording(text, hit.body))
        .slice(0, 3);
      if (alike.length === 0) return { matches: [] };
      const ids = [...new Set(alike.map((hit) => hit.analysisId!))];
      const docs = await db
        .selectFrom('documents')
        .select(['id', 'title', 'status'])
        .where('id', 'in', ids)
        .execute();
      const links = await db
        .selectFrom('case_analyses')
        .select(['analysis_id', 'case_id'])
        .where('analysis_id', 'in', ids)
        .execute();
      return {
        matches: alike.flatMap((hit) => {
          const doc = docs.find((d) => d.id === hit.analysisId);
          if (!doc) return [];
          return [
            {
              analysisId: doc.id,
              analysisTitle: doc.title,
              status: doc.status,
              whyId: hit.id,
              text: hit.body,
              caseIds: links.filter((l) => l.analysis_id === doc.id).map((l) => l.case_id),
            },
          ];
        }),
      };
    },
  );
}
