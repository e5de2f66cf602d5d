import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_ANALYSIS, SAMPLE_CUSTOMER } from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { startTestServer, tempDataDir } from '../fixtures/server';

/** A first start shows a complete example: the analysis, its case, and the customer's warning. */
describe('the sample data of a first start', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  const get = async (path: string) =>
    (await (await fetch(`${server.url}${path}`)).json()) as Record<string, unknown>;

  beforeAll(async () => {
    data = tempDataDir();
    server = await startTestServer(data.dir, { seedSample: true });
  });
  afterAll(async () => {
    await server.close();
    data.cleanup();
  });

  it('links the book analysis to a case of a customer flagged for many minor wounds', async () => {
    const [analysis] = (await get('/api/analyses')).analyses as {
      id: string;
      title: string;
      caseIds: string[];
    }[];
    expect(analysis!.title).toBe(SAMPLE_ANALYSIS.title);
    expect(analysis!.caseIds).toHaveLength(1);

    const [customer] = (await get('/api/customers')).customers as {
      id: string;
      name: string;
      caseCount: number;
      flagged: boolean;
    }[];
    expect(customer).toMatchObject({ name: SAMPLE_CUSTOMER, caseCount: 3, flagged: true });
    const page = await get(`/api/customers/${customer!.id}`);
    const cases = page.cases as { summary: string; touchpoint: string; analysisIds: string[] }[];
    expect(cases.map((c) => c.touchpoint)).toEqual(['billing', 'support', 'phone']);
    expect(cases[0]!.analysisIds).toEqual([analysis!.id]);
  });

  it('starts again with the same data, seeding nothing twice', async () => {
    await server.close();
    server = await startTestServer(data.dir, { seedSample: true });
    expect(((await get('/api/analyses')).analyses as unknown[]).length).toBe(1);
    expect(((await get('/api/cases')).cases as unknown[]).length).toBe(3);
  });
});
