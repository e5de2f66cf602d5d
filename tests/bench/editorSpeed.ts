/**
 * Editor speed for large analyses, in Chromium against the real server.
 *
 * For each size (50, 500, 2,000 whys, three answers per why, breadth first):
 * - layout: `layoutTree` of the snapshot in Node, and `readAnalysis` beside it (both run on every
 *   document change in the editor), median and p95 over repeated runs;
 * - initial render: in a fresh browser context (no cache), from the `whychain:synced` User Timing
 *   mark (the server's data has arrived) to the frame in which every node is on the page;
 * - keystroke: typing into a why's text box, from each keydown until the editor has handled it
 *   and the page is laid out again (what must fit in a 16 ms frame), p50 and p95; and, for
 *   information, until the next frame is painted (adds the wait for the frame itself). Keys come
 *   about ten a second, like a fast typist. The same probe on a bare text box comes first: what
 *   any keystroke costs in this browser on this machine.
 * Targets at 500 whys: render under 1 s, layout under 20 ms, keystroke p95 under 16 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import {
  addWhy,
  createAnalysis,
  layoutTree,
  makeOrigin,
  newId,
  readAnalysis,
  type WhyId,
} from '@whychain/shared';
import { silentLogger, startServer } from '@whychain/server';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../fixtures/browser';
import { ms, quantiles, table } from './stats';

const SIZES = (process.env.SIZES ?? '50,500,2000').split(',').map(Number);
const KEYSTROKES = 80;
const origin = makeOrigin('server', 'Bench');

/** A document with `count` whys, three answers per why, filled breadth first. */
function buildAnalysis(count: number): Y.Doc {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: `${count} whys`, problem: 'Why are the customers angry?' }, origin);
  const parents: Array<WhyId | null> = [null];
  for (let i = 0; i < count; i++) {
    const parentId = parents[Math.floor(i / 3)] ?? null;
    const added = addWhy(
      doc,
      { parentId, text: `Because reason ${i} went unnoticed for a while` },
      origin,
    );
    if (!added.ok) throw new Error(added.reason);
    parents.push(added.id);
  }
  return doc;
}

function timeIt(fn: () => void, runs: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

/*
 * Scripts run in the page are strings: tsx names functions with a helper the page does not have.
 */

/**
 * Resolves, in the page, with ms from the `whychain:synced` mark to the first frame after which
 * the nodes on screen stay the same for three frames (the canvas draws only what is in view).
 */
const RENDER_PROBE = `new Promise((resolve) => {
  let last = -1, stable = 0, doneAt = 0;
  const check = () => {
    const mark = performance.getEntriesByName('whychain:synced')[0];
    const count = document.querySelectorAll('.react-flow__node').length;
    if (mark && count > 1 && count === last) {
      if (++stable === 3) return resolve(doneAt - mark.startTime);
    } else {
      stable = 0;
      last = count;
      doneAt = performance.now();
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

/**
 * Records, in the page, for each keystroke: the time from the keydown event to the moment the
 * editor has handled it and the browser has laid the page out again (`__keyWork`: script, React
 * commit, style and layout; this must fit in one 16 ms frame), and to the first frame painted
 * after it (`__keyFrame`: adds the wait for the next frame and the paint).
 */
const KEY_PROBE = `(() => {
  window.__keyWork = [];
  window.__keyFrame = [];
  let start = 0;
  document.addEventListener('keydown', () => {
    start = performance.now();
    requestAnimationFrame(() => setTimeout(() => window.__keyFrame.push(performance.now() - start), 0));
  }, true);
  window.addEventListener('input', () => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      void document.body.offsetHeight;
      window.__keyWork.push(performance.now() - start);
    };
    channel.port2.postMessage(null);
  });
})()`;

/** Types like a fast typist (about ten characters a second) and reads the probe's delays. */
async function typeAndMeasure(page: Page) {
  await page.evaluate('window.__keyWork = []; window.__keyFrame = []');
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.type('abcdefghij'[i % 10]!, { delay: 30 });
    await page.waitForTimeout(70);
  }
  await page.waitForTimeout(200);
  return {
    keys: quantiles((await page.evaluate('window.__keyWork')) as number[]),
    frames: quantiles((await page.evaluate('window.__keyFrame')) as number[]),
  };
}

/** The same probe on a bare text box: what this browser and machine take for any keystroke. */
async function bareTextBox(browser: Browser) {
  const page = await browser.newPage();
  await page.setContent('<textarea aria-label="Bare" style="width:300px;height:120px"></textarea>');
  await page.evaluate(KEY_PROBE);
  await page.getByRole('textbox').click();
  const result = await typeAndMeasure(page);
  await page.close();
  return result;
}

export async function runEditorSpeed(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'whychain-bench-editor-'));
  const server = await startServer({ port: 0, dataDir, log: silentLogger });
  const browser = await launchChromium();
  const rows: string[][] = [];
  try {
    const bare = await bareTextBox(browser);
    rows.push([
      'bare text box',
      '',
      '',
      '',
      '',
      ms(bare.keys.p50),
      ms(bare.keys.p95),
      ms(bare.frames.p95),
      '',
    ]);
    for (const size of SIZES) {
      const doc = buildAnalysis(size);
      const snapshot = readAnalysis(doc);
      const layout = quantiles(timeIt(() => layoutTree(snapshot), 40));
      const read = quantiles(timeIt(() => readAnalysis(doc), 40));
      const id = newId<'AnalysisId'>();
      await server.store.create(id, Y.encodeStateAsUpdate(doc), {
        title: `${size} whys`,
        status: 'draft',
      });

      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addInitScript("localStorage.setItem('whychain.displayName', 'Bench')");
      const page = await context.newPage();
      await page.goto(`${server.url}/a/${id}`);
      const render = (await page.evaluate(RENDER_PROBE)) as number;
      await page.evaluate(KEY_PROBE);
      const shown = await page.locator('.react-flow__node-why').count();
      const target = page.locator('.react-flow__node-why').nth(Math.floor(shown / 2));
      await target.scrollIntoViewIfNeeded();
      await target.click();
      const box = page.getByRole('textbox', { name: 'Why text' });
      await box.waitFor();
      await box.press('End');
      await page.evaluate('window.__keyWork = []; window.__keyFrame = []');
      const { keys, frames } = await typeAndMeasure(page);
      await context.close();

      rows.push([
        String(size),
        ms(read.p50),
        ms(layout.p50),
        ms(layout.p95),
        ms(render),
        ms(keys.p50),
        ms(keys.p95),
        ms(frames.p95),
        size === 500
          ? [render < 1000, layout.p95 < 20, keys.p95 < 16]
              .map((ok) => (ok ? 'PASS' : 'MISS'))
              .join(' / ')
          : '',
      ]);
      process.stdout.write(`  done: ${size} whys\n`);
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(
    table(
      [
        'whys',
        'readAnalysis p50',
        'layout p50',
        'layout p95',
        'initial render',
        'keystroke p50',
        'keystroke p95',
        'to next frame p95',
        'targets @500 (render / layout / key)',
      ],
      rows,
    ),
  );
  console.log(
    'Targets at 500 whys: initial render < 1000 ms, layout < 20 ms, keystroke p95 < 16 ms.',
  );
}
