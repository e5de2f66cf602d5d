import { hierarchy, tree as tidyTree } from 'd3-hierarchy';
import type { AnalysisSnapshot, Why } from '../readAnalysis';
import { PROBLEM_ID, type Verification } from '../schema';
import {
  DEJAVU_SANS_BOLD_WIDTHS,
  DEJAVU_SANS_WIDTHS,
  FALLBACK_WIDTH,
  FONT_METRIC_RANGES,
} from './fontMetrics';
import { VERIFICATION_LABELS } from './labels';

/*
 * The why tree laid out for print (PDF, SVG, PNG), in points, with text wrapped by the real
 * advance widths of DejaVu Sans: the same lines on every machine, no DOM, no Node.
 */

/** Sizes of the printed tree, in points. */
/** The colours of the printed tree, alike in the SVG, the PNG and the PDF. */
export const TREE_COLORS = {
  border: '#94a3b8',
  fill: '#ffffff',
  problemBorder: '#334155',
  problemFill: '#f8fafc',
  text: '#0f172a',
  label: '#475569',
  rootCause: '#6d28d9',
  rootCauseFill: '#f5f3ff',
  verified: '#047857',
  greyedBorder: '#d1d5db',
  greyedFill: '#f3f4f6',
  greyedText: '#9ca3af',
  edge: '#94a3b8',
} as const;

export const PRINT_STYLE = {
  whyWidth: 140,
  problemWidth: 220,
  /** Horizontal space between neighbouring subtrees. */
  gapX: 12,
  /** Vertical space between one depth row and the next. */
  gapY: 28,
  /** Blank space around the whole tree, so borders are never clipped. */
  margin: 2,
  padding: 6,
  fontSize: 10,
  lineHeight: 12.5,
  labelSize: 9,
  /** Size of the status line ("Root cause · Verified"). */
  tagSize: 9,
  rowHeight: 11.5,
  /** Share of the font size above the baseline (DejaVu Sans ascender). */
  ascent: 0.928,
} as const;

/** One box of the printed tree: the problem or a why, top-left corner in points. */
export interface PrintBox {
  /** 'problem' or the why's id. */
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** 0 for the problem, 1 for "Why 1", ... */
  readonly depth: number;
  /** "Problem", "Why 2", ... */
  readonly label: string;
  /** The text, wrapped to the box. */
  readonly lines: readonly string[];
  readonly fontSize: number;
  /** Status words under the text ("Root cause", "Verified", "Assumption"); empty for the problem. */
  readonly tags: readonly string[];
  /** `tags` joined by " · " and wrapped to the box, breaking only between tags. */
  readonly tagLines: readonly string[];
  readonly rootCause: boolean;
  readonly verification: Verification | null;
  readonly assumption: boolean;
  /** This why itself is ruled out. */
  readonly ruledOut: boolean;
  /** This why or one above it is ruled out: drawn grey. */
  readonly greyed: boolean;
}

/** One text row of a box, for renderers: `top` of the line box and its `baseline`. */
export interface PrintRow {
  readonly text: string;
  readonly x: number;
  readonly top: number;
  readonly baseline: number;
  readonly size: number;
  readonly bold: boolean;
  readonly kind: 'label' | 'text' | 'tags';
}

/** A connector from a parent's bottom to a child's top, as an elbow polyline. */
export interface PrintEdge {
  readonly from: string;
  readonly to: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
  /** The child is greyed (ruled out, or under a ruled-out why). */
  readonly greyed: boolean;
}

/** The whole printed tree; (0, 0) is its top-left corner. */
export interface PrintTree {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly PrintBox[];
  readonly edges: readonly PrintEdge[];
}
/** Same as `PrintTree`. */
export type PrintLayout = PrintTree;

/** A rectangle of the tree that fits one page, drawn at scale 1. */
export interface PrintTile {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Advance width of one code point, per 1000 units of em. */
function advance(codePoint: number, bold: boolean): number {
  const tables = bold ? DEJAVU_SANS_BOLD_WIDTHS : DEJAVU_SANS_WIDTHS;
  for (let r = 0; r < FONT_METRIC_RANGES.length; r++) {
    const [first, last] = FONT_METRIC_RANGES[r]!;
    if (codePoint >= first && codePoint <= last) {
      return tables[r]![codePoint - first] || FALLBACK_WIDTH;
    }
  }
  return FALLBACK_WIDTH;
}

/** Width in points of `text` set in DejaVu Sans at `sizePt` (no kerning: never narrower). */
export function measureText(text: string, sizePt: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += advance(ch.codePointAt(0)!, bold);
  return (units * sizePt) / 1000;
}

/** `word` cut into pieces no wider than `widthPt` (at least one character each). */
function breakWord(word: string, widthPt: number, sizePt: number, bold: boolean): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && measureText(piece + ch, sizePt, bold) > widthPt) {
      pieces.push(piece);
      piece = '';
    }
    piece += ch;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * `text` word-wrapped into lines no wider than `widthPt` at `sizePt`; newlines start new lines,
 * words wider than a line are broken. Empty text gives no lines.
 */
