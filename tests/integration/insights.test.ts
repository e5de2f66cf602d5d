import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAction, addWhy, editWhyDetails, setRootCause, type WhyId } from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { connectClient, type TestClient } from '../fixtures/client';
import { startTestServer, tempDataDir } from '../fixtures/server';
import { apiClient } from '../fixtures/api';

/** Insights and "Seen before": what recurs across analyses, from summaries and cases only. */
describe('insights across analyses', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  const clients: TestClient[] = [];
  const ids: Record<string, string> = {};

  const call = apiClient(() => server.url);

  /** An analysis linked to `caseIds` whose one root cause is `cause`, with actions. */
  async function analysis(
    key: string,
    cause: string,
    category: string | null,
    caseIds: string[],
    actions: { owner: string; dueDate: string }[] = [],
  ) {
    const id = (
      await call('POST', '/api/analyses', { title: key, problem: `Why ${key}?`, caseIds })
    ).body.id as string;
    const client = connectClient(server.url, id, 'Ada');
    clients.push(client);
    await client.synced;
    const why = addWhy(client.doc, { parentId: null, text: cause }, client.origin);
    if (!why.ok) throw new Error(why.reason);
    const whyId: WhyId = why.id;
    setRootCause(client.doc, { whyId, rootCause: true }, client.origin);
    if (category) editWhyDetails(client.doc, { whyId, patch: { category } }, client.origin);
    for (const a of actions) {
      addAction(
        client.doc,
        { whyId, kind: 'corrective', description: `Fix ${key}`, ...a },
        client.origin,
      );
    }
    ids[key] = id;
    ids[`${key}:why`] = whyId;
  }

  beforeAll(async () => {
    data = tempDataDir();
    server = await startTestServer(data.dir, { summaryDelayMs: 30 });
    const kase = async (summary: string, amount: number, currency: string, recovery: object) =>
      (
        await call('POST', '/api/cases', {
          customerName: 'Acme',
          summary,
          receivedAt: '2026-11-01T08:00:00Z',
          stakes: { amount, currency },
          recovery,
        })
      ).body.id as string;
    const c1 = await kase('Invoice wrong', 1000, 'EUR', {
      acknowledgedAt: '2026-11-01T09:00:00Z',
      resolvedAt: '2026-11-02T08:00:00Z',
    });
    const c2 = await kase('Invoice wrong again', 500, 'EUR', {
      acknowledgedAt: '2026-11-01T11:00:00Z',
    });
    const c3 = await kase('Late parcel', 300, 'USD', { acknowledgedAt: '2026-11-01T08:30:00Z' });
    await analysis(
      'Invoices',
      'Nobody owns the customer master data',
      'Process',
      [c1, c2],
      [
        { owner: 'Dana', dueDate: '2020-01-01' },
        { owner: 'Dana', dueDate: '2999-01-01' },
      ],
    );
    await analysis(
      'Parcels',
      'No owner for customer master data at the depot',
      'Process',
      [c3],
      [{ owner: 'Sam', dueDate: '2999-01-01' }],
    );
    await analysis('Calls', 'The phone queue has no overflow rule', null, []);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
    data.cleanup();
  });

  it('counts categories, ranks root causes by cases and stakes, groups recurring ones', async () => {
    const start = Date.now();
    let body: Record<string, unknown>;
    do {
      body = (await call('GET', '/api/insights')).body;
      if (
        (body.categories as unknown[]).length === 2 &&
        (body.actionsByOwner as unknown[]).length === 2
      )
        break;
      await new Promise((r) => setTimeout(r, 20));
    } while (Date.now() - start < 5000);
    expect(body.categories).toEqual([
      { category: 'Process', count: 2 },
      { category: 'Uncategorized', count: 1 },
    ]);
    const ranked = body.rootCauses as {
      analysisTitle: string;
      caseCount: number;
      stakes: unknown[];
    }[];
    expect(ranked.map((r) => [r.analysisTitle, r.caseCount])).toEqual([
      ['Invoices', 2],
      ['Parcels', 1],
      ['Calls', 0],
    ]);
    expect(ranked[0]!.stakes).toEqual([{ currency: 'EUR', amount: 1500 }]);
    expect(ranked[1]!.stakes).toEqual([{ currency: 'USD', amount: 300 }]);
    const recurring = body.recurring as { analyses: { analysisTitle: string }[] }[];
    expect(recurring).toHaveLength(1);
    expect(recurring[0]!.analyses.map((a) => a.analysisTitle).sort()).toEqual([
      'Invoices',
      'Parcels',
    ]);
    expect(body.actionsByOwner).toEqual([
      { owner: 'Dana', open: 2, overdue: 1 },
      { owner: 'Sam', open: 1, overdue: 0 },
    ]);
    // Acknowledged after 1 h, 3 h and 30 min: the median is 1 h. Resolved once, after 24 h.
    expect(body.recovery).toEqual({
      acknowledgeMs: 3_600_000,
      resolveMs: 86_400_000,
      confirmMs: null,
      cases: 3,
    });

    expect((await call('GET', '/api/insights?from=2030-01-01T00:00:00Z')).body).toMatchObject({
      categories: [],
      recovery: { cases: 0 },
    });
    expect(
      (await call('GET', '/api/insights?from=2026-12-01T00:00:00Z&to=2026-01-01T00:00:00Z')).status,
    ).toBe(400);
  });

  it('shows a why being written the root causes of other analyses worded like it', async () => {
    const seen = await call(
      'GET',
      `/api/seen-before?text=${encodeURIComponent('Customer master data has no owner')}&analysisId=${ids.Calls}`,
    );
    const matches = seen.body.matches as {
      analysisTitle: string;
      whyId: string;
      caseIds: string[];
    }[];
    expect(matches.map((m) => m.analysisTitle).sort()).toEqual(['Invoices', 'Parcels']);
    expect(matches.find((m) => m.analysisTitle === 'Invoices')!.caseIds).toHaveLength(2);

    const own = await call(
      'GET',
      `/api/seen-before?text=${encodeURIComponent('nobody owns customer master data')}&analysisId=${ids.Invoices}`,
    );
    expect((own.body.matches as { analysisTitle: string }[]).map((m) => m.analysisTitle)).toEqual([
      'Parcels',
    ]);
    const none = await call(
      'GET',
      `/api/seen-before?text=${encodeURIComponent('the weather was bad')}`,
    );
    expect(none.body.matches).toEqual([]);
  });
});
