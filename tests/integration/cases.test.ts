import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseJson } from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { createAnalysisOver, startTestServer, tempDataDir } from '../fixtures/server';
import { apiClient } from '../fixtures/api';

/** Customer cases over HTTP: the upsert a help desk can call again and again, filters, links. */
describe('customer cases', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;

  beforeAll(async () => {
    data = tempDataDir();
    server = await startTestServer(data.dir);
  });
  afterAll(async () => {
    await server.close();
    data.cleanup();
  });

  const call = apiClient(() => server.url);
  const asCase = (body: unknown) => body as unknown as CaseJson;

  it('creates a case for a customer found by name, and updates it when the reference comes again', async () => {
    const first = await call('POST', '/api/cases', {
      customerName: 'Zoë Müller-Łukasiewicz GmbH',
      summary: 'Charged twice for the annual plan',
      externalRef: 'ZD-4821',
      externalUrl: 'https://help.example.com/tickets/4821',
      touchpoint: 'billing',
      severity: 'high',
      stakes: { amount: 48000, currency: 'EUR', note: 'lifetime value' },
      receivedAt: '2026-11-20T09:30:00.000Z',
      owner: 'Dana',
      discovery: { expectation: { answer: 'yes', note: 'wanted one charge' } },
      recovery: { acknowledgedAt: '2026-11-20T10:00:00.000Z' },
    });
    expect(first.status).toBe(201);
    const created = asCase(first.body);
    expect(created).toMatchObject({
      customer: { name: 'Zoë Müller-Łukasiewicz GmbH' },
      externalRef: 'ZD-4821',
      severity: 'high',
      status: 'open',
      stakes: { amount: 48000, currency: 'EUR', note: 'lifetime value' },
      receivedAt: '2026-11-20T09:30:00.000Z',
      recovery: { acknowledgedAt: '2026-11-20T10:00:00.000Z', resolvedAt: null, survey: null },
      analysisIds: [],
    });
    expect(created.discovery).toHaveLength(7);
    expect(created.discovery[0]).toMatchObject({ id: 'expectation', answer: 'yes' });
    expect(created.discovery[1]).toMatchObject({ answer: null, note: '' });

    const again = await call('POST', '/api/cases', {
      customerName: 'zoë müller-łukasiewicz gmbh ',
      summary: 'Charged twice for the annual plan (customer wrote again)',
      externalRef: 'ZD-4821',
      status: 'contained',
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      id: created.id,
      customer: { id: created.customer.id },
      summary: 'Charged twice for the annual plan (customer wrote again)',
      status: 'contained',
      severity: 'high',
    });
    const all = await call('GET', '/api/cases');
    expect((all.body.cases as CaseJson[]).filter((c) => c.externalRef === 'ZD-4821')).toHaveLength(
      1,
    );
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const bad: [unknown, number, string, string][] = [
      [{ summary: 'x' }, 400, 'required', 'customerName'],
      [{ customerName: 'A', summary: '' }, 400, 'empty', 'summary'],
      [{ customerName: 'A', summary: 'x', colour: 'red' }, 400, 'unknown_field', 'colour'],
      [{ customerName: 'A', summary: 'x', severity: 'huge' }, 400, 'not_allowed', 'severity'],
      [{ customerName: 'A', summary: 5 }, 400, 'wrong_type', 'summary'],
      [{ customerName: 'A', summary: 'x'.repeat(501) }, 400, 'too_long', 'summary'],
      [
        { customerName: 'A', summary: 'x', externalUrl: 'javascript:alert(1)' },
        400,
        'invalid_format',
        'externalUrl',
      ],
      [
        { customerName: 'A', summary: 'x', stakes: { currency: 'euro' } },
        400,
        'invalid_format',
        'stakes.currency',
      ],
      [
        { customerName: 'A', summary: 'x', receivedAt: 'yesterday' },
        400,
        'invalid_format',
        'receivedAt',
      ],
      [
        { customerName: 'A', summary: 'x', discovery: { nosuch: { answer: 'yes' } } },
        400,
        'unknown_field',
        'discovery.nosuch',
      ],
      [
        {
          customerName: 'A',
          summary: 'x',
          recovery: { survey: { at: '2026-11-21T00:00:00Z', score: 9, comment: '' } },
        },
        400,
        'out_of_range',
        'recovery.survey.score',
      ],
      [{ customerId: 'nosuchcustomer1', summary: 'x' }, 404, 'not_found', 'customerId'],
    ];
    const before = (await call('GET', '/api/cases')).body.cases as CaseJson[];
    for (const [body, status, code, field] of bad) {
      const res = await call('POST', '/api/cases', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body, JSON.stringify(body)).toMatchObject({ code, field });
      expect(typeof res.body.error).toBe('string');
    }
    expect(((await call('GET', '/api/cases')).body.cases as CaseJson[]).length).toBe(before.length);
    expect(await call('GET', '/api/cases/nosuchcase12')).toMatchObject({
      status: 404,
      body: { error: 'No case with id "nosuchcase12".', code: 'not_found', field: 'id' },
    });
    expect(await call('PATCH', '/api/cases/nosuchcase12', { status: 'closed' })).toMatchObject({
      status: 404,
    });
    expect((await call('GET', '/api/cases?cursor=garbage')).body).toMatchObject({
      field: 'cursor',
    });
    expect((await call('GET', '/api/cases?limit=201')).body).toMatchObject({ field: 'limit' });
  });

  it('filters, sorts and pages with a cursor', async () => {
    const customer = asCase(
      (
        await call('POST', '/api/cases', {
          customerName: 'Pager AB',
          summary: 'first',
          severity: 'low',
          receivedAt: '2026-10-01T00:00:00Z',
        })
      ).body,
    ).customer;
    for (const [i, severity] of (['critical', 'medium', 'high', 'low'] as const).entries()) {
      await call('POST', '/api/cases', {
        customerId: customer.id,
        summary: `case ${i}`,
        severity,
        receivedAt: `2026-10-0${i + 2}T00:00:00Z`,
        owner: i % 2 ? 'Sam' : 'Kim',
      });
    }
    const mine = `/api/cases?customerId=${customer.id}`;
    const bySeverity = (await call('GET', `${mine}&sort=-severity`)).body.cases as CaseJson[];
    expect(bySeverity.map((c) => c.severity)).toEqual(['critical', 'high', 'medium', 'low', 'low']);
    const sam = (await call('GET', `${mine}&owner=sam`)).body.cases as CaseJson[];
    expect(sam.map((c) => c.summary).sort()).toEqual(['case 1', 'case 3']);
    const ranged = (await call('GET', `${mine}&from=2026-10-03T00:00:00Z&to=2026-10-04T00:00:00Z`))
      .body.cases as CaseJson[];
    expect(ranged.map((c) => c.summary)).toEqual(['case 2', 'case 1']);
    expect(
      ((await call('GET', `${mine}&q=case%203`)).body.cases as CaseJson[]).map((c) => c.summary),
    ).toEqual(['case 3']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: Record<string, unknown> } = await call(
        'GET',
        `${mine}&sort=receivedAt&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...(page.body.cases as CaseJson[]).map((c) => c.summary));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual(['first', 'case 0', 'case 1', 'case 2', 'case 3']);
  });

  it('changes any subset of fields, and links and unlinks analyses', async () => {
    const created = asCase(
      (await call('POST', '/api/cases', { customerName: 'Linky', summary: 'late delivery' })).body,
    );
    const patched = await call('PATCH', `/api/cases/${created.id}`, {
      status: 'resolved',
      discovery: { stakes: { answer: 'unsure', note: 'ask finance' } },
      recovery: {
        resolvedAt: '2026-11-22T12:00:00Z',
        survey: { at: '2026-11-25T12:00:00Z', score: 4, comment: 'fine' },
      },
    });
    expect(patched.status).toBe(200);
    const after = asCase(patched.body);
    expect(after).toMatchObject({ status: 'resolved', summary: 'late delivery' });
    expect(after.recovery).toMatchObject({
      resolvedAt: '2026-11-22T12:00:00.000Z',
      survey: { score: 4 },
    });
    expect(after.discovery.find((d) => d.id === 'stakes')).toMatchObject({
      answer: 'unsure',
      note: 'ask finance',
    });

    const analysisId = await createAnalysisOver(server.url, {
      title: 'Late delivery',
      problem: 'Why late?',
    });
    expect(
      (await call('POST', `/api/cases/${created.id}/analyses`, { analysisId })).body,
    ).toMatchObject({ analysisIds: [analysisId] });
    expect((await call('POST', `/api/cases/${created.id}/analyses`, { analysisId })).status).toBe(
      200,
    );
    expect(asCase((await call('GET', `/api/cases/${created.id}`)).body).analysisIds).toEqual([
      analysisId,
    ]);
    expect(
      await call('POST', `/api/cases/${created.id}/analyses`, { analysisId: 'nosuchanalysis' }),
    ).toMatchObject({
      status: 404,
      body: { field: 'analysisId' },
    });
    expect(
      (await call('DELETE', `/api/cases/${created.id}/analyses/${analysisId}`)).body,
    ).toMatchObject({ analysisIds: [] });
  });
});
