import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { addWhy, setRootCause } from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { openPage, personContext, requireBuiltClient } from '../fixtures/app';
import { launchChromium } from '../fixtures/browser';
import { connectClient } from '../fixtures/client';
import { startTestServer, tempDataDir } from '../fixtures/server';

const SUMMARY = 'Charged twice for the March invoice';
const DESCRIPTION = 'Two debits of 1,240 EUR on 3 March; the customer called support twice.';
const CUSTOMER = 'Harbour Bakery';
const WOUNDS =
  'Many minor wounds: 3 cases in the last 90 days. Small letdowns add up; this is the main reason relationships end.';

/** A case made in the browser, an analysis started from it, and the links seen from both ends. */
describe('case page', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  let browser: Browser;

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };

  beforeAll(async () => {
    requireBuiltClient();
    data = tempDataDir();
    server = await startTestServer(data.dir, { summaryDelayMs: 50, seedSample: false });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    data?.cleanup();
  });

  it('creates a case, starts an analysis from it and shows the link on both sides', async () => {
    const context = await personContext(browser, 'Dana');
    const { page, errors } = await openPage(context, `${server.url}/cases/new`);
    await page.setViewportSize({ width: 1400, height: 900 });

    await page.getByRole('combobox', { name: 'Customer' }).fill(CUSTOMER);
    await page.getByRole('textbox', { name: 'Summary' }).fill(SUMMARY);
    await page.getByRole('textbox', { name: 'Description' }).fill(DESCRIPTION);
    await page.getByRole('combobox', { name: 'Severity' }).selectOption('high');
    await page.getByRole('textbox', { name: 'External reference' }).fill('ZD-1042');
    await page
      .getByRole('textbox', { name: 'External URL' })
      .fill('https://help.example.com/tickets/1042');
    await page.getByRole('button', { name: 'Create case' }).click();

    await page.getByRole('heading', { level: 1, name: SUMMARY }).waitFor();
    const caseId = /^\/cases\/([^/]+)$/.exec(new URL(page.url()).pathname)?.[1];
    expect(caseId).toBeTruthy();
    const ticket = page.getByRole('link', { name: 'ZD-1042 (opens in a new tab)' });
    expect(await ticket.getAttribute('href')).toBe('https://help.example.com/tickets/1042');
    expect(await page.getByText('High severity').count()).toBe(1);

    // Start the analysis: the problem is prefilled from the case, and stays editable.
    await page.getByRole('button', { name: 'Start analysis from this case' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start analysis from this case' });
    const problem = dialog.getByRole('textbox', { name: 'Problem statement' });
    expect(await problem.inputValue()).toBe(`${CUSTOMER}: ${SUMMARY}\n\n${DESCRIPTION}`);
    expect(await dialog.getByRole('textbox', { name: 'Title' }).inputValue()).toBe(SUMMARY);
    await problem.fill(`Why was ${CUSTOMER} charged twice for the March invoice?`);
    await dialog.getByRole('button', { name: 'Start analysis' }).click();

    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/a\/[^/]+$/);
    const analysisId = new URL(page.url()).pathname.slice(3);
    await expect
      .poll(() => page.locator('.wc-node__text').first().textContent(), { timeout: 10_000 })
      .toBe(`Why was ${CUSTOMER} charged twice for the March invoice?`);
    const panel = page.getByRole('region', { name: 'Customer cases' });
    const linked = panel.getByRole('listitem', { name: CUSTOMER });
    await linked.waitFor();
    expect(await linked.innerText()).toContain('ZD-1042');
    expect(await linked.innerText()).toContain('High');
    expect(await linked.getByRole('link', { name: CUSTOMER }).getAttribute('href')).toBe(
      `/cases/${caseId}`,
    );

    // A root cause found in the meeting (over the socket, as a colleague would add it).
    const colleague = connectClient(server.url, analysisId, 'Sam');
    await colleague.synced;
    const first = addWhy(
      colleague.doc,
      { parentId: null, text: 'Two payment runs' },
      colleague.origin,
    );
    if (!first.ok) throw new Error(first.reason);
    const root = addWhy(
      colleague.doc,
      { parentId: first.id, text: 'The migration left the old scheduler on' },
      colleague.origin,
    );
    if (!root.ok) throw new Error(root.reason);
    setRootCause(colleague.doc, { whyId: root.id, rootCause: true }, colleague.origin);
    await page
      .locator('.wc-node__text', { hasText: 'The migration left the old scheduler on' })
      .waitFor();
    colleague.destroy();

    // Back on the case page: the analysis is linked, with its root cause.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: SUMMARY }).waitFor();
    const analyses = page.getByRole('region', { name: 'Analyses' });
    const item = analyses.getByRole('listitem', { name: SUMMARY });
    await item.waitFor();
    expect(await item.getByRole('link', { name: SUMMARY }).getAttribute('href')).toBe(
      `/a/${analysisId}`,
    );
    await expect
      .poll(
        async () => {
          await page.reload();
          await item.waitFor();
          return item.innerText();
        },
        { timeout: 10_000 },
      )
      .toContain('The migration left the old scheduler on');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('flags the customer on its page once it has three cases within 90 days', async () => {
    const day = 86_400_000;
    const received = (days: number) => new Date(Date.now() - days * day).toISOString();
    const one = await call('POST', '/api/cases', {
      customerName: 'Northwind Dental',
      summary: 'Nobody answered the phone for two days',
      receivedAt: received(70),
    });
    await call('POST', '/api/cases', {
      customerName: 'Northwind Dental',
      summary: 'Passed between three departments about a refund',
      receivedAt: received(30),
    });
    const customerId = (one.customer as { id: string }).id;
    const context = await personContext(browser, 'Dana');
    const { page, errors } = await openPage(context, `${server.url}/customers/${customerId}`);
    await page.getByRole('heading', { level: 1, name: 'Northwind Dental' }).waitFor();
    await page
      .getByRole('link', { name: 'Passed between three departments about a refund' })
      .waitFor();
    expect(await page.getByRole('note', { name: 'Many minor wounds' }).count()).toBe(0);

    await call('POST', '/api/cases', {
      customerName: 'northwind dental',
      summary: 'Invoice sent to the wrong address',
      receivedAt: received(1),
    });
    await page.reload();
    const notice = page.getByRole('note', { name: 'Many minor wounds' });
    await notice.waitFor();
    expect((await notice.innerText()).replace(/^!\s*/, '')).toBe(WOUNDS);
    const titles = await page
      .getByRole('list', { name: 'Cases, newest first' })
      .getByRole('link')
      .allTextContents();
    expect(titles).toEqual([
      'Invoice sent to the wrong address',
      'Passed between three departments about a refund',
      'Nobody answered the phone for two days',
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
