import { Type } from 'typebox';
import {
  CSV_TABLES,
  exportAnalysisJson,
  exportSlug,
  isIdShaped,
  renderCsv,
  renderMarkdown,
  type CsvTable,
  type ExportInput,
} from '@whychain/shared';
import { caseIdsOfAnalysis, caseJson } from '../db/cases';
import { ERROR_SCHEMA, HttpError } from '../http/errors';
import type { ApiApp } from '../http/app';

interface ExportFile {
  body: string;
  contentType: string;
  /** File name stem after the title's slug, and its extension. */
  suffix: string;
}

/**
 * Every format the route answers, one entry each: the query's enum, the 400 listing the valid
 * ones and the handler all read this table, so a new format is one more entry.
 */
export const EXPORT_FORMATS = {
  md: (input: ExportInput): ExportFile => ({
    body: renderMarkdown(input),
    contentType: 'text/markdown; charset=utf-8',
    suffix: '.md',
  }),
  csv: (input: ExportInput, table: CsvTable): ExportFile => ({
    body: renderCsv(input, table),
    contentType: 'text/csv; charset=utf-8',
    suffix: `-${table}.csv`,
  }),
  json: (input: ExportInput): ExportFile => ({
    body: JSON.stringify(
      exportAnalysisJson({ ...input, caseIds: input.cases.map((found) => found.id) }),
      null,
      2,
    ),
    contentType: 'application/json; charset=utf-8',
    suffix: '.json',
  }),
} satisfies Record<string, (input: ExportInput, table: CsvTable) => ExportFile>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;
const FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormat[];

const ExportQuery = Type.Object(
  {
    format: Type.Unsafe<ExportFormat>({ type: 'string', enum: FORMAT_NAMES }),
    table: Type.Optional(
      Type.Unsafe<CsvTable>({
        type: 'string',
        enum: [...CSV_TABLES],
        description: 'For csv: which table (actions when omitted)',
      }),
    ),
  },
  { additionalProperties: false },
);

/** Exports of one analysis as files to download (Markdown, CSV, ...). */
export async function exportsRoutes(app: ApiApp): Promise<void> {
  const { hub, db } = app.whychain;

  app.get(
    '/api/analyses/:id/export',
    {
      schema: {
        summary: 'One analysis as a file to download',
        tags: ['analyses'],
        params: Type.Object({ id: Type.String() }),
        querystring: ExportQuery,
        produces: ['text/markdown', 'text/csv', 'application/json'],
        response: {
          200: Type.String({ description: 'The file, as an attachment' }),
          400: ERROR_SCHEMA,
          404: ERROR_SCHEMA,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { format, table = 'actions' } = request.query;
      const snapshot = isIdShaped(id) ? await hub.snapshot(id) : undefined;
      if (!snapshot) throw new HttpError(404, `No analysis with id "${id}".`, 'not_found', 'id');
      const cases = [];
      for (const caseId of await caseIdsOfAnalysis(db, id)) {
        const found = await caseJson(db, caseId);
        if (found) cases.push(found);
      }
      const file = EXPORT_FORMATS[format]({ snapshot, cases, id }, table);
      const name = `${exportSlug(snapshot.title)}${file.suffix}`;
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(file.body);
    },
  );
}
