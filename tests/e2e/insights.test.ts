import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addAction, addWhy, editWhyDetails, setRootCause, type WhyId } from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { openPage, personContext, requireBuiltClient } from '../fixtures/app';
import { launchChromium } from '../fixtures/browser';
import { connectClient } from '../fixtures/client';
import { addWhyUnder } from '../fixtures/room';
import { startTestServer, tempDataDir } from '../fixtures/server';

const HOUR = 3_600_000;

interface Seeded {
  title: string;
  rootCause: string;
  category: string;
  stakes?: { amount: number; currency: string };
  owner?: string;
  dueDate?: string;
}

/** Analyses with one root cause each, their cases and actions, all made over HTTP and the socket. */
const ANALYSES: Seeded[] = [
  {
    title: 'Overcharged at renewal',
    rootCause: 'Nobody owns the price forms',
    category: 'Process',
    stakes: { amount: 1200, currency: 'EUR' },
    owner: 'Dana',
    dueDate: '2020-01-01',
  },
  {
    title: 'Wrong price on the invoice',
    rootCause: 'No owner for the price forms',
    category: 'Process',
    stakes: { amount: 900, currency: 'USD' },
    owner: 'Dana',
    dueDate: '2999-01-01',
  },
  {
    title: 'Refund sent twice',
    rootCause: 'The refund tool allows a second payout',
    category: 'Tools and systems',
    owner: 'Sam',
    dueDate: '2999-01-01',
  },
  { title: 'Late parcel', rootCause: 'The courier sorts parcels by hand', category: 'Process' },
];

