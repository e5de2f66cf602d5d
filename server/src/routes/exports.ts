import { Type } from 'typebox';
import {
  CSV_TABLES,
  exportSlug,
  isIdShaped,
  LIMITS,
  metaOf,
  type CsvTable,
  type ExportInput,
} from '@whychain/shared';
import { caseIdsOfAnalysis, caseJson } from '../db/cases';
import { AUDIENCES, PAPERS, type Audience, type Paper } from '../export/exportFile';
import {
  CUSTOMER_FORMATS,
  EXPORT_FORMATS,
  FORMAT_NAMES,
  type ExportFormat,
} from '../export/formats';
import { ERROR_SCHEMA, HttpError } from '../http/errors';
import type { ApiApp } from '../http/app';

const enumOf = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description });

const ExportQuery = Type.Object(
  {
    format: enumOf(FORMAT_NAMES, 'The file format'),
    table: Type.Optional(enumOf(CSV_TABLES, 'For csv: which table (actions when omitted)')),
    paper: Type.Optional(enumOf(PAPERS, 'For pdf: the paper size (a4 when omitted)')),
    audience: Type.Optional(
      enumOf(AUDIENCES, "customer for the customer's version (pdf or md); team when omitted"),
    ),
    reason: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: LIMITS.commentLength,
        description:
          "For the customer's version of an analysis that is not closed: why it goes out now (recorded in the analysis)",
      }),
    ),
  },
  { additionalProperties: false },
);

/** The snapshot and linked cases of one analysis, or a 404. */
export async function exportInputOf(app: ApiApp, id: string): Promise<ExportInput> {
  const { hub, db } = app.whychain;
  const snapshot = isIdShaped(id) ? await hub.snapshot(id) : undefined;
  if (!snapshot) throw new HttpError(404, `No analysis with id "${id}".`, 'not_found', 'id');
  const cases = [];
  for (const caseId of await caseIdsOfAnalysis(db, id)) {
    const found = await caseJson(db, caseId);
    if (found) cases.push(found);
  }
  return { snapshot, cases, id };
}

/**
 * The customer's version goes out for closed analyses; before that only with a reason, which is
 * written into the analysis (everyone in the room sees it) before the file is made.
 */
async function allowCustomerVersion(
  app: ApiApp,
  input: ExportInput,
  format: ExportFormat,
  reason: string | undefined,
): Promise<ExportInput> {
  if (!CUSTOMER_FORMATS.includes(format)) {
    throw new HttpError(
      400,
      `The customer's version comes as ${CUSTOMER_FORMATS.join(' or ')}, not ${format}.`,
      'invalid',
      'format',
    );
  }
  if (input.snapshot.status === 'closed') return input;
  const given = reason?.trim();
  if (!given) {
    throw new HttpError(
      409,
      "The customer's version is offered for closed analyses; to send it before closing, give a reason.",
      'not_closed',
      'reason',
    );
  }
  const room = await app.whychain.hub.open(input.id);
  if (!room) throw new HttpError(404, `No analysis with id "${input.id}".`, 'not_found', 'id');
  room.serverChange(() => metaOf(room.doc).set('customerVersionOverride', given));
  return { ...input, snapshot: { ...input.snapshot, customerVersionOverride: given } };
}

/** Exports of one analysis as files to download (PDF, Word, Markdown, CSV, JSON, SVG, PNG). */
export async function exportsRoutes(app: ApiApp): Promise<void> {
  app.get(
    '/api/analyses/:id/export',
    {
      schema: {
        summary: 'One analysis as a file to download',
        tags: ['analyses'],
        params: Type.Object({ id: Type.String() }),
        querystring: ExportQuery,
        produces: [
          'application/pdf',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'text/markdown',
          'text/csv',
          'application/json',
          'image/svg+xml',
          'image/png',
        ],
        response: {
          200: Type.Unsafe<string | Buffer>({
            type: 'string',
            format: 'binary',
            description: 'The file, as an attachment',
          }),
          400: ERROR_SCHEMA,
          404: ERROR_SCHEMA,
          409: ERROR_SCHEMA,
        },
      },
    },
    async (request, reply) => {
      const { format, reason } = request.query;
      const table: CsvTable = request.query.table ?? 'actions';
      const paper: Paper = request.query.paper ?? 'a4';
      const audience: Audience = request.query.audience ?? 'team';
      let input = await exportInputOf(app, request.params.id);
      if (audience === 'customer') input = await allowCustomerVersion(app, input, format, reason);
      const file = await EXPORT_FORMATS[format](input, { table, paper, audience });
      const name = `${exportSlug(input.snapshot.title)}${file.suffix}`;
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(file.body);
    },
  );
}
