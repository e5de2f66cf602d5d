import { Type } from 'typebox';
import * as Y from 'yjs';
import {
  ANALYSIS_EXPORT_SCHEMA,
  importAnalysisJson,
  isIdShaped,
  makeOrigin,
} from '@whychain/shared';
import { caseRow, linkAnalysis } from '../db/cases';
import { createStoredAnalysis } from '../storage/createStoredAnalysis';
import { ERROR_SCHEMA, HttpError } from '../http/errors';
import type { ApiApp } from '../http/app';

const importOrigin = makeOrigin('server', 'Whychain import');

/** The JSON export's published schema, and the import that recreates an analysis from it. */
export async function importsRoutes(app: ApiApp): Promise<void> {
  const { store, db, summaries } = app.whychain;

  app.get(
    '/api/schemas/analysis-export.json',
    {
      schema: {
        summary: 'The JSON Schema (draft 2020-12) of an analysis exported as JSON',
        tags: ['analyses'],
        response: { 200: Type.Object({}, { additionalProperties: true }) },
      },
    },
    async () => ANALYSIS_EXPORT_SCHEMA,
  );

  app.post(
    '/api/import',
    {
      schema: {
        summary: 'Recreate an analysis from its JSON export, under a new id',
        tags: ['analyses'],
        // Only the outer shape here: the shared importer checks the rest, so a newer version is
        // refused with its own words rather than as a schema mismatch.
        body: Type.Object({}, { additionalProperties: true, description: 'A JSON export' }),
        response: { 201: Type.Object({ id: Type.String() }), 400: ERROR_SCHEMA },
      },
    },
    async (request, reply) => {
      const imported = new Y.Doc();
      const result = importAnalysisJson(imported, request.body, importOrigin);
      if (!result.ok) throw new HttpError(400, result.reason, result.code, result.field);
      const state = Y.encodeStateAsUpdate(imported);
      imported.destroy();
      const id = await createStoredAnalysis(store, { title: result.title, problem: '' }, (doc) =>
        Y.applyUpdate(doc, state),
      );
      // Links only to cases this server has: an export from elsewhere names cases it never saw.
      for (const caseId of result.caseIds) {
        if (isIdShaped(caseId) && (await caseRow(db, caseId))) await linkAnalysis(db, caseId, id);
      }
      await summaries.refreshNow(id);
      return reply.code(201).send({ id });
    },
  );
}
