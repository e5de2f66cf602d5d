import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addWhy,
  createAnalysis,
  layoutTree,
  LAYOUT,
  makeOrigin,
  nodeSize,
  readAnalysis,
  wrappedLines,
  writeSampleAnalysis,
  type AnalysisSnapshot,
  type NodeBox,
  type Why,
  type WhyId,
} from './index';

const me = makeOrigin('server', 'Whychain');

const whyId = (i: number) => `why${String(i).padStart(5, '0')}` as WhyId;

/**
 * A snapshot whose why `i` hangs under why `parents[i]` (or under the problem when null). Built
 * by hand from a real snapshot and a real why, so that thousands of whys take no time to make.
 */
function treeOf(
  parents: Array<number | null>,
  text: (i: number) => string = () => 'An answer',
): AnalysisSnapshot {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Layout', problem: 'Why is the layout wrong?' }, me);
  const added = addWhy(doc, { parentId: null, text: 'template' }, me);
  if (!added.ok) throw new Error(added.reason);
  const base = readAnalysis(doc);
  const template = base.whys[added.id]!;
  const kids = parents.map(() => [] as WhyId[]);
  const rootIds: WhyId[] = [];
  parents.forEach((p, i) => (p === null ? rootIds : kids[p]!).push(whyId(i)));
  const whys: Record<string, Why> = {};
  const order: WhyId[] = [];
  const stack: Array<[WhyId, number]> = rootIds.map((id): [WhyId, number] => [id, 1]).reverse();
  while (stack.length > 0) {
    const [id, depth] = stack.pop()!;
    const i = Number(id.slice(3));
    const parent = parents[i]!;
    whys[id] = {
      ...template,
      id,
      parentId: parent === null ? null : whyId(parent),
      text: text(i),
      depth,
      childIds: kids[i]!,
    };
    order.push(id);
    stack.push(...kids[i]!.map((c): [WhyId, number] => [c, depth + 1]).reverse());
  }
  return { ...base, rootIds, whys, order };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Parents for a random tree of `n` whys, each under an earlier why or the problem. */
function randomParents(seed: number, n: number): Array<number | null> {
  const rand = mulberry32(seed);
  return Array.from({ length: n }, (_, i) =>
    i === 0 || rand() < 0.1 ? null : Math.floor(rand() * i),
  );
}

/** Pairs of boxes that overlap (sweep over x, so it stays fast for thousands of boxes). */
function overlaps(boxes: Map<string, NodeBox>): string[] {
  const sorted = [...boxes].sort((a, b) => a[1].x - b[1].x);
  const found: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const [idA, a] = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]![1].x < a.x + a.width; j++) {
      const [idB, b] = sorted[j]!;
      if (b.y < a.y + a.height && a.y < b.y + b.height) found.push(`${idA} / ${idB}`);
    }
  }
  return found;
}

const centre = (box: NodeBox) => box.x + box.width / 2;

/** Everything wrong with the layout of the visible part of `snap`. */
function layoutProblems(snap: AnalysisSnapshot, boxes: Map<string, NodeBox>): string[] {
  const problems = overlaps(boxes).map((pair) => `overlap ${pair}`);
  const parentBox = (id: string) => {
    const parent = snap.whys[id]!.parentId;
    return boxes.get(parent ?? 'problem');
  };
  for (const [id, box] of boxes) {
    if (id === 'problem') continue;
    const parent = parentBox(id)!;
    if (box.y < parent.y + parent.height + LAYOUT.gapY) problems.push(`${id} not below parent`);
  }
  const withKids: Array<[string, readonly string[]]> = [
    ['problem', snap.rootIds],
    ...Object.values(snap.whys).map((w) => [w.id, w.childIds] as [string, readonly string[]]),
  ];
  for (const [id, kids] of withKids) {
    const box = boxes.get(id);
    const shown = kids.filter((k) => boxes.has(k));
    if (!box || shown.length === 0) continue;
    const middle = (centre(boxes.get(shown[0]!)!) + centre(boxes.get(shown.at(-1)!)!)) / 2;
    if (Math.abs(centre(box) - middle) > 1e-6) problems.push(`${id} not centred over children`);
    for (let i = 1; i < shown.length; i++) {
      if (boxes.get(shown[i]!)!.x <= boxes.get(shown[i - 1]!)!.x) {
        problems.push(`children of ${id} out of order`);
      }
    }
  }
  return problems;
}

