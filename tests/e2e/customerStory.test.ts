import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { RunningServer } from '@whychain/server';
import { openPage, requireBuiltClient } from '../fixtures/app';
import { launchChromium } from '../fixtures/browser';
import { nodeSaying, statusOf, whyTexts } from '../fixtures/room';
import { startTestServer, tempDataDir } from '../fixtures/server';

const CUSTOMER = 'Ærøskøbing Ferries';
const SUMMARY = 'A booked car was left on the quay at Svendborg';
const DESCRIPTION = 'The 9:15 crossing left without the car of a season-ticket holder.';
const WHYS = [
  'The deck crew had no record of the booking',
  'Late bookings reach the ship only on the morning’s printed list',
  'The booking system has no feed to the deck crew’s tablets',
] as const;
const ROOT_CAUSE = WHYS[2];
const CATEGORY = 'Tools and systems';

/**
 * The whole story of issue 9 in one real Chromium against one real server, as a case owner
 * would walk it: a complaint recorded, an analysis started from it, a chain built with the
 * keyboard and its root cause marked, then that root cause seen from the case, the customer,
 * Insights and Search. The server's summary rows follow the document a second later (its
 * default delay, not shortened), so every check after the editor waits for them.
 */
describe('a customer complaint, followed to its root cause and back', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    requireBuiltClient();
    data = tempDataDir();
    server = await startTestServer(data.dir, { seedSample: false });
    browser = await launchChromium();
    // A fixed locale, so money reads the same on every machine.
    context = await browser.newContext({
      locale: 'en-US',
      viewport: { width: 1400, height: 900 },
    });
    await context.addInitScript(() => localStorage.setItem('whychain.displayName', 'Dana'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    data?.cleanup();
  });

  /** Waits until `locator` is in the DOM and its text includes every one of `parts`. */
  const showsAll = async (locator: Locator, parts: readonly string[]) => {
    await locator.first().waitFor();
    await expect
      .poll(() => locator.first().innerText(), { timeout: 10_000 })
      .toSatisfy((text: string) => parts.every((part) => text.includes(part)));
  };

  /**
   * A page that reads the server once (the case page) shows a summary row as it was when it
   * opened; as a person would, reload until the row has caught up.
   */
  const reloadUntil = async (page: Page, target: Locator, parts: readonly string[]) => {
    await expect
      .poll(
        async () => {
          await target.first().waitFor();
          const text = await target.first().innerText();
          if (parts.every((part) => text.includes(part))) return true;
          await page.reload();
          return false;
        },
        { timeout: 10_000, interval: 300 },
      )
      .toBe(true);
  };

  /** The caret is in the text box of a why: what Tab opens and what the person types into. */
  const caretInWhy = async (page: Page) => {
    const box = page.getByRole('textbox', { name: 'Why text' });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
  };

  it('goes from a new case to its root cause, seen on the case, the customer, Insights and Search', async () => {
    const { page, errors } = await openPage(context, `${server.url}/`);

    // 1. The library: "New case", a new customer, what happened and what is at stake.
    await page.getByRole('button', { name: 'New case' }).click();
    await page.getByRole('heading', { level: 1, name: 'New case' }).waitFor();
    await page.getByRole('combobox', { name: 'Customer' }).fill(CUSTOMER);
    await page.getByRole('textbox', { name: 'Summary' }).fill(SUMMARY);
    await page.getByRole('textbox', { name: 'Description' }).fill(DESCRIPTION);
    await page.getByRole('combobox', { name: 'Severity' }).selectOption({ label: 'High' });
    await page.getByRole('textbox', { name: 'Amount' }).fill('12000');
    await page.getByRole('textbox', { name: 'Currency' }).fill('EUR');
    await page.getByRole('button', { name: 'Create case' }).click();

    // 2. The case page: start the analysis, keeping the problem statement made from the case.
    await page.getByRole('heading', { level: 1, name: SUMMARY }).waitFor();
    const casePath = new URL(page.url()).pathname;
    expect(casePath).toMatch(/^\/cases\/[^/]+$/);
    await page.getByRole('button', { name: 'Start analysis from this case' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start analysis from this case' });
    const problem = `${CUSTOMER}: ${SUMMARY}\n\n${DESCRIPTION}`;
    expect(await dialog.getByRole('textbox', { name: 'Problem statement' }).inputValue()).toBe(
      problem,
    );
    await dialog.getByRole('button', { name: 'Start analysis' }).click();

    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/a\/[^/]+$/);
    const analysisPath = new URL(page.url()).pathname;
    await statusOf(page, 'connected').waitFor();
    const problemNode = page.locator('.react-flow__node-problem');
    await expect
      .poll(() => problemNode.locator('.wc-node__text, textarea').first().textContent())
      .toBe(problem);
    const linkedCase = page
      .getByRole('region', { name: 'Customer cases' })
      .getByRole('listitem', { name: CUSTOMER });
    await showsAll(linkedCase, [SUMMARY, 'High']);

    // 3. Three whys with the keyboard: Tab answers the selected node, Escape leaves the text.
    await problemNode.locator('.wc-node__text, textarea').first().click();
    for (const text of WHYS) {
      await page.keyboard.press('Tab');
      await caretInWhy(page);
      await page.keyboard.type(text, { delay: 5 });
      await page.keyboard.press('Escape');
    }
    // The selected why shows its text in a text box, the others as plain text: read both.
    await expect.poll(() => whyTexts(page)).toEqual([...WHYS].sort());
    for (const [index, text] of WHYS.entries()) {
      expect(await (await nodeSaying(page, text)).textContent()).toContain(`Why ${index + 1}`);
    }
    // The last why is still selected: its toolbar marks it, the side panel gives its category.
    await page.getByRole('button', { name: 'Mark as root cause' }).click();
    await page.getByRole('button', { name: 'Unmark root cause' }).waitFor();
    await (await nodeSaying(page, ROOT_CAUSE)).getByText('Root cause', { exact: true }).waitFor();
    const category = page.getByRole('combobox', { name: 'Cause category' });
    await category.selectOption({ label: CATEGORY });
    await expect.poll(() => category.inputValue()).toBe(CATEGORY);
    await statusOf(page, 'connected').waitFor();

    // 4a. Back to the case through the editor's link: the analysis, with its root cause.
    await linkedCase.getByRole('link', { name: CUSTOMER }).click();
    await page.getByRole('heading', { level: 1, name: SUMMARY }).waitFor();
    expect(new URL(page.url()).pathname).toBe(casePath);
    const linkedAnalysis = page
      .getByRole('region', { name: 'Analyses' })
      .getByRole('listitem', { name: SUMMARY });
    await reloadUntil(page, linkedAnalysis, [ROOT_CAUSE, CATEGORY]);
    expect(await linkedAnalysis.getByRole('link', { name: SUMMARY }).getAttribute('href')).toBe(
      analysisPath,
    );

    // 4b. The customer's page lists the case.
    await page.getByRole('link', { name: CUSTOMER }).click();
    await page.getByRole('heading', { level: 1, name: CUSTOMER }).waitFor();
    const timeline = page.getByRole('list', { name: 'Cases, newest first' });
    await showsAll(timeline.getByRole('listitem'), [SUMMARY, 'High', '1 analysis']);
    expect(await timeline.getByRole('link', { name: SUMMARY }).getAttribute('href')).toBe(casePath);

    // 4c. Insights: the category as a bar and in its table; the root cause ranked by cases and money.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Library' })
      .click();
    await page.getByRole('banner').getByRole('link', { name: 'Insights' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/insights');
    const pareto = page.getByRole('region', { name: 'Root causes by category' });
    await expect.poll(() => pareto.locator('.recharts-bar-rectangle').count()).toBe(1);
    expect(await pareto.locator('.recharts-cartesian-axis-tick-value').allTextContents()).toContain(
      CATEGORY,
    );
    await pareto.getByRole('button', { name: 'Show as table' }).click();
    await expect
      .poll(() => pareto.getByRole('table').locator('tbody tr').allInnerTexts())
      .toEqual([`${CATEGORY}\t1\t100%`]);

    const byCases = page
      .getByRole('region', { name: 'Root causes by linked cases' })
      .getByRole('row')
      .filter({ hasText: ROOT_CAUSE });
    await showsAll(byCases, [SUMMARY, CATEGORY]);
    expect(await byCases.getByRole('cell').allInnerTexts()).toEqual(['1']);
    const byStakes = page
      .getByRole('region', { name: 'Root causes by money at stake' })
      .getByRole('table', { name: 'At stake in EUR' })
      .getByRole('row')
      .filter({ hasText: ROOT_CAUSE });
    await byStakes.waitFor();
    expect(await byStakes.getByRole('cell').allInnerTexts()).toEqual(['€12,000']);
    expect(await byStakes.getByRole('link', { name: ROOT_CAUSE }).getAttribute('href')).toBe(
      analysisPath,
    );

    // 5. Search, from the library: the why found by one of its words, the word marked.
    await page.goBack();
    await page.getByRole('tab', { name: 'Analyses' }).waitFor();
    await page.getByRole('textbox', { name: 'Search' }).fill('tablets');
    await page.waitForURL(/q=tablets/);
    const whys = page.getByRole('region', { name: 'Whys' });
    await whys.waitFor();
    const hit = whys.getByRole('listitem');
    await showsAll(hit, [ROOT_CAUSE, 'Why']);
    expect(await hit.count()).toBe(1);
    expect(await hit.locator('mark').allTextContents()).toEqual(['tablets']);
    await hit.getByRole('link', { name: SUMMARY }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(analysisPath);
    await (await nodeSaying(page, ROOT_CAUSE)).getByText('Root cause', { exact: true }).waitFor();

    expect(errors).toEqual([]);
  });
});
