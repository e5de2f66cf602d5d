import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXPORT_VERSION,
  exportAnalysisJson,
  readAnalysis,
  type AnalysisExport,
  type AnalysisSnapshot,
} from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { everyFieldDoc } from '../../shared/src/export/jsonFixtures';
import { apiClient } from '../fixtures/api';
import { startTestServer, tempDataDir } from '../fixtures/server';

// Ajv 8 (with draft 2020-12) is the server's; the root holds an older one for other tools.
const Ajv2020 = createRequire(new URL('../../server/package.json', import.meta.url))(
  'ajv/dist/2020',
).default as new (options: object) => {
  validate(schema: object, data: unknown): boolean;
  errorsText(): string;
};

type Snapshot = AnalysisSnapshot & { id: string; caseIds: string[] };

/** JSON export over HTTP, import over HTTP, and the published schema of the export. */
describe('JSON export and import', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  const call = apiClient(() => server.url);

  beforeAll(async () => {
    data = tempDataDir();
    server = await startTestServer(data.dir);
  });
  afterAll(async () => {
    await server.close();
    data.cleanup();
  });

  const source = () =>
    exportAnalysisJson({
      id: 'elsewhere0001',
      snapshot: readAnalysis(everyFieldDoc()),
      caseIds: [],
    });

  async function exportOver(id: string): Promise<{ res: Response; json: AnalysisExport }> {
    const res = await fetch(`${server.url}/api/analyses/${id}/export?format=json`);
    expect(res.status).toBe(200);
    return { res, json: (await res.json()) as AnalysisExport };
  }

  it('recreates an exported analysis under a new id, identical field by field', async () => {
    const built = readAnalysis(everyFieldDoc());
    const first = await call(
      'POST',
      '/api/import',
      exportAnalysisJson({ id: 'elsewhere0001', snapshot: built, caseIds: [] }),
    );
    expect(first.status).toBe(201);
    const originalId = first.body.id as string;

    const { res, json } = await exportOver(originalId);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="angry-book-customers.json"',
    );
    expect(json).toMatchObject({ format: 'whychain-analysis', version: EXPORT_VERSION });

    const second = await call('POST', '/api/import', json);
    expect(second.status).toBe(201);
    const copyId = second.body.id as string;
    expect(copyId).not.toBe(originalId);

    const original = (await call('GET', `/api/analyses/${originalId}`)).body as unknown as Snapshot;
    const copy = (await call('GET', `/api/analyses/${copyId}`)).body as unknown as Snapshot;
    expect(copy.id).toBe(copyId);
    for (const key of Object.keys(built) as Array<keyof AnalysisSnapshot>) {
      expect(original[key], `first import: ${key}`).toEqual(built[key]);
    }
    for (const key of Object.keys(original) as Array<keyof Snapshot>) {
      if (key !== 'id') expect(copy[key], key).toEqual(original[key]);
    }
    expect(copy).toMatchObject({ status: 'closed', signedOffBy: 'Ana São Paulo' });
    expect(Object.keys(copy.whys)).toHaveLength(6);

    // The library lists it as it is: closed, with its title.
    const listed = await call('GET', '/api/analyses?status=closed');
    expect(listed.body.analyses as Array<{ id: string; title: string }>).toContainEqual(
      expect.objectContaining({ id: copyId, title: 'Angry book customers' }),
    );
  });

  it('links the imported analysis to the cases of the export this server has', async () => {
    const made = await call('POST', '/api/cases', {
      customerName: 'Zoë Müller-Łukasiewicz GmbH',
      summary: 'Charged twice',
    });
    expect(made.status).toBe(201);
    const caseId = made.body.id as string;
    const json = { ...source(), caseIds: [caseId, 'unknowncase001'] };
    const imported = await call('POST', '/api/import', json);
    expect(imported.status).toBe(201);
    const read = await call('GET', `/api/analyses/${imported.body.id as string}`);
    expect(read.body.caseIds).toEqual([caseId]);
    const { json: again } = await exportOver(imported.body.id as string);
    expect(again.caseIds).toEqual([caseId]);
  });

  it('refuses an export from a newer Whychain with a clear error', async () => {
    const answer = await call('POST', '/api/import', { ...source(), version: EXPORT_VERSION + 1 });
    expect(answer).toEqual({
      status: 400,
      body: {
        error: 'This export comes from a newer Whychain (version 3); this one reads up to 2.',
        code: 'newer_version',
        field: 'version',
      },
    });
  });

  it('refuses a malformed export, naming the field', async () => {
    const json = source();
    const whys = (json.analysis as { whys: Array<Record<string, unknown>> }).whys;
    whys[2]!.verification = 'certain';
    const answer = await call('POST', '/api/import', json);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'invalid', field: 'analysis.whys[2].verification' });
    expect(answer.body.error).toMatch(/hypothesis, verified, ruled_out/);
    const notJson = await fetch(`${server.url}/api/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"format": "whychain-analysis",',
    });
    expect(notJson.status).toBe(400);
  });

  it('publishes a JSON Schema that an export over HTTP passes and a spoiled one fails', async () => {
    const res = await fetch(`${server.url}/api/schemas/analysis-export.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const schema = (await res.json()) as object;
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema' });

    const imported = await call('POST', '/api/import', source());
    const { json } = await exportOver(imported.body.id as string);
    const ajv = new Ajv2020({ strict: true, validateFormats: false });
    expect(ajv.validate(schema, json), ajv.errorsText()).toBe(true);
    expect(ajv.validate(schema, { ...json, version: EXPORT_VERSION + 1 })).toBe(false);
    const spoiled = structuredClone(json) as unknown as {
      analysis: { actions: Array<{ kind: string }> };
    };
    spoiled.analysis.actions[0]!.kind = 'hopeful';
    expect(ajv.validate(schema, spoiled)).toBe(false);
  });
});