describe('layoutTree', () => {
  it('lays the sample out as one column, the problem on top', () => {
    const doc = new Y.Doc();
    writeSampleAnalysis(doc, me);
    const snap = readAnalysis(doc);
    const boxes = layoutTree(snap);
    expect([...boxes.keys()]).toHaveLength(6);
    expect(boxes.get('problem')).toMatchObject({ y: 0, width: LAYOUT.problemWidth });
    const column = ['problem', ...snap.order].map((id) => boxes.get(id)!);
    for (const box of column) expect(centre(box)).toBeCloseTo(centre(column[0]!));
    for (let i = 1; i < column.length; i++) {
      expect(column[i]!.width).toBe(LAYOUT.whyWidth);
      expect(column[i]!.y).toBe(column[i - 1]!.y + column[i - 1]!.height + LAYOUT.gapY);
    }
    expect(layoutProblems(snap, boxes)).toEqual([]);
  });

  it('puts siblings side by side and centres parents over their answers', () => {
    // problem -> 0 (-> 3, 4, 5), 1, 2 (-> 6 (-> 8, 9), 7)
    const snap = treeOf([null, null, null, 0, 0, 0, 2, 2, 6, 6]);
    const boxes = layoutTree(snap);
    expect(boxes.size).toBe(11);
    expect(layoutProblems(snap, boxes)).toEqual([]);
    const rowOf = (i: number) => boxes.get(whyId(i))!.y;
    expect(new Set([0, 1, 2].map(rowOf)).size).toBe(1);
    expect(new Set([3, 4, 5, 6, 7].map(rowOf)).size).toBe(1);
    expect(rowOf(8)).toBe(rowOf(9));
    expect(rowOf(8)).toBeGreaterThan(rowOf(7));
    const gap = boxes.get(whyId(4))!.x - boxes.get(whyId(3))!.x - LAYOUT.whyWidth;
    expect(gap).toBeCloseTo(LAYOUT.gapX);
  });

  it.each([1, 2, 3])('lays out a random branching tree without overlaps (seed %i)', (seed) => {
    const rand = mulberry32(seed * 97);
    const snap = treeOf(randomParents(seed, 150), () => 'word '.repeat(Math.floor(rand() * 40)));
    const boxes = layoutTree(snap);
    expect(boxes.size).toBe(151);
    expect(layoutProblems(snap, boxes), `seed ${seed}`).toEqual([]);
  });

  it('gives taller boxes to longer answers and pushes the rows below down', () => {
    const parents = [null, null, 0, 1];
    const short = layoutTree(treeOf(parents));
    const long = layoutTree(treeOf(parents, (i) => (i === 1 ? 'because '.repeat(30) : 'Short')));
    const grown = long.get(whyId(1))!.height - short.get(whyId(1))!.height;
    expect(grown).toBeGreaterThan(0);
    expect(long.get(whyId(0))!.height).toBe(short.get(whyId(0))!.height);
    // Every box in the next row moves down by as much as the row grew.
    expect(long.get(whyId(2))!.y - short.get(whyId(2))!.y).toBe(grown);
    expect(long.get(whyId(3))!.y - short.get(whyId(3))!.y).toBe(grown);
  });

  it('leaves out everything below a collapsed why, but keeps the why itself', () => {
    // problem -> 0 (-> 1 (-> 2)), 3 (-> 4)
    const snap = treeOf([null, 0, 1, null, 3]);
    const boxes = layoutTree(snap, new Set([whyId(0)]));
    expect([...boxes.keys()].sort()).toEqual(['problem', whyId(0), whyId(3), whyId(4)].sort());
    expect(layoutProblems(snap, boxes)).toEqual([]);
    expect(layoutTree(snap, new Set([whyId(1)])).has(whyId(2))).toBe(false);
    expect(layoutTree(snap, new Set(['nosuchwhy'])).size).toBe(6);
  });

  it('lays out 2,000 whys, wide or deep', () => {
    const wide = treeOf(randomParents(7, 2000));
    const wideBoxes = layoutTree(wide);
    expect(wideBoxes.size).toBe(2001);
    expect(layoutProblems(wide, wideBoxes)).toEqual([]);

    const deep = treeOf(Array.from({ length: 2000 }, (_, i) => (i === 0 ? null : i - 1)));
    const deepBoxes = layoutTree(deep);
    expect(deepBoxes.size).toBe(2001);
    expect(deep.whys[whyId(1999)]!.depth).toBe(2000);
    expect(layoutProblems(deep, deepBoxes)).toEqual([]);
  });
});

describe('nodeSize', () => {
  it('grows by one line height for every extra wrapped line', () => {
    const two = nodeSize('Short', LAYOUT.whyWidth).height;
    expect(two).toBe(LAYOUT.chrome + LAYOUT.minLines * LAYOUT.lineHeight);
    expect(nodeSize('a\nb\nc', LAYOUT.whyWidth).height).toBe(two + LAYOUT.lineHeight);
    expect(nodeSize('Short', LAYOUT.problemWidth).width).toBe(LAYOUT.problemWidth);
  });
});

describe('wrappedLines', () => {
  const perLine = Math.floor((LAYOUT.whyWidth - 2 * LAYOUT.paddingX) / LAYOUT.charWidth);

  it('counts at least the minimum number of lines', () => {
    expect(wrappedLines('', LAYOUT.whyWidth)).toBe(LAYOUT.minLines);
    expect(wrappedLines('One line', LAYOUT.whyWidth)).toBe(LAYOUT.minLines);
  });

  it('wraps between words and breaks words longer than a line', () => {
    const word = 'x'.repeat(perLine);
    expect(wrappedLines(`${word} ${word} ${word}`, LAYOUT.whyWidth)).toBe(3);
    expect(wrappedLines('y'.repeat(perLine * 3 + 1), LAYOUT.whyWidth)).toBe(4);
    expect(wrappedLines(`ab ${'y'.repeat(perLine + 1)}`, LAYOUT.whyWidth)).toBe(3);
  });

  it('starts a new line at every line break', () => {
    expect(wrappedLines('one\ntwo\nthree\n\nfive', LAYOUT.whyWidth)).toBe(5);
  });

  it('fits more words on a wider box', () => {
    const text = 'because '.repeat(20);
    expect(wrappedLines(text, LAYOUT.problemWidth)).toBeLessThan(
      wrappedLines(text, LAYOUT.whyWidth),
    );
  });
});
