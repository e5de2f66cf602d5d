import { describe, expect, it } from 'vitest';
import { readableViewport, readableZoom, type FitBox, type ReadableFitInput } from './fitReadable';

const padding = { top: 40, right: 20, bottom: 20, left: 20 };
const box = (id: string, x: number, y: number): FitBox => ({ id, x, y, width: 240, height: 90 });

/**
 * A problem with `wide` whys under it, each answered by one more why: two rows of `wide` boxes,
 * 272 px apart.
 */
function tree(wide: number) {
  const boxes = [box('p', ((wide - 1) * 272) / 2, 0)];
  const children = new Map<string, string[]>([['p', []]]);
  for (let i = 0; i < wide; i++) {
    boxes.push(box(`a${i}`, i * 272, 146), box(`b${i}`, i * 272, 292));
    children.get('p')!.push(`a${i}`);
    children.set(`a${i}`, [`b${i}`]);
  }
  return { boxes, childIds: (id: string) => children.get(id) ?? [] };
}

function fit(wide: number, over: Partial<ReadableFitInput> = {}) {
  return readableViewport({
    ...tree(wide),
    rootId: 'p',
    selectedId: null,
    width: 1000,
    height: 600,
    padding,
    minZoom: 0.8,
    maxZoom: 1.2,
    ...over,
  })!;
}

/** The part of the canvas (in canvas pixels) that the view shows, inside the padding. */
function seen(view: { x: number; y: number; zoom: number }) {
  return {
    left: (padding.left - view.x) / view.zoom,
    top: (padding.top - view.y) / view.zoom,
    right: (1000 - padding.right - view.x) / view.zoom,
    bottom: (600 - padding.bottom - view.y) / view.zoom,
  };
}

