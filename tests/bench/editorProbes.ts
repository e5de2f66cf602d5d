/**
 * What the editor bench measures inside the page: first render, keystrokes and panning.
 *
 * Scripts run in the page are strings: tsx names functions with a helper the page does not have.
 */
import type { Page } from 'playwright-core';
import { percentile, quantiles } from './stats';

/** A frame later than this means the main thread was busy: the tree is not answering yet. */
const LATE_FRAME_MS = 50;

/**
 * Resolves, in the page, with `{ fromOpen, fromData }`: ms from navigation start (the person
 * opened the analysis) and from the `whychain:synced` mark (the server's data has arrived) to the
 * frame after which the nodes drawn on screen (visible, not the hidden ones React Flow has yet to
 * measure) stay the same and no frame comes late for five frames: the tree is drawn and answers
 * input. The canvas draws only what is in view in large trees.
 */
export const RENDER_PROBE = `new Promise((resolve) => {
  let last = -1, quiet = 0, doneAt = 0, before = performance.now();
  const visible = () => {
    let count = 0;
    for (const node of document.querySelectorAll('.react-flow__node')) {
      if (node.style.visibility !== 'hidden') count++;
    }
    return count;
  };
  const check = () => {
    const now = performance.now();
    const mark = performance.getEntriesByName('whychain:synced')[0];
    const count = visible();
    if (mark && count > 1 && count === last && now - before < ${LATE_FRAME_MS}) {
      if (++quiet === 5) return resolve({ fromOpen: doneAt, fromData: doneAt - mark.startTime });
    } else {
      quiet = 0;
      last = count;
      doneAt = now;
    }
    before = now;
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
export const KEY_PROBE = `(() => {
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

const KEYSTROKES = 80;

/** Types like a fast typist (about ten characters a second) and reads the probe's delays. */
export async function typeAndMeasure(page: Page) {
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

/** Frame times while panning. */
export interface PanFrames {
  p50: number;
  p95: number;
  max: number;
  fps: number;
}

/**
 * A point of the canvas with nothing on it (the pane itself, no node, edge or panel), in the
 * middle band of the canvas so the drag stays on it; null when the tree covers every probe.
 */
const EMPTY_POINT = `(() => {
  const pane = document.querySelector('.react-flow__pane');
  if (!pane) return null;
  const r = pane.getBoundingClientRect();
  for (let fy = 0.5; fy < 0.95; fy += 0.05) {
    for (let fx = 0.3; fx < 0.7; fx += 0.02) {
      for (const y of [r.top + r.height * fy, r.top + r.height * (1 - fy)]) {
        const x = r.left + r.width * fx;
        const hit = document.elementFromPoint(x, y);
        if (hit === pane || hit?.closest('.react-flow__background')) return { x, y };
      }
    }
  }
  return null;
})()`;

const PAN_MS = 2000;

/**
 * Pans the canvas by dragging empty canvas with the mouse, back and forth (300 px each way,
 * one sweep a second), for about two seconds, and returns the times between animation frames
 * meanwhile, as the page saw them.
 */
export async function panAndMeasure(page: Page): Promise<PanFrames | null> {
  const start = (await page.evaluate(EMPTY_POINT)) as { x: number; y: number } | null;
  if (!start) return null;
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.evaluate(`(() => {
    window.__panFrames = [];
    window.__panning = true;
    let last = performance.now();
    const tick = (now) => {
      window.__panFrames.push(now - last);
      last = now;
      if (window.__panning) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick); });
  })()`);
  const began = performance.now();
  for (let t = 0; t < PAN_MS; t = performance.now() - began) {
    const dx = 300 * Math.sin((2 * Math.PI * t) / 1000);
    await page.mouse.move(start.x + dx, start.y + dx / 6);
    await page.waitForTimeout(4);
  }
  await page.mouse.up();
  const frames = (await page.evaluate('window.__panning = false; window.__panFrames')) as number[];
  const sorted = [...frames].sort((a, b) => a - b);
  const total = frames.reduce((sum, d) => sum + d, 0);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    fps: total > 0 ? (frames.length * 1000) / total : Number.NaN,
  };
}
