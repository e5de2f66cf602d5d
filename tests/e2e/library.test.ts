import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addWhy } from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { launchChromium } from '../fixtures/browser';
import { openPage, requireBuiltClient } from '../fixtures/app';
import { connectClient } from '../fixtures/client';
import { createAnalysisOver, startTestServer, tempDataDir } from '../fixtures/server';

const DAY = 24 * 60 * 60 * 1000;
const WHY_TEXT = 'The forklift driver was never shown the new loading plan';

/**
 * The library over a real server: cases and customers created over HTTP, a why typed through
 * the sync socket. A manager switches tabs, filters cases by severity and shares (reloads) the
 * view, sees the customer with many minor wounds, and finds the why through "Search".
 */
describe('the library', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let analysisId: string;

  const createCase = async (input: Record<string, unknown>) => {
    const res = await fetch(`${server.url}/api/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    if (res.status !== 201) throw new Error(`case: ${res.status} ${await res.text()}`);
  };

  beforeAll(async () => {
    requireBuiltClient();
    data = tempDataDir();
    server = await startTestServer(data.dir, { summaryDelayMs: 50 });
    const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
    await createCase({
      customerName: 'Harbor Books',
      summary: 'Pallet dropped at the dock',
      severity: 'high',
      receivedAt: ago(3),
    });
    await createCase({
      customerName: 'Harbor Books',
      summary: 'Invoice sent twice',
      severity: 'low',
      receivedAt: ago(20),
    });
    await createCase({
      customerName: 'Harbor Books',
      summary: 'Delivery two weeks late',
      severity: 'high',
      receivedAt: ago(40),
    });
    await createCase({
      customerName: 'Quill & Co',
      summary: 'Chat closed without an answer',
      severity: 'medium',
      receivedAt: ago(5),
    });

    analysisId = await createAnalysisOver(server.url, {
      title: 'Damaged deliveries',
      problem: 'Why do pallets arrive damaged?',
    });
    const client = connectClient(server.url, analysisId, 'Ada');
    await client.synced;
    const added = addWhy(client.doc, { parentId: null, text: WHY_TEXT }, client.origin);
    expect(added.ok).toBe(true);
    // The search index follows the room through the summary job; wait until it has the why.
    for (let tries = 0; ; tries += 1) {
      const res = await fetch(`${server.url}/api/search?q=forklift`);
      if (((await res.json()) as { results: unknown[] }).results.length > 0) break;
      if (tries > 200) throw new Error('The search index never had the why.');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    client.destroy();

    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    ({ page, errors } = await openPage(context, `${server.url}/`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    data?.cleanup();
  });

  const summaries = () =>
    page
      .getByRole('tabpanel')
      .getByRole('row')
      .getByRole('link')
      .filter({ hasNotText: /Books|Quill/ });

  it('switches tabs and says which one is open in the URL', async () => {
    const analyses = page.getByRole('tab', { name: 'Analyses' });
    expect(await analyses.getAttribute('aria-selected')).toBe('true');
    await page.getByRole('link', { name: 'Damaged deliveries' }).waitFor();

    await page.getByRole('tab', { name: 'Cases' }).click();
    await page.waitForURL(/\?tab=cases$/);
    expect(await page.getByRole('tab', { name: 'Cases' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await page.getByRole('link', { name: 'Chat closed without an answer' }).waitFor();
    expect(await summaries().allTextContents()).toEqual([
      'Pallet dropped at the dock',
      'Chat closed without an answer',
      'Invoice sent twice',
      'Delivery two weeks late',
    ]);
  });

  it('filters cases by severity, and the view survives a reload', async () => {
    await page.getByRole('combobox', { name: 'Severity' }).selectOption({ label: 'High' });
    await page.waitForURL(/severity=high/);
    await expect
      .poll(() => summaries().allTextContents())
      .toEqual(['Pallet dropped at the dock', 'Delivery two weeks late']);
    await page
      .getByRole('combobox', { name: 'Sort by' })
      .selectOption({ label: 'Oldest received' });
    await page.waitForURL(/sort=receivedAt/);
    expect(new URL(page.url()).search).toBe('?tab=cases&severity=high&sort=receivedAt');
    await expect
      .poll(() => summaries().allTextContents())
      .toEqual(['Delivery two weeks late', 'Pallet dropped at the dock']);

    await page.reload();
    await page.getByRole('link', { name: 'Pallet dropped at the dock' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Cases' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(await page.getByRole('combobox', { name: 'Severity' }).inputValue()).toBe('high');
    expect(await summaries().allTextContents()).toEqual([
      'Delivery two weeks late',
      'Pallet dropped at the dock',
    ]);
  });

  it('says plainly which customer collects many minor wounds', async () => {
    await page.getByRole('tab', { name: 'Customers' }).click();
    await page.waitForURL(/\?tab=customers$/);
    const harbor = page.getByRole('row').filter({ hasText: 'Harbor Books' });
    await harbor.getByText('Many minor wounds').waitFor();
    expect(await harbor.getByRole('cell').nth(1).textContent()).toBe('3');
    const quill = page.getByRole('row').filter({ hasText: 'Quill & Co' });
    expect(await quill.getByText('Many minor wounds').count()).toBe(0);
  });

  it("finds a why's text through Search and opens its analysis", async () => {
    await page.getByRole('textbox', { name: 'Search' }).fill('forklift');
    await page.waitForURL(/q=forklift/);
    const whys = page.getByRole('region', { name: 'Whys' });
    await whys.waitFor();
    expect(await whys.locator('mark').allTextContents()).toEqual(['forklift']);
    expect(await whys.getByRole('listitem').textContent()).toContain(WHY_TEXT);
    expect(await page.getByRole('tablist').count()).toBe(0);

    await whys.getByRole('link', { name: 'Damaged deliveries' }).click();
    await page.waitForURL(new RegExp(`/a/${analysisId}$`));
    await page.goBack();
    await whys.waitFor();
    expect(await page.getByRole('textbox', { name: 'Search' }).inputValue()).toBe('forklift');
    expect(errors).toEqual([]);
  });
});
