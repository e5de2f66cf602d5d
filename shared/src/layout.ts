import { hierarchy, tree as tidyTree } from 'd3-hierarchy';
import type { AnalysisSnapshot } from './readAnalysis';
import { PROBLEM_ID } from './schema';

/** Box of one node on the canvas, top-left corner in canvas pixels. */
export interface NodeBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const LAYOUT = {
  whyWidth: 240,
  problemWidth: 320,
  /** Horizontal space between neighbouring subtrees. */
  gapX: 32,
  /** Vertical space between one depth and the next. */
  gapY: 56,
  lineHeight: 20,
  /** Average glyph width of the node font, used to estimate wrapping without a DOM. */
  charWidth: 7.4,
  paddingX: 12,
  /** Label line ("Why 2") plus top and bottom padding. */
  chrome: 50,
  minLines: 2,
} as const;

/** Number of lines `text` wraps to in a box `width` pixels wide (word wrap, long words broken). */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(8, Math.floor((width - 2 * LAYOUT.paddingX) / LAYOUT.charWidth));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    let count = 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let len = word.length;
      if (used > 0 && used + 1 + len <= perLine) {
        used += 1 + len;
        continue;
      }
      if (used > 0) count++;
      while (len > perLine) {
        count++;
        len -= perLine;
      }
      used = len;
    }
    lines += count;
  }
  return Math.max(LAYOUT.minLines, lines);
}

/** Size of the box that shows `text`, given the node's width. */
export function nodeSize(text: string, width: number): { width: number; height: number } {
  return { width, height: LAYOUT.chrome + wrappedLines(text, width) * LAYOUT.lineHeight };
}

interface LayoutItem {
  id: string;
  children: LayoutItem[];
}

/**
 * Lays the problem and its whys out as a tidy tree flowing downwards: the problem on top, each
 * depth ("Why 1", "Why 2", ...) in its own row as tall as its tallest box, siblings side by side,
 * parents centred over their answers (Buchheim–Walker, linear time). The answers below a
 * `hidden` (collapsed) why are left out; the collapsed why itself stays.
 */
export function layoutTree(
  snapshot: AnalysisSnapshot,
  hidden: ReadonlySet<string> = new Set(),
): Map<string, NodeBox> {
  const build = (id: string, childIds: readonly string[]): LayoutItem => ({
    id,
    children: hidden.has(id) ? [] : childIds.map((c) => build(c, snapshot.whys[c]?.childIds ?? [])),
  });
  const root = hierarchy<LayoutItem>(build(PROBLEM_ID, snapshot.rootIds));
  const spacing = LAYOUT.whyWidth + LAYOUT.gapX;
  tidyTree<LayoutItem>()
    .nodeSize([spacing, 1])
    .separation((a, b) => (a.parent === b.parent ? 1 : 1.15))(root);

  const sizes = new Map<string, { width: number; height: number }>();
  const rowHeight: number[] = [];
  root.each((node) => {
    const isProblem = node.data.id === PROBLEM_ID;
    const text = isProblem ? snapshot.problem : (snapshot.whys[node.data.id]?.text ?? '');
    const size = nodeSize(text, isProblem ? LAYOUT.problemWidth : LAYOUT.whyWidth);
    sizes.set(node.data.id, size);
    rowHeight[node.depth] = Math.max(rowHeight[node.depth] ?? 0, size.height);
  });
  const rowTop: number[] = [0];
  for (let d = 1; d < rowHeight.length; d++) {
    rowTop[d] = rowTop[d - 1]! + rowHeight[d - 1]! + LAYOUT.gapY;
  }

  const boxes = new Map<string, NodeBox>();
  root.each((node) => {
    const size = sizes.get(node.data.id)!;
    boxes.set(node.data.id, {
      x: (node.x ?? 0) - size.width / 2,
      y: rowTop[node.depth]!,
      width: size.width,
      height: size.height,
    });
  });
  return boxes;
}
