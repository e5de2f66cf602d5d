import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import {
  addAction,
  addWhy,
  editLearnings,
  editWhyDetails,
  readAnalysis,
  setRootCause,
  type Origin,
  type Result,
} from '@whychain/shared';
import { connectClient, waitConverged, type TestClient } from '../fixtures/client';
import { openRoom, type Person, type Room } from '../fixtures/room';

const TITLE =
  'Customer CASE-48213 charged twice for the annual plan after the billing migration in March';
const PROBLEM = 'Why was the customer charged twice?';
const SIZES = [
  { width: 1400, height: 900 },
  { width: 1280, height: 720 },
  { width: 1024, height: 640 },
] as const;

/** How the header's title sits on the screen: all of it in view, nothing cut or overlapped. */
function titleLayout(page: Page) {
  return page.evaluate(() => {
    const heading = document.querySelector<HTMLElement>('header h1')!;
    const box = heading.getBoundingClientRect();
    const status = document.querySelector('[role="group"][aria-label="Status"]')!;
    return {
      text: heading.textContent,
      cutAcross: heading.scrollWidth > heading.clientWidth,
      cutDown: heading.scrollHeight > heading.clientHeight,
      inView: box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
      clearOfStatus: box.right <= status.getBoundingClientRect().left,
      ellipsis: getComputedStyle(heading).textOverflow === 'ellipsis',
    };
  });
}

/** The status step's button: where it is and how wide, by its class (its name changes). */
function stepBox(page: Page) {
  return page.locator('.wc-workflow__step').boundingBox();
}

/** The canvas's pan and zoom, as React Flow applies it. */
function canvasTransform(page: Page) {
  return page
    .locator('.react-flow__viewport')
    .evaluate((el) => (el as HTMLElement).style.transform);
}

/**
 * Starts recording the pointer events that reach the canvas. React Flow may stop zooming on a
 * double click, but a click that falls through a dialog must not reach the canvas at all.
 */
async function recordCanvasClicks(page: Page): Promise<() => Promise<string[]>> {
  await page.locator('.react-flow').evaluate((canvas) => {
    const seen: string[] = [];
    (window as unknown as { canvasClicks: string[] }).canvasClicks = seen;
    for (const type of ['mousedown', 'click', 'dblclick']) {
      canvas.addEventListener(type, () => seen.push(type), { capture: true });
    }
  });
  return () => page.evaluate(() => (window as unknown as { canvasClicks: string[] }).canvasClicks);
}

function statusBadge(page: Page) {
  return page.getByRole('group', { name: 'Status' }).locator('.wc-status').textContent();
}

function must<T extends object>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.reason);
  return result;
}

/** Makes the analysis pass its checklist, so the dialog offers "Sign off and close". */
function completeChecklist(doc: Y.Doc, origin: Origin): void {
  let parentId: string | null = null;
  for (const text of ['Billed by both systems', 'Old plan not cancelled', 'No cutover step']) {
    parentId = must(addWhy(doc, { parentId: parentId as never, text }, origin)).id;
  }
  const whyId = parentId as never;
  must(setRootCause(doc, { whyId, rootCause: true }, origin));
  must(editWhyDetails(doc, { whyId, patch: { verification: 'verified' } }, origin));
  const action = { whyId, kind: 'corrective' as const, owner: 'Grace', dueDate: '2030-01-31' };
  must(addAction(doc, { ...action, description: 'Cancel old plans at cutover' }, origin));
  must(editLearnings(doc, { text: 'Cancel in the old system before billing in the new.' }, origin));
}

