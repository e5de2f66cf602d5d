import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@whychain/server';
import { startTestServer, tempDataDir } from '../fixtures/server';
import { apiClient } from '../fixtures/api';

interface Customer {
  id: string;
  name: string;
  caseCount: number;
  openCases: number;
  lastCaseAt: string | null;
  flagged: boolean;
  cases?: { summary: string }[];
}

/** Customers over HTTP: unique names whatever their case, case figures, many minor wounds. */
describe('customers', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  const day = 24 * 60 * 60 * 1000;
  const daysAgo = (n: number) => new Date(Date.now() - n * day).toISOString();

  beforeAll(async () => {
    data = tempDataDir();
    server = await startTestServer(data.dir);
  });
  afterAll(async () => {
    await server.close();
    data.cleanup();
  });

  const call = apiClient(() => server.url);

  it('keeps names unique whatever their case, and renames', async () => {
    const created = await call('POST', '/api/customers', {
      name: 'São Paulo Livros',
      externalId: 'CRM-7',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'São Paulo Livros', caseCount: 0, flagged: false });
    expect(await call('POST', '/api/customers', { name: 'SÃO PAULO LIVROS' })).toMatchObject({
      status: 409,
      body: { code: 'conflict', field: 'name' },
    });
    expect((await call('POST', '/api/customers', { name: '' })).body).toMatchObject({
      field: 'name',
    });
    expect((await call('POST', '/api/customers', { name: 'X', vip: true })).body).toMatchObject({
      code: 'unknown_field',
      field: 'vip',
    });
    const id = created.body.id as string;
    expect(
      (await call('PATCH', `/api/customers/${id}`, { name: 'São Paulo Livros Ltda' })).body,
    ).toMatchObject({
      name: 'São Paulo Livros Ltda',
    });
    expect(await call('GET', '/api/customers/nosuchcustomer')).toMatchObject({
      status: 404,
      body: { error: 'No customer with id "nosuchcustomer".', field: 'id' },
    });
  });

  it('counts cases and flags a customer with three within 90 days: many minor wounds', async () => {
    const post = (name: string, summary: string, receivedAt: string, status = 'open') =>
      call('POST', '/api/cases', { customerName: name, summary, receivedAt, status });
    await post('Ærøskøbing Ferries', 'unanswered call', daysAgo(80));
    await post('Ærøskøbing Ferries', 'shuffled between departments', daysAgo(40), 'closed');
    await post('Ærøskøbing Ferries', 'charged twice', daysAgo(2));
    await post('Quiet Customer', 'one late parcel', daysAgo(200));
    await post('Quiet Customer', 'another late parcel', daysAgo(150));
    await post('Quiet Customer', 'wrong invoice', daysAgo(10));

    const list = (await call('GET', '/api/customers?q=ferries')).body.customers as Customer[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      name: 'Ærøskøbing Ferries',
      caseCount: 3,
      openCases: 2,
      flagged: true,
    });
    const quiet = ((await call('GET', '/api/customers?q=quiet')).body.customers as Customer[])[0]!;
    expect(quiet).toMatchObject({ caseCount: 3, flagged: false });

    const page = await call('GET', `/api/customers/${list[0]!.id}`);
    expect((page.body.cases as { summary: string }[]).map((c) => c.summary)).toEqual([
      'charged twice',
      'shuffled between departments',
      'unanswered call',
    ]);
    expect(page.body.lastCaseAt).toBe((page.body.cases as { receivedAt: string }[])[0]!.receivedAt);
  });

  it('pages through customers by name', async () => {
    for (const name of ['Delta', 'alpha', 'Charlie', 'bravo'])
      await call('POST', '/api/customers', { name });
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: Record<string, unknown> } = await call(
        'GET',
        `/api/customers?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      names.push(...(res.body.customers as Customer[]).map((c) => c.name));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    const single = ['alpha', 'bravo', 'Charlie', 'Delta'];
    expect(names.filter((n) => single.includes(n))).toEqual(single);
    expect(new Set(names).size).toBe(names.length);
  });
});
