import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addWhy, type WhyId } from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { personContext, requireBuiltClient } from '../fixtures/app';
import { launchChromium } from '../fixtures/browser';
import { connectClient } from '../fixtures/client';
import { nodeSaying, statusOf } from '../fixtures/room';
import {
  createAnalysisOver,
  startTestServer,
  tempDataDir,
  waitForServerSnapshot,
} from '../fixtures/server';

/** The smallest node text "zoom to fit" allows, in screen pixels (see client/src/flow/fitReadable.ts). */
const READABLE_PX = 12;
const PRESENTATION_PX = 18;

/** A why's parent (an index into the list, null for the problem) and its text. */
type Row = readonly [parent: number | null, text: string];

/** A branching tree of nine whys, as a meeting builds one: five deep, five leaves wide. */
const NINE: Row[] = [
  [null, 'Because the order was billed twice'],
  [0, 'Because the retry job ran again after a timeout'],
  [1, 'Because the payment gateway answered slowly'],
  [2, "Because the gateway's connection pool was exhausted"],
  [1, 'Because the job has no idempotency key'],
  [0, 'Because nobody checked for duplicate charges'],
  [null, 'Because support could not refund quickly'],
  [6, "Because refunds need a manager's approval"],
  [6, 'Because the refund tool was down'],
];

/** Sixty whys: four under the problem, then three under each in turn. */
const SIXTY: Row[] = Array.from({ length: 60 }, (_, i) => [
  i < 4 ? null : Math.floor((i - 4) / 3),
  `Because of cause number ${i + 1}`,
]);

/** Writes the whys through a real sync client, as another tab would, and waits for the server. */
async function seed(server: RunningServer, id: string, rows: readonly Row[]): Promise<void> {
  const client = connectClient(server.url, id, 'Seeder');
  try {
    await client.synced;
    const ids: WhyId[] = [];
    for (const [parent, text] of rows) {
      const result = addWhy(
        client.doc,
        { parentId: parent === null ? null : ids[parent]!, text },
        client.origin,
      );
      if (!result.ok) throw new Error(result.reason);
      ids.push(result.id);
    }
    await waitForServerSnapshot<{ order: string[] }>(
      server.url,
      id,
      (snapshot) => snapshot.order.length === rows.length,
      'the seeded whys on the server',
    );
  } finally {
    client.destroy();
  }
}

/** The React Flow zoom, from the transform on its viewport. */
function zoomOf(page: Page): Promise<number> {
  return page
    .locator('.react-flow__viewport')
    .evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
}

/**
 * The smallest node text on screen among the nodes in view, in pixels: its computed font size
 * times the canvas's zoom (the canvas scales with a CSS transform, which font-size ignores).
 */
function smallestTextOnScreen(page: Page): Promise<{ px: number; nodes: number }> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.react-flow')!.getBoundingClientRect();
    const viewport = document.querySelector('.react-flow__viewport')!;
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    let px = Infinity;
    let nodes = 0;
    for (const text of document.querySelectorAll(
      '.react-flow__node .wc-node__text, .react-flow__node textarea',
    )) {
      const box = text.getBoundingClientRect();
      const inView =
        box.bottom > canvas.top &&
        box.top < canvas.bottom &&
        box.right > canvas.left &&
        box.left < canvas.right;
      if (!inView) continue;
      nodes++;
      px = Math.min(px, parseFloat(getComputedStyle(text).fontSize) * zoom);
    }
    return { px, nodes };
  });
}

/** Waits until the canvas's zoom has not changed for a few frames (a fit is settling). */
async function settled(page: Page): Promise<number> {
  let last = NaN;
  await expect
    .poll(async () => {
      const zoom = await zoomOf(page);
      const same = zoom === last;
      last = zoom;
      return same;
    })
    .toBe(true);
  await page.waitForTimeout(800);
  return zoomOf(page);
}

/** The node that says `text`, found by its id: its text box, once open, is not its text. */
async function nodeOf(page: Page, text: string) {
  const id = await (await nodeSaying(page, text)).getAttribute('data-id');
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

function within(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x - 0.5 &&
    inner.y >= outer.y - 0.5 &&
    inner.x + inner.width <= outer.x + outer.width + 0.5 &&
    inner.y + inner.height <= outer.y + outer.height + 0.5
  );
}
type Box = { x: number; y: number; width: number; height: number };

