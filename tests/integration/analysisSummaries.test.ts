import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addAction,
  addWhy,
  editWhyDetails,
  setRootCause,
  type AnalysisListItem,
  type WhyId,
} from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { connectClient } from '../fixtures/client';
import { startTestServer, tempDataDir, waitForServerSnapshot } from '../fixtures/server';
import { apiClient, until } from '../fixtures/api';

type Listed = AnalysisListItem;

/** Analyses started from cases, and the summary rows that follow edits made over the socket. */
describe('analysis summaries and links to cases', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;

  beforeAll(async () => {
    data = tempDataDir();
    server = await startTestServer(data.dir, { summaryDelayMs: 50 });
  });
  afterAll(async () => {
    await server.close();
    data.cleanup();
  });

  const call = apiClient(() => server.url);
  const list = async (query = '') =>
    (await call('GET', `/api/analyses${query}`)).body.analyses as Listed[];

  it('starts an analysis from a case and follows its edits into the summary row', async () => {
    const kase = (
      await call('POST', '/api/cases', {
        customerName: 'Booksellers Ltd',
        summary: 'Overcharged for the book',
      })
    ).body;
    const created = await call('POST', '/api/analyses', {
      title: 'Overcharged customers',
      problem: 'Why are the customers angry?',
      caseIds: [kase.id],
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await call('GET', `/api/analyses/${id}`)).body.caseIds).toEqual([kase.id]);
    expect((await call('GET', `/api/cases/${kase.id as string}`)).body.analysisIds).toEqual([id]);
    const [fresh] = await list(`?caseId=${kase.id as string}`);
    expect(fresh).toMatchObject({
      id,
      problem: 'Why are the customers angry?',
      whyCount: 0,
      caseIds: [kase.id],
    });

    const ada = connectClient(server.url, id, 'Ada');
    await ada.synced;
    const add = (parentId: WhyId | null, text: string) => {
      const result = addWhy(ada.doc, { parentId, text }, ada.origin);
      if (!result.ok) throw new Error(result.reason);
      return result.id;
    };
    const first = add(null, 'They were charged last year’s price');
    const root = add(first, 'The old price form was still in use');
    setRootCause(ada.doc, { whyId: root, rootCause: true }, ada.origin);
    editWhyDetails(ada.doc, { whyId: root, patch: { category: 'Process' } }, ada.origin);
    addAction(
      ada.doc,
      {
        whyId: root,
        kind: 'corrective',
        description: 'Retire old forms',
        owner: 'Dana',
        dueDate: '2020-01-01',
      },
      ada.origin,
    );
    addAction(
      ada.doc,
      {
        whyId: root,
        kind: 'preventive',
        description: 'Yearly form review',
        owner: 'Sam',
        dueDate: '2999-01-01',
      },
      ada.origin,
    );

    const summary = await until(
      async () => (await list(`?caseId=${kase.id as string}`))[0]!,
      (row) => row.openActions === 2,
      'the summary to follow the edits',
    );
    expect(summary).toMatchObject({
      whyCount: 2,
      rootCauses: [{ id: root, text: 'The old price form was still in use', category: 'Process' }],
      openActions: 2,
      overdueActions: 1,
      owners: ['Dana', 'Sam'],
    });
    ada.destroy();
  });

  it('filters by status, customer and text, and refuses a case that does not exist', async () => {
    const other = await call('POST', '/api/analyses', {
      title: 'Late parcels',
      problem: 'Why do parcels arrive late?',
    });
    const customer = (
      (await call('GET', '/api/customers?q=booksellers')).body.customers as { id: string }[]
    )[0]!;
    expect((await list(`?customerId=${customer.id}`)).map((a) => a.title)).toEqual([
      'Overcharged customers',
    ]);
    expect((await list('?q=parcels')).map((a) => a.id)).toEqual([other.body.id]);
    expect((await list('?q=old%20price%20form')).map((a) => a.title)).toEqual([
      'Overcharged customers',
    ]);
    expect(await list('?status=closed')).toEqual([]);
    expect((await list('?sort=title')).map((a) => a.title)).toEqual([
      'Late parcels',
      'Overcharged customers',
    ]);
    const paged = await call('GET', '/api/analyses?sort=title&limit=1');
    expect((paged.body.analyses as Listed[]).map((a) => a.title)).toEqual(['Late parcels']);
    const next = await call(
      'GET',
      `/api/analyses?sort=title&limit=1&cursor=${paged.body.nextCursor as string}`,
    );
    expect((next.body.analyses as Listed[]).map((a) => a.title)).toEqual(['Overcharged customers']);
    expect(next.body.nextCursor).toBeNull();

    const refused = await call('POST', '/api/analyses', {
      title: 'Orphan',
      caseIds: ['nosuchcase99'],
    });
    expect(refused).toMatchObject({ status: 404, body: { code: 'not_found', field: 'caseIds' } });
    expect(await list('?q=orphan')).toEqual([]);
  });

  it('rebuilds summaries missing after a restart (a file from before summaries)', async () => {
    const id = (await call('POST', '/api/analyses', { title: 'Backfilled', problem: 'Why?' })).body
      .id as string;
    const dir = data.dir;
    await server.close();
    const { default: Database } = await import('better-sqlite3');
    const file = new Database(`${dir}/whychain.sqlite`);
    file.prepare('DELETE FROM analysis_summaries').run();
    file.close();
    server = await startTestServer(dir, { summaryDelayMs: 50 });
    await waitForServerSnapshot(server.url, id, () => true, 'the analysis');
    const row = await until(
      async () => (await list('?q=backfilled'))[0],
      (r) => r?.problem === 'Why?',
      'the backfill',
    );
    expect(row).toMatchObject({ title: 'Backfilled', whyCount: 0 });
  });
});
