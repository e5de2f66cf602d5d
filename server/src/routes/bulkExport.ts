import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import {
  ANALYSIS_SORTS,
  CSV_TABLES,
  exportSlug,
  isIdShaped,
  type AnalysisSort,
} from '@whychain/shared';
import { listAnalyses, type AnalysisFilters } from '../db/summaries';
import { streamZip, type BulkFile } from '../export/bulk';
import { PAPERS, type ExportOptions } from '../export/exportFile';
import { EXPORT_FORMATS, FORMAT_NAMES, type ExportFormat } from '../export/formats';
import { ERROR_SCHEMA, HttpError } from '../http/errors';
import type { ApiApp } from '../http/app';
import { exportInputOf } from './exports';

/** The most ids one request may name. */
export const MAX_BULK_IDS = 1000;
const PAGE = 200;

const enumOf = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const Time = Type.String({ format: 'date-time', description: 'ISO 8601' });

// The filters are those of GET /api/analyses (routes/analyses.ts), without its paging.
const BulkQuery = Type.Object(
  {
    format: enumOf(FORMAT_NAMES, 'The format of every file in the archive'),
    ids: Type.Optional(
      Type.String({
        maxLength: MAX_BULK_IDS * 65,
        description: `Comma-separated analysis ids (at most ${MAX_BULK_IDS}); without them, the analyses the filters select (all when none)`,
      }),
    ),
    table: Type.Optional(enumOf(CSV_TABLES, 'For csv: which table (actions when omitted)')),
    paper: Type.Optional(enumOf(PAPERS, 'For pdf: the paper size (a4 when omitted)')),
    status: Type.Optional(enumOf(['draft', 'in_review', 'closed'])),
    caseId: Type.Optional(Type.String({ maxLength: 64 })),
    customerId: Type.Optional(Type.String({ maxLength: 64 })),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    from: Type.Optional({ ...Time, description: 'Created at or after' }),
    to: Type.Optional({ ...Time, description: 'Created at or before' }),
    sort: Type.Optional(enumOf<AnalysisSort>(ANALYSIS_SORTS)),
  },
  { additionalProperties: false },
);

/** The ids a request names, each checked to be an analysis: a 400 or 404 before any byte. */
async function namedIds(app: ApiApp, list: string): Promise<string[]> {
  const ids = [...new Set(list.split(',').map((id) => id.trim()))].filter(Boolean);
  if (ids.length === 0) throw new HttpError(400, 'Ids names no analysis.', 'invalid', 'ids');
  if (ids.length > MAX_BULK_IDS) {
    throw new HttpError(
      400,
      `Ids names ${ids.length} analyses; at most ${MAX_BULK_IDS} go in one archive.`,
      'invalid',
      'ids',
    );
  }
  for (const id of ids) {
    if (!isIdShaped(id) || !(await app.whychain.store.exists(id))) {
      throw new HttpError(404, `No analysis with id "${id}".`, 'not_found', 'ids');
    }
  }
  return ids;
}

/** The ids of every analysis the filters select, in the list's order, page after page. */
async function filteredIds(
  app: ApiApp,
  filters: Omit<AnalysisFilters, 'limit'>,
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAnalyses(app.whychain.db, { ...filters, limit: PAGE, cursor });
    if ('badCursor' in page) throw new Error('The list gave a cursor it does not take back.');
    ids.push(...page.analyses.map((analysis) => analysis.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/** Renders one analysis as the single export would (team audience), for the archive. */
async function renderOne(
  app: ApiApp,
  id: string,
  format: ExportFormat,
  options: ExportOptions,
): Promise<BulkFile> {
  const input = await exportInputOf(app, id);
  const file = await EXPORT_FORMATS[format](input, options);
  return { slug: exportSlug(input.snapshot.title), suffix: file.suffix, body: file.body };
}

/** Many analyses in one ZIP, streamed: picked by id or by the library's list filters. */
export async function bulkExportRoutes(app: ApiApp): Promise<void> {
  app.get(
    '/api/analyses/export',
    {
      schema: {
        summary: 'Many analyses as one ZIP of files, one per analysis',
        tags: ['analyses'],
        querystring: BulkQuery,
        produces: ['application/zip'],
        response: {
          200: Type.Unsafe<Readable>({
            type: 'string',
            format: 'binary',
            description: 'The ZIP archive, as an attachment, streamed',
          }),
          400: ERROR_SCHEMA,
          404: ERROR_SCHEMA,
        },
      },
    },
    async (request, reply) => {
      const { format, ids, table = 'actions', paper = 'a4', from, to, ...filters } = request.query;
      const chosen =
        ids === undefined
          ? await filteredIds(app, {
              ...filters,
              from: from === undefined ? undefined : Date.parse(from),
              to: to === undefined ? undefined : Date.parse(to),
            })
          : await namedIds(app, ids);
      const options: ExportOptions = { table, paper, audience: 'team' };
      const zip = await streamZip(chosen, (id) => renderOne(app, id, format, options));
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="whychain-analyses-${format}.zip"`)
        .send(zip);
    },
  );
}