describe('the editor in front of a room', () => {
  const data = tempDataDir();
  let server: RunningServer;
  let browser: Browser;
  let nine: string;
  let sixty: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer(data.dir);
    browser = await launchChromium();
    nine = await createAnalysisOver(server.url, {
      title: 'Case 4711: billed twice',
      problem: 'Why were customers billed twice?',
    });
    sixty = await createAnalysisOver(server.url, { title: 'Sixty', problem: 'Why so many?' });
    await seed(server, nine, NINE);
    await seed(server, sixty, SIXTY);
  }, 60_000);
  afterEach(async () => {
    // Each test is one person alone in the room.
    while (contexts.length > 0) await contexts.pop()!.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    data.cleanup();
  });

  async function open(id: string, width: number, height: number) {
    const context = await personContext(browser, 'Ada');
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.setViewportSize({ width, height });
    await page.goto(`${server.url}/a/${id}`);
    await statusOf(page, 'connected').waitFor();
    await page.locator('.react-flow__node-why').first().waitFor();
    await settled(page);
    return { page, errors };
  }

  describe.each([
    [1280, 720],
    [1024, 640],
  ])('at %ix%i', (width, height) => {
    it('presentation mode folds the side panel away and shows node text at 18 px or more', async () => {
      const { page, errors } = await open(nine, width, height);
      const panel = page.getByRole('complementary');
      await expect.poll(() => panel.isVisible()).toBe(true);
      const before = await smallestTextOnScreen(page);
      expect(before.px).toBeGreaterThanOrEqual(READABLE_PX);

      const toggle = page.getByRole('button', { name: 'Presentation mode' });
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      await toggle.click();
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => panel.isVisible()).toBe(false);
      await settled(page);

      // The canvas takes the whole width but for the strip that brings the panel back.
      const strip = page.getByRole('button', { name: 'Show side panel' });
      const stripBox = (await strip.boundingBox())!;
      expect(stripBox.width).toBeLessThanOrEqual(32);
      expect(stripBox.x + stripBox.width).toBeCloseTo(width, 0);
      const canvas = (await page.locator('.react-flow').boundingBox())!;
      expect(canvas.width).toBeGreaterThanOrEqual(width - 32);

      const text = await smallestTextOnScreen(page);
      expect(text.nodes).toBeGreaterThanOrEqual(5);
      expect(text.px).toBeGreaterThanOrEqual(PRESENTATION_PX);

      // Presence and the timer stay in view, in the bar.
      const bar = page.getByRole('region', { name: 'Presence and meeting timer' });
      expect(await bar.getByRole('timer', { name: 'Time in meeting' }).isVisible()).toBe(true);
      expect(await bar.getByText('Ada').isVisible()).toBe(true);
      expect(within((await bar.boundingBox())!, canvas)).toBe(true);

      // The strip brings the panel back.
      await strip.click();
      await expect.poll(() => panel.isVisible()).toBe(true);
      expect(errors).toEqual([]);
    });

    it('P toggles presentation mode, and selecting a why fits its branch at 18 px', async () => {
      const { page, errors } = await open(nine, width, height);
      const toggle = page.getByRole('button', { name: 'Presentation mode' });
      await page.keyboard.press('p');
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
      await settled(page);

      // Select a why (click, then leave its text box), then fit: its branch is in view.
      const why = await nodeOf(page, 'Because the retry job ran again after a timeout');
      await why.locator('.wc-node__text').click();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Zoom to fit' }).click();
      await settled(page);
      const canvas = (await page.locator('.react-flow').boundingBox())!;
      for (const text of [
        'Because the retry job ran again after a timeout',
        'Because the payment gateway answered slowly',
        "Because the gateway's connection pool was exhausted",
        'Because the job has no idempotency key',
      ]) {
        const node = await nodeOf(page, text);
        expect(within((await node.boundingBox())!, canvas), text).toBe(true);
      }
      expect((await smallestTextOnScreen(page)).px).toBeGreaterThanOrEqual(PRESENTATION_PX);

      await page.keyboard.press('P');
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
      await expect.poll(() => page.getByRole('complementary').isVisible()).toBe(true);
      expect(errors).toEqual([]);
    });

    it('"Zoom to fit" of a 60-why tree never goes below the readable scale', async () => {
      const { page, errors } = await open(sixty, width, height);
      expect((await smallestTextOnScreen(page)).px).toBeGreaterThanOrEqual(READABLE_PX);

      // Zoomed out below the readable scale by hand, then fitted.
      const zoomOut = page.getByRole('button', { name: 'Zoom out' });
      for (let i = 0; i < 6; i++) await zoomOut.click();
      await settled(page);
      expect((await smallestTextOnScreen(page)).px).toBeLessThan(READABLE_PX);
      await page.getByRole('button', { name: 'Zoom to fit' }).click();
      await settled(page);
      const fitted = await smallestTextOnScreen(page);
      expect(fitted.nodes).toBeGreaterThan(0);
      expect(fitted.px).toBeGreaterThanOrEqual(READABLE_PX);
      // Starting from the top: the problem is in view.
      const canvas = (await page.locator('.react-flow').boundingBox())!;
      const problem = (await page.locator('.react-flow__node-problem').boundingBox())!;
      expect(within(problem, canvas)).toBe(true);
      expect(errors).toEqual([]);
    });

    it('keeps the toolbar of a node at the canvas edge inside the canvas', async () => {
      const { page, errors } = await open(nine, width, height);
      const canvas = (await page.locator('.react-flow').boundingBox())!;
      const why = await nodeOf(page, 'Because support could not refund quickly');
      await why.locator('.wc-node__text').click();
      const toolbar = page.getByRole('toolbar', { name: 'Why 1 actions' });
      await toolbar.waitFor();

      /** Drags the empty canvas so the node's top left corner lands at (x, y) on the page. */
      const moveNodeTo = async (x: number, y: number) => {
        const node = (await why.boundingBox())!;
        const from = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height - 30 };
        await page.mouse.move(from.x, from.y);
        await page.mouse.down();
        await page.mouse.move(from.x + (x - node.x), from.y + (y - node.y), { steps: 8 });
        await page.mouse.up();
        await settled(page);
      };

      // At the top edge, partly off the left: the toolbar goes below and moves right.
      await moveNodeTo(canvas.x - 40, canvas.y + 2);
      const node = (await why.boundingBox())!;
      expect(node.y).toBeLessThan(canvas.y + 10);
      let bar = (await toolbar.boundingBox())!;
      expect(within(bar, canvas)).toBe(true);
      expect(bar.y).toBeGreaterThanOrEqual(node.y + node.height);

      // At the right edge: the toolbar is above the node again, moved left to stay inside.
      await moveNodeTo(canvas.x + canvas.width - 60, canvas.y + canvas.height / 2);
      bar = (await toolbar.boundingBox())!;
      expect(within(bar, canvas)).toBe(true);
      expect(bar.y + bar.height).toBeLessThanOrEqual((await why.boundingBox())!.y);
      expect(errors).toEqual([]);
    });
  });

  it('hides the overview map on a narrow canvas and shows it again with the panel folded', async () => {
    const { page } = await open(nine, 1024, 640);
    const overview = page.getByRole('img', { name: 'Overview of the tree' });
    expect(await overview.count()).toBe(0);
    await page.getByRole('button', { name: 'Hide side panel' }).click();
    await overview.waitFor();
    expect(await overview.isVisible()).toBe(true);
  });

  it('keeps the overview map off every node in presentation mode at 1280x720', async () => {
    // Sixty whys at the presentation scale fill the canvas to its corners.
    const { page, errors } = await open(sixty, 1280, 720);
    const overview = page.getByRole('img', { name: 'Overview of the tree' });
    // Outside presentation mode the map is there at this size (the canvas is wide enough).
    await page.getByRole('button', { name: 'Hide side panel' }).click();
    await overview.waitFor();
    await page.getByRole('button', { name: 'Show side panel' }).click();

    await page.getByRole('button', { name: 'Presentation mode' }).click();
    await settled(page);
    /** Node boxes on screen that share any pixel with the map (none while it is not drawn). */
    const covered = async () => {
      const map = (await overview.count()) > 0 ? await overview.boundingBox() : null;
      if (!map) return [];
      const hits: string[] = [];
      for (const node of await page.locator('.react-flow__node').all()) {
        const box = await node.boundingBox();
        if (!box) continue;
        const apart =
          box.x + box.width <= map.x ||
          map.x + map.width <= box.x ||
          box.y + box.height <= map.y ||
          map.y + map.height <= box.y;
        if (!apart) hits.push((await node.innerText()).split('\n').join(' '));
      }
      return hits;
    };
    expect(await covered()).toEqual([]);
    // Nor once a why at the bottom right (where the map would be) is picked and fitted.
    const why = await nodeOf(page, 'Because of cause number 36');
    await why.locator('.wc-node__text').click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await settled(page);
    expect(await covered()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('remembers the side panel width set with the keyboard', async () => {
    const { page } = await open(nine, 1280, 720);
    const divider = page.getByRole('separator', { name: 'Resize side panel' });
    const before = Number(await divider.getAttribute('aria-valuenow'));
    await divider.focus();
    await page.keyboard.press('Shift+ArrowLeft');
    expect(Number(await divider.getAttribute('aria-valuenow'))).toBe(before + 64);
    const panel = (await page.getByRole('complementary').boundingBox())!;
    expect(panel.width).toBeCloseTo(before + 64, 0);
    await page.reload();
    await statusOf(page, 'connected').waitFor();
    expect(
      Number(
        await page
          .getByRole('separator', { name: 'Resize side panel' })
          .getAttribute('aria-valuenow'),
      ),
    ).toBe(before + 64);
  });
});