describe('the editor header', () => {
  let room: Room;
  let ada: Person;
  let bob: Person;
  let seeder: TestClient;

  beforeAll(async () => {
    room = await openRoom({ title: TITLE, problem: PROBLEM });
    seeder = connectClient(room.server.url, room.analysisId, 'Seeder');
    await seeder.synced;
    completeChecklist(seeder.doc, seeder.origin);
    [ada, bob] = await room.joinAll(['Ada', 'Bob']);
  });
  afterAll(async () => {
    seeder?.destroy();
    await room?.close();
  });

  it('shows the whole title at 1400, 1280 and 1024 pixels wide, in every status', async () => {
    const page = ada.page;
    for (const [status, next] of [
      ['Draft', 'Submit for review'],
      ['In review', null],
    ] as const) {
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await expect.poll(() => statusBadge(page)).toBe(status);
        expect({ size, status, ...(await titleLayout(page)) }).toEqual({
          size,
          status,
          text: TITLE,
          cutAcross: false,
          cutDown: false,
          inView: true,
          clearOfStatus: true,
          ellipsis: false,
        });
      }
      if (next) await page.getByRole('button', { name: next }).click();
    }
    await page.getByRole('button', { name: 'Back to draft' }).click();
    await expect.poll(() => statusBadge(page)).toBe('Draft');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('does exactly one thing for a double click on each status button', async () => {
    const page = ada.page;
    await expect.poll(() => statusBadge(page)).toBe('Draft');
    const where = await stepBox(page);

    await page.getByRole('button', { name: 'Submit for review' }).dblclick();
    await page.waitForTimeout(800);
    expect(await statusBadge(page)).toBe('In review');
    expect(await page.getByRole('dialog').count()).toBe(0);
    // The next step took the place of the last one, exactly.
    expect(await stepBox(page)).toEqual(where);

    await page.getByRole('button', { name: 'Close analysis' }).dblclick();
    await page.waitForTimeout(800);
    const dialog = page.getByRole('dialog', { name: 'Close analysis' });
    expect(await dialog.isVisible()).toBe(true);
    expect(await statusBadge(page)).toBe('In review');

    const zoom = await canvasTransform(page);
    const signOff = dialog.getByRole('button', { name: 'Sign off and close' });
    // The button sits over the canvas, so a second click that fell through would land on it.
    const over = await signOff.boundingBox();
    const canvas = await page.locator('.react-flow__pane').boundingBox();
    expect(over!.x + over!.width / 2).toBeLessThan(canvas!.x + canvas!.width);
    const canvasClicks = await recordCanvasClicks(page);
    await signOff.dblclick();
    await page.waitForTimeout(800);
    expect(await canvasClicks()).toEqual([]);
    expect(await statusBadge(page)).toBe('Closed');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await canvasTransform(page)).toBe(zoom);
    expect(await stepBox(page)).toEqual(where);
    expect(await page.getByRole('button', { name: 'Reopen' }).isVisible()).toBe(true);
    // Bob sees it closed too: the second click did not reopen it.
    await expect.poll(() => statusBadge(bob.page)).toBe('Closed');

    await page.getByRole('button', { name: 'Reopen' }).dblclick();
    await page.waitForTimeout(800);
    expect(await statusBadge(page)).toBe('Draft');
    expect(await page.getByRole('dialog').count()).toBe(0);

    // The quiet way back: it goes away, and the rest of the double click opens nothing.
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByRole('button', { name: 'Back to draft' }).dblclick();
    await page.waitForTimeout(800);
    expect(await statusBadge(page)).toBe('Draft');
    expect(await page.getByRole('textbox', { name: 'Title' }).count()).toBe(0);
    expect(await stepBox(page)).toEqual(where);
    expect([...ada.errors, ...bob.errors]).toEqual([]);
  });

  it('renames in place, for everyone in the room and in the library', async () => {
    const renamed = 'CASE-48213: double charge after the March billing migration';
    await ada.page.getByRole('button', { name: `Title: ${TITLE}, click to rename` }).click();
    const box = ada.page.getByRole('textbox', { name: 'Title' });
    expect(await box.inputValue()).toBe(TITLE);
    await box.fill(renamed);
    await box.press('Enter');

    await expect.poll(() => ada.page.locator('header h1').textContent()).toBe(renamed);
    await expect.poll(() => bob.page.locator('header h1').textContent()).toBe(renamed);
    await waitConverged([seeder]);
    await expect.poll(() => readAnalysis(seeder.doc).title).toBe(renamed);

    // The library, reached the way people go back to it; its list comes from the server, which
    // keeps each analysis's title from the document.
    const library = await bob.context.newPage();
    await expect
      .poll(
        async () => {
          await library.goto(room.url);
          await library.getByRole('link', { name: '← Library' }).click();
          await library.getByRole('table').waitFor();
          return library.getByRole('link', { name: renamed }).count();
        },
        { timeout: 10_000 },
      )
      .toBe(1);
    expect(await library.getByRole('link', { name: TITLE }).count()).toBe(0);
    await library.close();
    expect([...ada.errors, ...bob.errors]).toEqual([]);
  });
});