describe('readableViewport', () => {
  it('fits a small tree whole, no closer than the largest zoom', () => {
    const view = fit(2);
    expect(view.zoom).toBe(1.2);
    const shown = seen(view);
    expect(shown.left).toBeLessThanOrEqual(0);
    expect(shown.right).toBeGreaterThanOrEqual(272 + 240);
    expect(shown.top).toBeLessThanOrEqual(0);
    expect(shown.bottom).toBeGreaterThanOrEqual(292 + 90);
  });

  it('fits a tree that fits at a zoom between the readable scale and the largest', () => {
    const view = fit(4);
    expect(view.zoom).toBeCloseTo((1000 - 40) / (3 * 272 + 240));
    expect(view.zoom).toBeGreaterThanOrEqual(0.8);
  });

  it('shows the top of a tree too wide to read whole, at the readable scale, around the problem', () => {
    const view = fit(12);
    expect(view.zoom).toBe(0.8);
    const shown = seen(view);
    const problem = tree(12).boxes[0]!;
    // Its two rows fit in height, so they are all shown; across, the middle is.
    expect(shown.top).toBeLessThanOrEqual(0);
    expect(shown.bottom).toBeGreaterThanOrEqual(292 + 90);
    expect((shown.left + shown.right) / 2).toBeCloseTo(problem.x + problem.width / 2);
  });

  it('gives up the side padding rather than cut off a tree only a little too wide', () => {
    // 4 columns are 1056 px wide: at 0.92 that is 972 px, more than the 960 px inside the
    // padding, less than the 984 px of the canvas without its slivers.
    const view = fit(4, { minZoom: 0.92, height: 300 });
    expect(view.zoom).toBe(0.92);
    expect(view.x).toBeGreaterThanOrEqual(0);
    expect(view.x + (3 * 272 + 240) * view.zoom).toBeLessThanOrEqual(1000);
  });

  it('fits a selected leaf with its chain up to the problem when the whole tree is too large', () => {
    // b7 answers a7, which answers the problem (in the middle, at 1496): 648 px across.
    const view = fit(12, { selectedId: 'b7' });
    const problem = tree(12).boxes[0]!;
    const left = problem.x;
    const right = 7 * 272 + 240;
    expect(view.zoom).toBeCloseTo(Math.min(1.2, (1000 - 40) / (right - left), 540 / 382));
    const shown = seen(view);
    expect(shown.left).toBeLessThanOrEqual(left);
    expect(shown.right).toBeGreaterThanOrEqual(right);
    expect(shown.top).toBeLessThanOrEqual(0);
    expect(shown.bottom).toBeGreaterThanOrEqual(292 + 90);
    expect((shown.left + shown.right) / 2).toBeCloseTo((left + right) / 2);
  });

  it('fits a selected why with its chain above and its answers below when that fits', () => {
    const view = fit(12, { selectedId: 'a7', minZoom: 0.8 });
    const shown = seen(view);
    // The problem above it and b7 below it are in view, both whole.
    expect(shown.left).toBeLessThanOrEqual(tree(12).boxes[0]!.x);
    expect(shown.right).toBeGreaterThanOrEqual(7 * 272 + 240);
    expect(shown.top).toBeLessThanOrEqual(0);
    expect(shown.bottom).toBeGreaterThanOrEqual(292 + 90);
    expect(view.zoom).toBeGreaterThanOrEqual(0.8);
  });

  it('fits a leaf deep in a chain too long to read whole with as many whys above it as fit', () => {
    // One chain, a problem and five whys 146 px apart: 820 px tall, while 540 px of room at 0.8
    // hold 675 px, so the whole chain does not fit, but the leaf and the four whys above do.
    const boxes = [box('p', 0, 0), ...[1, 2, 3, 4, 5].map((n) => box(`w${n}`, 0, n * 146))];
    const childIds = (id: string) =>
      ({ p: ['w1'], w1: ['w2'], w2: ['w3'], w3: ['w4'], w4: ['w5'] })[id] ?? [];
    const view = readableViewport({
      boxes,
      childIds,
      rootId: 'p',
      selectedId: 'w5',
      width: 1000,
      height: 600,
      padding,
      minZoom: 0.8,
      maxZoom: 1.2,
    })!;
    const shown = seen(view);
    expect(view.zoom).toBeGreaterThanOrEqual(0.8);
    expect(view.zoom).toBeLessThan(1.2);
    // w1 (at 146) to w5 (at 730, 90 tall) are whole in view; the problem is not.
    expect(shown.top).toBeLessThanOrEqual(146);
    expect(shown.bottom).toBeGreaterThanOrEqual(5 * 146 + 90);
    expect(shown.top).toBeGreaterThan(90);
  });

  it('fits the selected why and its answers when its chain to the problem is too wide to read', () => {
    // a0 is at the far left, the problem 1496 px to its right: too far at the readable scale.
    const view = fit(12, { selectedId: 'a0' });
    expect(view.zoom).toBe(1.2);
    const shown = seen(view);
    expect(shown.left).toBeLessThanOrEqual(0);
    expect(shown.right).toBeGreaterThanOrEqual(240);
    expect(shown.top).toBeLessThanOrEqual(146);
    expect(shown.bottom).toBeGreaterThanOrEqual(292 + 90);
    // Centred on the branch, not on the chain or the tree; the problem is out of view.
    expect((shown.left + shown.right) / 2).toBeCloseTo(120);
    expect(shown.right).toBeLessThan(tree(12).boxes[0]!.x);
  });

  it('shows a tree too tall to read whole from the problem down', () => {
    const view = fit(12, { selectedId: 'p', height: 200 });
    expect(view.zoom).toBe(0.8);
    expect(seen(view).top).toBeCloseTo(0);
  });

  it('shows a selected branch too large to read whole from the selected why down', () => {
    const view = fit(12, { selectedId: 'a3', width: 220, height: 200 });
    expect(view.zoom).toBe(0.8);
    const shown = seen(view);
    expect(shown.top).toBeCloseTo(146);
    expect(shown.left).toBeGreaterThanOrEqual(3 * 272);
  });

  it('never zooms in less than the readable scale, even when that is above the largest zoom', () => {
    const zoom = readableZoom(18, 14);
    const view = fit(30, { minZoom: zoom, maxZoom: 1.2, selectedId: 'a3' });
    expect(view.zoom).toBeCloseTo(zoom);
    expect(view.zoom * 14).toBeGreaterThanOrEqual(18 - 1e-9);
  });

  it('gives nothing while the canvas has no size', () => {
    expect(
      readableViewport({
        ...tree(2),
        rootId: 'p',
        selectedId: null,
        width: 0,
        height: 0,
        padding,
        minZoom: 1,
        maxZoom: 1,
      }),
    ).toBeNull();
  });
});
