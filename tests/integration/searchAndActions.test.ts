import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAction, addWhy, editEvidence, setRootCause } from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { connectClient, type TestClient } from '../fixtures/client';
import { startTestServer, tempDataDir } from '../fixtures/server';
import { apiClient, until } from '../fixtures/api';

interface Hit {
  kind: string;
  id: string;
  analysisId?: string;
  caseId?: string;
  title: string;
  field: string;
  snippet: string;
}

/** Search over everything and the actions of every analysis, following edits made in the room. */
describe('search and actions across analyses', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  let ada: TestClient;
  let analysisId: string;
  let caseId: string;
  let rootId: string;

  const call = apiClient(() => server.url);
  const search = async (q: string) =>
    (await call('GET', `/api/search?q=${encodeURIComponent(q)}`)).body.results as Hit[];

  beforeAll(async () => {
    data = tempDataDir();
    server = await startTestServer(data.dir, { summaryDelayMs: 30 });
    caseId = (
      await call('POST', '/api/cases', {
        customerName: 'Zoë Müller-Łukasiewicz',
        summary: 'Invoice sent to the wrong address',
        description: 'The customer in Ærøskøbing got the invoice meant for São Paulo.',
      })
    ).body.id as string;
    analysisId = (
      await call('POST', '/api/analyses', {
        title: 'Wrong invoice address',
        problem: 'Why did the invoice go astray?',
        caseIds: [caseId],
      })
    ).body.id as string;
    ada = connectClient(server.url, analysisId, 'Ada');
    await ada.synced;
    const first = addWhy(
      ada.doc,
      { parentId: null, text: 'The address book kept the old billing contact' },
      ada.origin,
    );
    if (!first.ok) throw new Error(first.reason);
    const root = addWhy(
      ada.doc,
      { parentId: first.id, text: 'Nobody owns customer master data' },
      ada.origin,
    );
    if (!root.ok) throw new Error(root.reason);
    rootId = root.id;
    setRootCause(ada.doc, { whyId: root.id, rootCause: true }, ada.origin);
    editEvidence(
      ada.doc,
      { whyId: root.id, text: 'Three stale contacts found in the CRM export' },
      ada.origin,
    );
    addAction(
      ada.doc,
      {
        whyId: root.id,
        kind: 'corrective',
        description: 'Name an owner for master data',
        owner: 'Dana',
        dueDate: '2020-02-02',
      },
      ada.origin,
    );
    addAction(
      ada.doc,
      {
        whyId: root.id,
        kind: 'preventive',
        description: 'Quarterly master data review',
        owner: 'Sam',
        dueDate: '2999-01-01',
      },
      ada.origin,
    );
  });
  afterAll(async () => {
    ada?.destroy();
    await server.close();
    data.cleanup();
  });

  it('finds whys, evidence, actions, cases and customers, by prefix and without accents', async () => {
    const whyHits = await until(
      () => search('owns mast'),
      (hits) => hits.some((h) => h.kind === 'why'),
      'the why',
    );
    expect(whyHits[0]).toMatchObject({
      kind: 'why',
      id: rootId,
      analysisId,
      title: 'Wrong invoice address',
      field: 'text',
    });
    expect(whyHits[0]!.snippet).toContain('\u0002owns\u0003');
    expect(whyHits[0]!.snippet).not.toMatch(/[<>]/);

    expect((await search('stale contacts'))[0]).toMatchObject({ kind: 'why', field: 'evidence' });
    expect((await search('quarterly'))[0]).toMatchObject({ kind: 'action', analysisId });
    expect((await search('ærøsk'))[0]).toMatchObject({
      kind: 'case',
      id: caseId,
      caseId,
      field: 'description',
    });
    expect((await search('zoe muller'))[0]).toMatchObject({
      kind: 'customer',
      title: 'Zoë Müller-Łukasiewicz',
    });
    expect((await search('astray'))[0]).toMatchObject({
      kind: 'analysis',
      id: analysisId,
      field: 'problem',
    });
    expect(await search('"; DROP TABLE cases; --')).toEqual([]);
    expect((await call('GET', '/api/search?q=')).status).toBe(400);
  });

  it('lists actions of every analysis with their analysis, and the overdue ones', async () => {
    const all = await until(
      async () =>
        (await call('GET', '/api/actions')).body.actions as {
          description: string;
          overdue: boolean;
          analysisTitle: string;
          owner: string;
        }[],
      (list) => list.length === 2,
      'the actions',
    );
    expect(all.map((a) => a.description)).toEqual([
      'Name an owner for master data',
      'Quarterly master data review',
    ]);
    expect(all[0]).toMatchObject({
      overdue: true,
      analysisTitle: 'Wrong invoice address',
      owner: 'Dana',
    });
    const overdue = (await call('GET', '/api/actions?overdue=true')).body.actions as {
      owner: string;
    }[];
    expect(overdue.map((a) => a.owner)).toEqual(['Dana']);
    expect(((await call('GET', '/api/actions?owner=sam')).body.actions as unknown[]).length).toBe(
      1,
    );
    const page = await call('GET', '/api/actions?limit=1');
    const next = await call('GET', `/api/actions?limit=1&cursor=${page.body.nextCursor as string}`);
    expect((next.body.actions as { owner: string }[]).map((a) => a.owner)).toEqual(['Sam']);
    expect(next.body.nextCursor).toBeNull();
  });
});
