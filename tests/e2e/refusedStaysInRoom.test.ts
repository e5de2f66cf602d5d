import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AccessCheck, RunningServer } from '@whychain/server';
import { openPage, personContext, requireBuiltClient } from '../fixtures/app';
import { launchChromium } from '../fixtures/browser';
import {
  addWhyUnder,
  closeInEditor,
  expectWhys,
  nodeSaying,
  openNode,
  openRoom,
  statusOf,
  whyTexts,
  type Person,
  type Room,
} from '../fixtures/room';
import {
  createAnalysisOver,
  startTestServer,
  tempDataDir,
  waitForServerSnapshot,
} from '../fixtures/server';

const PROBLEM = 'Why are the customers angry?';
const CLOSED = 'This analysis is closed; reopen it to make changes.';
const VIEWER = 'You can view this analysis but not change it.';
const REOPEN_TO_CHANGE = /reopen it to make changes/i;
/** Where the screenshots of the refused notice go, to be looked at by a person. */
const SHOTS = process.env.WHYCHAIN_SCREENSHOTS ?? tmpdir();

/**
 * Counts the sync sockets a page opens and closes, and, from now on, every moment the editor is
 * not on the page (a blank page after an error would be one).
 */
async function watch(page: Page) {
  const sockets = { opened: 0, closed: 0 };
  page.on('websocket', (socket) => {
    if (!socket.url().includes('/sync/')) return;
    sockets.opened++;
    socket.on('close', () => sockets.closed++);
  });
  await page.evaluate(() => {
    const state = window as unknown as { blankMoments: number };
    state.blankMoments = 0;
    const check = () => {
      if (!document.querySelector('.wc-editor .react-flow__node-problem')) state.blankMoments++;
    };
    new MutationObserver(check).observe(document.body, { childList: true, subtree: true });
    setInterval(check, 50);
  });
  return {
    sockets,
    blankMoments: () =>
      page.evaluate(() => (window as unknown as { blankMoments: number }).blankMoments),
  };
}

/** The refusal notice, once it says why. */
function refusalNotice(page: Page) {
  return page.getByRole('alert').filter({ hasText: 'were not saved' });
}

/** The line of the presence list about `name`. */
function presenceOf(page: Page, name: string) {
  return page
    .getByRole('region', { name: 'In this room' })
    .getByRole('listitem')
    .filter({ hasText: name });
}

/**
 * Takes a screenshot at the given window size and checks that the notice is whole on screen,
 * its text not cut, its buttons reachable, and that it covers neither the header, the side panel
 * (the people in the room) nor the canvas's controls.
 */
