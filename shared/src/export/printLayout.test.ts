import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addWhy } from '../commands/addWhy';
import { createAnalysis } from '../commands/createAnalysis';
import type { WhyId } from '../ids';
import { makeOrigin } from '../origin';
import { readAnalysis } from '../readAnalysis';
import { branchingExportInput, sampleExportInput } from './exportFixtures';
import {
  layoutPrintTree,
  measureText,
  paginateTree,
  PRINT_STYLE,
  printRows,
  wrapText,
  type PrintBox,
  type PrintTile,
} from './printLayout';

const team = makeOrigin('local', 'Test');

/** A doc with `count` whys: ten answers to the problem, each a chain that branches in two. */
function bigTree(count: number) {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Big', problem: 'Many whys' }, team);
  const ids: WhyId[] = [];
  for (let i = 0; i < count; i++) {
    const parentId = i < 10 ? null : ids[Math.floor((i - 10) / 2)]!;
    const added = addWhy(doc, { parentId, text: `Why number ${i} with a few words to wrap` }, team);
    if (!added.ok) throw new Error(added.reason);
    ids.push(added.id);
  }
  return readAnalysis(doc);
}

const inside = (box: PrintBox, tile: PrintTile) =>
  box.x >= tile.x - 0.01 &&
  box.y >= tile.y - 0.01 &&
  box.x + box.width <= tile.x + tile.width + 0.01 &&
  box.y + box.height <= tile.y + tile.height + 0.01;

describe('measureText and wrapText', () => {
  it('measures with the DejaVu Sans widths, bold wider', () => {
    // "a" is 613 units in DejaVu Sans: 6.13 pt at 10 pt.
    expect(measureText('a', 10)).toBeCloseTo(6.13, 2);
    expect(measureText('Zoë Müller', 10, true)).toBeGreaterThan(measureText('Zoë Müller', 10));
  });

  it('wraps at word boundaries, keeps every word, and never exceeds the width', () => {
    const text = 'Zoë Müller-Łukasiewicz, São Paulo, Ærøskøbing: charged twice for the same book';
    const lines = wrapText(text, 100, 10);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ')).toBe(text);
    for (const line of lines) expect(measureText(line, 10)).toBeLessThanOrEqual(100);
  });

  it('starts a new line at a newline and breaks a word longer than a line', () => {
    expect(wrapText('one\ntwo', 200, 10)).toEqual(['one', 'two']);
    const long = 'x'.repeat(80);
    const lines = wrapText(long, 60, 10);
    expect(lines.join('')).toBe(long);
    for (const line of lines) expect(measureText(line, 10)).toBeLessThanOrEqual(60);
    expect(wrapText('   ', 60, 10)).toEqual([]);
  });
});

describe('layoutPrintTree', () => {
  it('puts the problem on top and each depth in a row below its parent', () => {
    const tree = layoutPrintTree(sampleExportInput().snapshot);
    const [problem, ...whys] = tree.boxes;
    expect(problem!.id).toBe('problem');
    expect(problem!.label).toBe('Problem');
    expect(whys.map((b) => b.label)).toEqual(['Why 1', 'Why 2', 'Why 3', 'Why 4', 'Why 5']);
    for (let i = 1; i < tree.boxes.length; i++) {
      expect(tree.boxes[i]!.y).toBeGreaterThan(tree.boxes[i - 1]!.y + tree.boxes[i - 1]!.height);
    }
    expect(whys.at(-1)!.rootCause).toBe(true);
    expect(whys.at(-1)!.tags).toContain('Root cause');
    expect(tree.edges).toHaveLength(5);
    for (const box of tree.boxes) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(tree.width);
      expect(box.y + box.height).toBeLessThanOrEqual(tree.height);
    }
  });

  it('greys a ruled-out why and everything under it, and keeps text at 9 pt or more', () => {
    const { snapshot } = branchingExportInput();
    const tree = layoutPrintTree(snapshot);
    const ruled = tree.boxes.find((b) => b.ruledOut)!;
    expect(ruled.greyed).toBe(true);
    expect(ruled.tags).toContain('Ruled out');
    expect(
      tree.boxes.filter((b) => b.greyed).every((b) => b.ruledOut || b.depth > ruled.depth),
    ).toBe(true);
    const assumed = tree.boxes.find((b) => b.assumption)!;
    expect(assumed.tags).toEqual(['Root cause', 'Hypothesis', 'Assumption']);
    for (const box of tree.boxes) {
      for (const row of printRows(box)) {
        expect(row.size).toBeGreaterThanOrEqual(9);
        expect(row.top).toBeGreaterThanOrEqual(box.y);
        expect(row.top + row.size).toBeLessThanOrEqual(box.y + box.height);
      }
    }
    // Siblings never overlap.
    for (const a of tree.boxes) {
      for (const b of tree.boxes) {
        if (a === b || a.depth !== b.depth) continue;
        expect(a.x + a.width <= b.x || b.x + b.width <= a.x).toBe(true);
      }
    }
  });
});

describe('paginateTree', () => {
  it('gives a small tree one tile', () => {
    const tree = layoutPrintTree(sampleExportInput().snapshot);
    expect(paginateTree(tree, 515, 760)).toEqual([
      { x: 0, y: 0, width: tree.width, height: tree.height },
    ]);
  });

  it('splits a 300-why tree over several page-sized tiles, every box whole on one', () => {
    const tree = layoutPrintTree(bigTree(300));
    expect(tree.boxes).toHaveLength(301);
    const tiles = paginateTree(tree, 515, 700);
    expect(tiles.length).toBeGreaterThan(4);
    for (const tile of tiles) {
      expect(tile.width).toBeLessThanOrEqual(515);
      expect(tile.height).toBeLessThanOrEqual(700);
    }
    for (const box of tree.boxes) {
      expect(tiles.some((tile) => inside(box, tile))).toBe(true);
    }
    expect(PRINT_STYLE.fontSize).toBeGreaterThanOrEqual(9);
  });
});
