import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addWhy, type WhyId } from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { personContext, requireBuiltClient } from '../fixtures/app';
import { launchChromium } from '../fixtures/browser';
import { connectClient } from '../fixtures/client';
import { nodeSaying, openNode, statusOf } from '../fixtures/room';
import {
  createAnalysisOver,
  startTestServer,
  tempDataDir,
  waitForServerSnapshot,
} from '../fixtures/server';

const PROBLEM = 'Why did the invoices go out late?';
const WHYS = [
  'Because the billing run started late',
  'Because the job waited for the stock import',
  'Because nobody was told of the delay',
] as const;

/** Where the keyboard focus is: in the tree, on a node of it, at the side panel's checklist. */
function focusOf(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    return {
      onNode: !!active?.closest('.react-flow__node'),
      inTree: !!active?.closest('.react-flow'),
      inPanel: !!active?.closest('.wc-sidepanel'),
      // The checklist's own toggle ("Ready to close?"), or a link from one of its items.
      inChecklist:
        !!active?.closest('.wc-sidepanel [aria-label="Checklist"]') ||
        (!!active?.closest('.wc-sidepanel') &&
          active?.getAttribute('aria-expanded') !== null &&
          (active?.textContent ?? '').includes('Ready to close?')),
      textBox: active instanceof HTMLTextAreaElement ? active.getAttribute('aria-label') : null,
      name: active?.getAttribute('aria-label') ?? (active?.textContent ?? '').trim().slice(0, 40),
    };
  });
}

/**
 * Presses `key` until the focus is in the side panel's checklist (at most `limit` times), and
 * returns every place the focus went on the way, for a failure to say where it got stuck.
 */
async function tabToChecklist(page: Page, limit = 40) {
  const trail: Awaited<ReturnType<typeof focusOf>>[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const at = await focusOf(page);
    trail.push(at);
    if (at.inChecklist) break;
  }
  return trail;
}

const whyCount = (page: Page) => page.locator('.react-flow__node-why').count();

describe('reaching the side panel with the keyboard (no keyboard trap on the tree)', () => {
  const data = tempDataDir();
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer(data.dir);
    browser = await launchChromium();
  }, 60_000);
  afterEach(async () => {
    while (contexts.length > 0) await contexts.pop()!.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    data.cleanup();
  });

  /** A new analysis with `whys` in one chain under the problem, written by a sync client. */
  async function analysis(whys: readonly string[]): Promise<string> {
    const id = await createAnalysisOver(server.url, { title: 'Late invoices', problem: PROBLEM });
    if (whys.length === 0) return id;
    const client = connectClient(server.url, id, 'Seeder');
    try {
      await client.synced;
      let parentId: WhyId | null = null;
      for (const text of whys) {
        const result = addWhy(client.doc, { parentId, text }, client.origin);
        if (!result.ok) throw new Error(result.reason);
        parentId = result.id;
      }
      await waitForServerSnapshot<{ order: string[] }>(
        server.url,
        id,
        (snapshot) => snapshot.order.length === whys.length,
        'the seeded whys',
      );
    } finally {
      client.destroy();
    }
    return id;
  }

  async function open(id: string) {
    const context = await personContext(browser, 'Ada');
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`${server.url}/a/${id}`);
    await statusOf(page, 'connected').waitFor();
    await nodeSaying(page, PROBLEM);
    return { page, errors };
  }

  async function serverWhys(id: string): Promise<number> {
    const snapshot = await waitForServerSnapshot<{ order: string[] }>(
      server.url,
      id,
      () => true,
      'the analysis',
    );
    return snapshot.order.length;
  }

  it('from a fresh page, Tab alone goes over the tree to the checklist and adds no why', async () => {
    const id = await analysis(WHYS);
    const { page, errors } = await open(id);
    await expect.poll(() => whyCount(page)).toBe(3);

    const trail = await tabToChecklist(page);
    const where = JSON.stringify(trail, null, 1);
    // It passed over the tree (a node had the focus) and came out of it into the panel.
    expect(
      trail.some((at) => at.onNode),
      where,
    ).toBe(true);
    expect(trail.at(-1)?.inChecklist, where).toBe(true);
    expect(
      trail.filter((at) => at.textBox !== null),
      where,
    ).toEqual([]);
    expect(await whyCount(page)).toBe(3);
    expect(await serverWhys(id)).toBe(3);
    expect(errors).toEqual([]);
  });

  it('on a new analysis, Escape then Tab reach the checklist without starting the tree', async () => {
    const id = await analysis([]);
    const { page, errors } = await open(id);
    await page.getByRole('region', { name: 'Getting started' }).waitFor();

    await page.keyboard.press('Escape');
    const trail = await tabToChecklist(page);
    expect(trail.at(-1)?.inChecklist, JSON.stringify(trail, null, 1)).toBe(true);
    expect(await whyCount(page)).toBe(0);
    expect(await page.getByRole('region', { name: 'Getting started' }).isVisible()).toBe(true);

    // Opened afresh, Tab answers the problem as the guide says.
    await page.reload();
    await statusOf(page, 'connected').waitFor();
    await page.getByRole('region', { name: 'Getting started' }).waitFor();
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await focusOf(page)).textBox).toBe('Why text');
    expect(await whyCount(page)).toBe(1);
    expect(errors).toEqual([]);
  });

  it('Tab on a why being typed in still answers it; Escape twice, then Tab, moves on', async () => {
    const id = await analysis(WHYS);
    const { page, errors } = await open(id);
    await openNode(page, WHYS[2]);

    await page.keyboard.press('Tab');
    await expect.poll(() => whyCount(page)).toBe(4);
    await expect.poll(async () => (await focusOf(page)).textBox).toBe('Why text');
    await page.keyboard.type('Because the alert went to an old address', { delay: 2 });
    // Out of the text box, the why still selected: Tab answers it, as the shortcut help says.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect.poll(() => whyCount(page)).toBe(5);
    await expect.poll(async () => (await focusOf(page)).textBox).toBe('Why text');

    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    const trail = await tabToChecklist(page);
    const where = JSON.stringify(trail, null, 1);
    expect(trail[0]?.inTree && !trail[0]?.onNode, where).toBe(true);
    expect(trail.at(-1)?.inChecklist, where).toBe(true);
    expect(await whyCount(page)).toBe(5);
    expect(await serverWhys(id)).toBe(5);
    expect(errors).toEqual([]);
  });

  it('F6 goes from a why being typed in to the side panel, and back to that why', async () => {
    const id = await analysis(WHYS);
    const { page, errors } = await open(id);
    await openNode(page, WHYS[1]);
    await page.keyboard.press('F6');
    await expect.poll(async () => (await focusOf(page)).inPanel).toBe(true);

    await page.keyboard.press('F6');
    const node = await nodeSaying(page, WHYS[1]);
    await expect.poll(() => node.evaluate((el) => el === document.activeElement)).toBe(true);
    // Back on the why it was on, Tab answers it.
    await page.keyboard.press('Tab');
    await expect.poll(() => whyCount(page)).toBe(4);
    expect(errors).toEqual([]);
  });
});