export function wrapText(text: string, widthPt: number, sizePt: number, bold = false): string[] {
  const lines: string[] = [];
  if (!text.trim()) return lines;
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measureText(candidate, sizePt, bold) <= widthPt) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      const pieces = breakWord(word, widthPt, sizePt, bold);
      line = pieces.pop() ?? '';
      lines.push(...pieces);
    }
    lines.push(line);
  }
  return lines;
}

/** Status words of a why, in the order they print. */
function tagsOf(why: Why): string[] {
  const tags: string[] = [];
  if (why.rootCause) tags.push('Root cause');
  tags.push(VERIFICATION_LABELS[why.verification]);
  if (why.assumption) tags.push('Assumption');
  return tags;
}

/** `tags` joined by " · " into lines no wider than `widthPt`, a line break only between tags. */
function tagLinesOf(tags: readonly string[], widthPt: number): string[] {
  const lines: string[] = [];
  for (const tag of tags) {
    const last = lines.at(-1);
    const joined = last === undefined ? tag : `${last} · ${tag}`;
    if (last !== undefined && measureText(joined, PRINT_STYLE.tagSize) <= widthPt) {
      lines[lines.length - 1] = joined;
    } else {
      lines.push(tag);
    }
  }
  return lines;
}

/** Height of a box with `lineCount` text lines (at least one) and `tagLineCount` status lines. */
function boxHeight(lineCount: number, tagLineCount: number): number {
  const s = PRINT_STYLE;
  const tags = tagLineCount > 0 ? 3 + tagLineCount * s.rowHeight : 0;
  const rows = s.rowHeight + 3 + Math.max(1, lineCount) * s.lineHeight + tags;
  return 2 * s.padding + rows;
}

/** The text rows of `box` with their positions, top to bottom. */
export function printRows(box: PrintBox): PrintRow[] {
  const s = PRINT_STYLE;
  const x = box.x + s.padding;
  const rows: PrintRow[] = [];
  const push = (text: string, top: number, size: number, bold: boolean, kind: PrintRow['kind']) =>
    rows.push({ text, x, top, baseline: top + size * s.ascent, size, bold, kind });
  let top = box.y + s.padding;
  push(box.label, top, s.labelSize, true, 'label');
  top += s.rowHeight + 3;
  for (const line of box.lines) {
    push(line, top, box.fontSize, false, 'text');
    top += s.lineHeight;
  }
  top = box.y + box.height - s.padding - box.tagLines.length * s.rowHeight;
  for (const line of box.tagLines) {
    push(line, top, s.tagSize, false, 'tags');
    top += s.rowHeight;
  }
  return rows;
}

interface Item {
  id: string;
  children: Item[];
}

/**
 * Lays the problem and its whys out for print as a tidy tree flowing downwards, like the editor:
 * the problem on top, each depth in its own row, answers under their parent, siblings side by side.
 */