async function checkNoticeAt(page: Page, width: number, height: number, name: string) {
  await page.setViewportSize({ width, height });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  await page.screenshot({ path: join(SHOTS, `whychain-refused-${name}-${width}x${height}.png`) });
  const notice = refusalNotice(page);
  const box = (await notice.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
  expect(box.y + box.height).toBeLessThanOrEqual(height);
  const cut = await notice.evaluate((el) =>
    [...el.querySelectorAll('p, button')].some(
      (part) =>
        part.scrollWidth > part.clientWidth + 1 || part.scrollHeight > part.clientHeight + 1,
    ),
  );
  expect(cut).toBe(false);
  const others = {
    header: page.getByRole('banner'),
    'side panel': page.locator('.wc-sidepanel'),
    'zoom buttons': page.locator('.react-flow__controls'),
    'overview map': page.locator('.wc-overview'),
  };
  for (const [what, other] of Object.entries(others)) {
    const b = (await other.boundingBox())!;
    const overlaps =
      box.x < b.x + b.width &&
      b.x < box.x + box.width &&
      box.y < b.y + b.height &&
      b.y < box.y + box.height;
    expect(overlaps, `the notice covers the ${what}`).toBe(false);
  }
  await page.getByRole('button', { name: 'Try again now' }).waitFor({ state: 'visible' });
}

/**
 * Bea types offline while Ada closes the analysis. Back online, her change is refused: she is
 * told why, and stays in the meeting (same socket, Ada's presence and edits keep coming). Once
 * Ada reopens, Bea's kept change reaches Ada without Bea reloading or clicking anything.
 */
describe('a person whose change is refused stays in the room', () => {
  let room: Room;
  let ada: Person;
  let bea: Person;

  beforeAll(async () => {
    room = await openRoom({ title: 'Angry customers', problem: PROBLEM });
    [ada, bea] = await room.joinAll(['Ada', 'Bea']);
  });
  afterAll(() => room?.close());

  it('keeps following the meeting while refused, and her kept edit goes through on reopen', async () => {
    await addWhyUnder(ada.page, PROBLEM, 'Overcharged');
    await expectWhys([ada.page, bea.page], ['Overcharged']);
    const seen = await watch(bea.page);

    await bea.context.setOffline(true);
    await statusOf(bea.page, 'offline').waitFor();
    await openNode(bea.page, 'Overcharged');
    await bea.page.keyboard.press('Control+End');
    await bea.page.keyboard.type(' by Bea', { delay: 5 });
    await closeInEditor(ada.page, 'Handled in another analysis');
    await ada.page.getByText(REOPEN_TO_CHANGE).first().waitFor();
    const before = { ...seen.sockets };
    await bea.context.setOffline(false);

    // She is told why, and her text stays on her screen.
    const notice = refusalNotice(bea.page);
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toContain(`Your latest changes were not saved: ${CLOSED}`);
    await statusOf(bea.page, 'refused').waitFor();
    await bea.page.getByRole('banner').getByText('Closed', { exact: true }).waitFor();
    expect(await whyTexts(bea.page)).toEqual(['Overcharged by Bea']);

    // Still in the room: Ada's presence moves on her screen.
    await (await nodeSaying(ada.page, PROBLEM)).click();
    await expect.poll(() => presenceOf(bea.page, 'Ada').textContent()).toContain('on the problem');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    // One socket since she is back, kept open.
    expect(seen.sockets).toEqual({ opened: before.opened + 1, closed: before.closed });
    await statusOf(bea.page, 'refused').waitFor();
    expect(await whyTexts(ada.page)).toEqual(['Overcharged']);

    await checkNoticeAt(bea.page, 1400, 900, 'closed');
    await checkNoticeAt(bea.page, 1280, 720, 'closed');

    // Ada reopens: Bea's kept edit reaches her, on the same socket, with no click from Bea.
    await ada.page.getByRole('button', { name: 'Reopen' }).click();
    await expectWhys([ada.page, bea.page], ['Overcharged by Bea']);
    await statusOf(bea.page, 'connected').waitFor({ timeout: 10_000 });
    expect(await refusalNotice(bea.page).count()).toBe(0);
    const onServer = await waitForServerSnapshot<{ whys: Record<string, { text: string }> }>(
      room.server.url,
      room.analysisId,
      (snapshot) => Object.values(snapshot.whys).some((why) => why.text === 'Overcharged by Bea'),
      'the kept edit on the server',
    );
    expect(Object.values(onServer.whys).map((why) => why.text)).toEqual(['Overcharged by Bea']);

    // And Ada's later edits keep coming.
    await addWhyUnder(ada.page, 'Overcharged by Bea', 'Wrong price form');
    await expectWhys([ada.page, bea.page], ['Overcharged by Bea', 'Wrong price form']);
    expect(seen.sockets).toEqual({ opened: before.opened + 1, closed: before.closed });
    expect(await seen.blankMoments()).toBe(0);
    expect([...ada.errors, ...bea.errors]).toEqual([]);
  });
});

/** Viewers are told by a cookie here, a stand-in for accounts (see tests/integration/viewer.test.ts). */
const viewersByCookie: AccessCheck = ({ request }) => ({
  allowed: true,
  canWrite: !/(?:^|;\s*)role=viewer(?:;|$)/.test(request.headers.cookie ?? ''),
});

/** A viewer who types anyway is told she may only view, and keeps following the meeting. */
describe('a viewer who types', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    requireBuiltClient();
    data = tempDataDir();
    server = await startTestServer(data.dir, { access: viewersByCookie });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    data?.cleanup();
  });

  async function join(url: string, name: string, viewer = false) {
    const context = await personContext(browser, name);
    if (viewer) await context.addCookies([{ name: 'role', value: 'viewer', url: server.url }]);
    const { page, errors } = await openPage(context, url);
    await statusOf(page, 'connected').waitFor();
    await page.getByText(PROBLEM).first().waitFor();
    return { page, errors };
  }

  it('is refused with the reason, stays in the room and sees every later edit', async () => {
    const id = await createAnalysisOver(server.url, { title: 'Viewers', problem: PROBLEM });
    const url = `${server.url}/a/${id}`;
    const ada = await join(url, 'Ada');
    const vic = await join(url, 'Vic', true);
    await addWhyUnder(ada.page, PROBLEM, 'Overcharged');
    await expectWhys([ada.page, vic.page], ['Overcharged']);
    const seen = await watch(vic.page);

    await openNode(vic.page, 'Overcharged');
    await vic.page.keyboard.press('Control+End');
    await vic.page.keyboard.type(' (Vic)', { delay: 5 });
    const notice = refusalNotice(vic.page);
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toContain(`Your latest changes were not saved: ${VIEWER}`);
    await statusOf(vic.page, 'refused').waitFor();
    await checkNoticeAt(vic.page, 1400, 900, 'viewer');
    await checkNoticeAt(vic.page, 1280, 720, 'viewer');

    await (await nodeSaying(ada.page, PROBLEM)).click();
    await expect.poll(() => presenceOf(vic.page, 'Ada').textContent()).toContain('on the problem');
    await addWhyUnder(ada.page, PROBLEM, 'Late delivery');
    await expect.poll(() => whyTexts(vic.page)).toEqual(['Late delivery', 'Overcharged (Vic)']);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await whyTexts(ada.page)).toEqual(['Late delivery', 'Overcharged']);
    expect(seen.sockets).toEqual({ opened: 0, closed: 0 }); // the same socket all along
    await statusOf(vic.page, 'refused').waitFor();
    expect(await seen.blankMoments()).toBe(0);
    expect([...ada.errors, ...vic.errors]).toEqual([]);
  });
});
