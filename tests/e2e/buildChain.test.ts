import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SAMPLE_ANALYSIS } from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { launchChromium } from '../fixtures/browser';
import { openPage, personContext, requireBuiltClient } from '../fixtures/app';
import { startTestServer, tempDataDir } from '../fixtures/server';

/**
 * Two people in two browser contexts. Ada builds the five-why chain of the book example and marks
 * the root cause; Bob sees every step. Then Bob reloads, and the server restarts: nothing is lost.
 */
describe('two people build the book example together', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  let browser: Browser;
  let adaContext: BrowserContext;
  let bobContext: BrowserContext;
  let ada: Page;
  let bob: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltClient();
    data = tempDataDir();
    server = await startTestServer(data.dir);
    browser = await launchChromium();
    adaContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    bobContext = await personContext(browser, 'Bob');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    data?.cleanup();
  });

  const whyNode = (page: Page, text: string) =>
    page.locator('.react-flow__node').filter({ hasText: text });

  it('creates the analysis from the library and asks Ada her name once', async () => {
    const opened = await openPage(adaContext, `${server.url}/`);
    ada = opened.page;
    ada.on('pageerror', (e) => pageErrors.push(`Ada: ${e.message}`));
    await ada.getByRole('button', { name: 'New analysis' }).click();
    await ada.getByRole('textbox', { name: 'Title' }).fill(SAMPLE_ANALYSIS.title);
    await ada.getByRole('textbox', { name: 'Problem statement' }).fill(SAMPLE_ANALYSIS.problem);
    await ada.getByRole('button', { name: 'Create analysis' }).click();
    await ada.waitForURL(/\/a\/[0-9a-z]+$/);

    await ada.getByRole('textbox', { name: 'Display name' }).fill('Ada');
    await ada.getByRole('button', { name: 'Join' }).click();
    await ada.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
    expect(await ada.getByText(SAMPLE_ANALYSIS.problem).count()).toBeGreaterThan(0);

    const openedBob = await openPage(bobContext, ada.url());
    bob = openedBob.page;
    bob.on('pageerror', (e) => pageErrors.push(`Bob: ${e.message}`));
    await bob.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
    const room = bob.getByRole('complementary').or(bob.locator('body'));
    await room.getByText('Ada', { exact: true }).first().waitFor();
    await ada.getByText('Bob', { exact: true }).first().waitFor();
  });

  it('builds the five-why chain in one context while the other sees every step', async () => {
    await ada.getByText(SAMPLE_ANALYSIS.problem).first().click();
    for (const [i, text] of SAMPLE_ANALYSIS.whys.entries()) {
      await ada.getByRole('button', { name: 'Add why' }).click();
      const box = ada.getByRole('textbox', { name: 'Why text' });
      await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
      await box.pressSequentially(text, { delay: 2 });
      await whyNode(bob, text).waitFor();
      expect(await whyNode(bob, text).textContent()).toContain(`Why ${i + 1}`);
    }
    await ada.getByRole('button', { name: 'Mark as root cause' }).click();
    await ada.getByRole('button', { name: 'Unmark root cause' }).waitFor();
    const rootCause = whyNode(bob, SAMPLE_ANALYSIS.whys[4]);
    await rootCause.getByText('Root cause', { exact: true }).waitFor();
  });

  it('keeps every step after a reload', async () => {
    await bob.reload();
    await bob.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
    await expectChain(bob);
    expect(await bob.getByRole('textbox', { name: 'Display name' }).count()).toBe(0);
  });

  it('keeps every step after the server restarts, and both pages reconnect', async () => {
    const port = server.port;
    await server.close();
    await ada.getByRole('status').filter({ hasText: 'Offline' }).waitFor();
    server = await startTestServer(data.dir, { port });
    await ada.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: 15_000 });
    await bob.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: 15_000 });

    await ada.reload();
    await ada.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
    await expectChain(ada);
    expect(await ada.getByRole('textbox', { name: 'Display name' }).count()).toBe(0);

    const fresh = await openPage(await personContext(browser, 'Carol'), ada.url());
    await fresh.page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
    await expectChain(fresh.page);
    expect([...pageErrors, ...fresh.errors]).toEqual([]);
  });

  async function expectChain(page: Page): Promise<void> {
    await page.getByText(SAMPLE_ANALYSIS.problem).first().waitFor();
    for (const [i, text] of SAMPLE_ANALYSIS.whys.entries()) {
      const node = whyNode(page, text);
      await node.waitFor();
      expect(await node.textContent()).toContain(`Why ${i + 1}`);
    }
    await whyNode(page, SAMPLE_ANALYSIS.whys[4]).getByText('Root cause', { exact: true }).waitFor();
    expect(await page.getByText('Root cause', { exact: true }).count()).toBe(1);
  }
});