/** Insights from analyses built over the real socket, seen in Chromium; and Seen before in the editor. */
describe('insights', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  let browser: Browser;
  const ids = new Map<string, string>();

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };

  async function seed(analysis: Seeded, index: number) {
    const received = Date.now() - (index + 1) * 24 * HOUR;
    const kase = await call('POST', '/api/cases', {
      customerName: `Customer ${index}`,
      summary: analysis.title,
      receivedAt: new Date(received).toISOString(),
      ...(analysis.stakes ? { stakes: analysis.stakes } : {}),
      recovery: {
        acknowledgedAt: new Date(received + 2 * HOUR + 10 * 60_000).toISOString(),
        resolvedAt: new Date(received + 26 * HOUR).toISOString(),
      },
    });
    const { id } = (await call('POST', '/api/analyses', {
      title: analysis.title,
      problem: `Why: ${analysis.title}?`,
      caseIds: [kase.id],
    })) as { id: string };
    ids.set(analysis.title, id);
    const client = connectClient(server.url, id, 'Seeder');
    await client.synced;
    const add = (parentId: WhyId | null, text: string) => {
      const result = addWhy(client.doc, { parentId, text }, client.origin);
      if (!result.ok) throw new Error(result.reason);
      return result.id;
    };
    const root = add(add(null, `Because of ${analysis.title.toLowerCase()}`), analysis.rootCause);
    setRootCause(client.doc, { whyId: root, rootCause: true }, client.origin);
    editWhyDetails(
      client.doc,
      { whyId: root, patch: { category: analysis.category } },
      client.origin,
    );
    if (analysis.owner) {
      addAction(
        client.doc,
        {
          whyId: root,
          kind: 'corrective',
          description: `Fix: ${analysis.rootCause}`,
          owner: analysis.owner,
          dueDate: analysis.dueDate ?? null,
        },
        client.origin,
      );
    }
    // Let the server take the updates before the socket goes.
    await new Promise((resolve) => setTimeout(resolve, 200));
    client.destroy();
  }

  beforeAll(async () => {
    requireBuiltClient();
    data = tempDataDir();
    server = await startTestServer(data.dir, { summaryDelayMs: 50, seedSample: false });
    for (const [index, analysis] of ANALYSES.entries()) await seed(analysis, index);
    // The summary rows follow the documents a moment later.
    const counted = async () => {
      const body = (await call('GET', '/api/insights')) as { categories: { count: number }[] };
      return body.categories.reduce((sum, row) => sum + row.count, 0);
    };
    const start = Date.now();
    while ((await counted()) < ANALYSES.length) {
      if (Date.now() - start > 10_000)
        throw new Error('The insights never counted every root cause');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    data?.cleanup();
  });

  async function openInsights(): Promise<{ page: Page; errors: string[] }> {
    const context = await personContext(browser, 'Manager');
    const opened = await openPage(context, `${server.url}/insights`);
    await opened.page.setViewportSize({ width: 1400, height: 900 });
    return opened;
  }

  it('draws the category bars most first and has them as a table', async () => {
    const { page, errors } = await openInsights();
    const pareto = page.getByRole('region', { name: 'Root causes by category' });
    await expect.poll(() => pareto.locator('.recharts-bar-rectangle').count()).toBe(2);
    const labels = await pareto.locator('.recharts-cartesian-axis-tick-value').allTextContents();
    expect(labels.filter((text) => /^[A-Z]/.test(text))).toEqual(['Process', 'Tools and systems']);
    // The Process bar (3 of 4) is three times as tall as the other one.
    const heights = await pareto
      .locator('.recharts-bar-rectangle path')
      .evaluateAll((paths) => paths.map((path) => (path as SVGGraphicsElement).getBBox().height));
    expect(heights[0]! / heights[1]!).toBeCloseTo(3, 1);

    await pareto.getByRole('button', { name: 'Show as table' }).click();
    const rows = pareto.getByRole('table').locator('tbody tr');
    await expect
      .poll(() => rows.allInnerTexts())
      .toEqual(['Process\t3\t75%', 'Tools and systems\t1\t100%']);
    expect(errors).toEqual([]);
  });

  it('keeps currencies apart, groups the recurring cause and links to its analyses', async () => {
    const { page, errors } = await openInsights();
    const stakes = page.getByRole('region', { name: 'Root causes by money at stake' });
    await expect(
      stakes.getByRole('table', { name: 'At stake in EUR' }).innerText(),
    ).resolves.toContain('Nobody owns the price forms');
    await expect(
      stakes.getByRole('table', { name: 'At stake in USD' }).innerText(),
    ).resolves.toContain('No owner for the price forms');

    const owners = page.getByRole('region', { name: 'Open actions by owner' });
    await expect.poll(() => owners.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(1);
    expect(await owners.getByRole('table').locator('tbody tr').allTextContents()).toEqual([
      'Dana21',
      'Sam10',
    ]);

    const recovery = page.getByRole('region', { name: 'Recovery times' });
    await expect.poll(() => recovery.innerText()).toContain('2 h 10 min');

    const recurring = page.getByRole('region', { name: 'Recurring root causes' });
    const links = recurring.getByRole('link');
    await expect
      .poll(() => links.allTextContents())
      .toEqual(['Overcharged at renewal', 'Wrong price on the invoice'].sort());
    await recurring.getByRole('link', { name: 'Wrong price on the invoice' }).click();
    await expect
      .poll(() => new URL(page.url()).pathname)
      .toBe(`/a/${ids.get('Wrong price on the invoice')!}`);
    expect(errors).toEqual([]);
  });

  it('is a link away from the library', async () => {
    const context = await personContext(browser, 'Manager');
    const { page, errors } = await openPage(context, `${server.url}/`);
    await page.getByRole('banner').getByRole('link', { name: 'Insights' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/insights');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Insights');
    expect(errors).toEqual([]);
  });

  it('keeps the period in the URL', async () => {
    const { page, errors } = await openInsights();
    await page.getByRole('button', { name: 'Last 30 days' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.has('from')).toBe(true);
    const from = page.getByLabel('From');
    await page.reload();
    await expect.poll(() => from.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Far in the past: nothing was received or created then.
    await from.fill('2000-01-01');
    await page.getByLabel('To').fill('2000-12-31');
    await expect
      .poll(() => page.getByText('No root cause has been marked in this period.').count())
      .toBe(1);
    expect(new URL(page.url()).search).toBe('?from=2000-01-01&to=2000-12-31');
    expect(errors).toEqual([]);
  });

  it('shows root causes seen before while a why is written in another analysis', async () => {
    const { id } = (await call('POST', '/api/analyses', {
      title: 'Customer billed the old price',
      problem: 'Why was the old price billed?',
    })) as { id: string };
    const context = await personContext(browser, 'Ada');
    const { page, errors } = await openPage(context, `${server.url}/a/${id}`);
    await addWhyUnder(page, 'Why was the old price billed?', 'Nobody owns the price');
    const seen = page.getByRole('complementary', { name: 'Seen before' });
    // Typing on: still nothing until the words match.
    await page.keyboard.type(' forms', { delay: 5 });
    await expect
      .poll(() => seen.getByRole('link').allTextContents(), { timeout: 5000 })
      .toEqual(expect.arrayContaining(['Overcharged at renewal', 'Wrong price on the invoice']));
    expect(await seen.getByRole('link').count()).toBeLessThanOrEqual(3);
    expect(
      await seen.getByRole('link', { name: 'Overcharged at renewal' }).getAttribute('href'),
    ).toBe(`/a/${ids.get('Overcharged at renewal')!}`);
    await expect.poll(() => seen.innerText()).toContain('1 linked case');
    expect(errors).toEqual([]);
  });
});