export function layoutPrintTree(snapshot: AnalysisSnapshot): PrintTree {
  const s = PRINT_STYLE;
  const build = (id: string, childIds: readonly string[]): Item => ({
    id,
    children: childIds
      .filter((c) => snapshot.whys[c])
      .map((c) => build(c, snapshot.whys[c]!.childIds)),
  });
  const root = hierarchy<Item>(build(PROBLEM_ID, snapshot.rootIds));
  tidyTree<Item>()
    .nodeSize([s.whyWidth + s.gapX, 1])
    .separation((a, b) => (a.parent === b.parent ? 1 : 1.15))(root);

  type Draft = Omit<PrintBox, 'x' | 'y'> & { cx: number };
  const drafts = new Map<string, Draft>();
  const greyed = new Set<string>();
  const rowHeight: number[] = [];
  root.each((node) => {
    const id = node.data.id;
    const why = id === PROBLEM_ID ? null : snapshot.whys[id]!;
    const width = why ? s.whyWidth : s.problemWidth;
    const lines = wrapText(why ? why.text : snapshot.problem, width - 2 * s.padding, s.fontSize);
    const tags = why ? tagsOf(why) : [];
    const ruledOut = why?.verification === 'ruled_out';
    if (ruledOut || (node.parent && greyed.has(node.parent.data.id))) greyed.add(id);
    const tagLines = tagLinesOf(tags, width - 2 * s.padding);
    const height = boxHeight(lines.length, tagLines.length);
    rowHeight[node.depth] = Math.max(rowHeight[node.depth] ?? 0, height);
    drafts.set(id, {
      id,
      cx: node.x ?? 0,
      width,
      height,
      depth: node.depth,
      label: why ? `Why ${why.depth}` : 'Problem',
      lines,
      fontSize: s.fontSize,
      tags,
      tagLines,
      rootCause: why?.rootCause ?? false,
      verification: why?.verification ?? null,
      assumption: why?.assumption ?? false,
      ruledOut,
      greyed: greyed.has(id),
    });
  });

  const rowTop: number[] = [s.margin];
  for (let d = 1; d < rowHeight.length; d++) {
    rowTop[d] = rowTop[d - 1]! + rowHeight[d - 1]! + s.gapY;
  }
  let minLeft = Infinity;
  let maxRight = -Infinity;
  for (const d of drafts.values()) {
    minLeft = Math.min(minLeft, d.cx - d.width / 2);
    maxRight = Math.max(maxRight, d.cx + d.width / 2);
  }
  const shift = s.margin - minLeft;
  const boxes: PrintBox[] = [];
  const byId = new Map<string, PrintBox>();
  root.each((node) => {
    const { cx, ...rest } = drafts.get(node.data.id)!;
    const box: PrintBox = { ...rest, x: cx - rest.width / 2 + shift, y: rowTop[node.depth]! };
    boxes.push(box);
    byId.set(box.id, box);
  });
  const edges: PrintEdge[] = [];
  root.each((node) => {
    if (!node.parent) return;
    const parent = byId.get(node.parent.data.id)!;
    const child = byId.get(node.data.id)!;
    const px = parent.x + parent.width / 2;
    const cx = child.x + child.width / 2;
    const midY = child.y - s.gapY / 2;
    edges.push({
      from: parent.id,
      to: child.id,
      points: [
        { x: px, y: parent.y + parent.height },
        { x: px, y: midY },
        { x: cx, y: midY },
        { x: cx, y: child.y },
      ],
      greyed: child.greyed,
    });
  });
  const last = rowHeight.length - 1;
  return {
    width: maxRight - minLeft + 2 * s.margin,
    height: rowTop[last]! + rowHeight[last]! + s.margin,
    boxes,
    edges,
  };
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/** What a cut through a box costs, in points of progress: a clean cut wins unless far behind. */
const CROSSING_COST = 40;

/**
 * Cuts [from, to] into pieces at most `size` long. Each cut goes where the next piece can start
 * furthest on, a box it crosses costing `CROSSING_COST`; a crossed box starts the next piece, so
 * every span no longer than `size` lies whole in some piece.
 */
function cutAxis(spans: readonly Span[], from: number, to: number, size: number): Span[] {
  const pieces: Span[] = [];
  let start = from;
  while (to - start > size) {
    const limit = start + size;
    const candidates = [limit];
    for (const b of spans) {
      if (b.end > start && b.end < limit) candidates.push(b.end);
      if (b.start > start && b.start < limit) candidates.push(b.start);
    }
    let best = { cut: limit, next: start, score: -Infinity };
    for (const cut of candidates) {
      const crossed = spans.filter((b) => b.start < cut && b.end > cut && b.start > start);
      const next = Math.min(cut, ...crossed.map((b) => b.start));
      const score = next - CROSSING_COST * crossed.length;
      if (score > best.score || (score === best.score && cut > best.cut)) {
        best = { cut, next, score };
      }
    }
    pieces.push({ start, end: best.cut });
    start = best.next;
    const after = spans.filter((b) => b.end > start).map((b) => b.start);
    if (after.length === 0) return pieces;
    start = Math.max(start, Math.min(...after) - PRINT_STYLE.margin);
  }
  pieces.push({ start, end: to });
  return pieces;
}

/**
 * The tiles that print `tree` at scale 1 on pages of `pageWidthPt` x `pageHeightPt`, row by row,
 * left to right. Cuts fall between depth rows and between boxes where they can; every box that
 * fits on a page lies whole on at least one tile. Tiles without any box are left out.
 */
export function paginateTree(
  tree: PrintTree,
  pageWidthPt: number,
  pageHeightPt: number,
): PrintTile[] {
  const m = PRINT_STYLE.margin;
  const vertical = tree.boxes.map((b) => ({ start: b.y - m, end: b.y + b.height + m }));
  const tiles: PrintTile[] = [];
  for (const band of cutAxis(vertical, 0, tree.height, pageHeightPt)) {
    const inBand = tree.boxes.filter((b) => b.y < band.end && b.y + b.height > band.start);
    if (inBand.length === 0) continue;
    const spans = inBand.map((b) => ({ start: b.x - m, end: b.x + b.width + m }));
    const left = Math.max(0, Math.min(...spans.map((sp) => sp.start)));
    const right = Math.min(tree.width, Math.max(...spans.map((sp) => sp.end)));
    for (const piece of cutAxis(spans, left, right, pageWidthPt)) {
      tiles.push({
        x: piece.start,
        y: band.start,
        width: piece.end - piece.start,
        height: band.end - band.start,
      });
    }
  }
  return tiles;
}
