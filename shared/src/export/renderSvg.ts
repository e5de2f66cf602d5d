import type { ExportInput } from './exportInput';
import { VERIFICATION_LABELS } from './labels';
import {
  layoutPrintTree,
  measureText,
  printRows,
  type PrintBox,
  type PrintEdge,
  type PrintLayout,
  type PrintRow,
  TREE_COLORS,
} from './printLayout';

/*
 * The why tree as a standalone SVG, built as a string (no DOM), on the print layout. Every piece
 * of user text goes through `xml`, so a why such as "<script>" shows as typed.
 */

const FONT = 'DejaVu Sans';
const COLORS = TREE_COLORS;

/** Text escaped for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!);
}
const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** A number for an attribute: at most two decimals, no trailing zeros. */
function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`)
    .join(' ');
}

/** How one box is drawn: its border, fill and text colours. */
function boxColors(box: PrintBox) {
  if (box.greyed) {
    return { stroke: COLORS.greyedBorder, fill: COLORS.greyedFill, text: COLORS.greyedText };
  }
  if (box.rootCause)
    return { stroke: COLORS.rootCause, fill: COLORS.rootCauseFill, text: COLORS.text };
  return { stroke: COLORS.border, fill: COLORS.fill, text: COLORS.text };
}

/** The colour of one status word: root causes violet, verified green, the rest as the label. */
function tagColor(tag: string, box: PrintBox): string {
  if (box.greyed) return COLORS.greyedText;
  if (tag === 'Root cause') return COLORS.rootCause;
  if (tag === VERIFICATION_LABELS.verified) return COLORS.verified;
  return COLORS.label;
}

const SEPARATOR = ' · ';
const BOLD_TAG = 'Root cause';

/** A status line's size: smaller when its words (the root cause's in bold) would run past the box. */
function fittedSize(row: PrintRow, tags: readonly string[], box: PrintBox): number {
  const room = box.width - 2 * (row.x - box.x);
  const wide =
    measureText(SEPARATOR, row.size) * (tags.length - 1) +
    tags.reduce((sum, tag) => sum + measureText(tag, row.size, tag === BOLD_TAG), 0);
  return wide <= room ? row.size : Math.floor((row.size * room * 10) / wide) / 10;
}

/** One status line: each word its own tspan, so each takes its colour. */
function tagsText(row: PrintRow, box: PrintBox): string {
  const tags = row.text.split(SEPARATOR);
  const spans = tags.map((tag, index) => {
    const separator =
      index === 0
        ? ''
        : `<tspan fill="${box.greyed ? COLORS.greyedText : COLORS.label}">${SEPARATOR}</tspan>`;
    const weight = tag === BOLD_TAG ? ' font-weight="bold"' : '';
    return `${separator}<tspan fill="${tagColor(tag, box)}"${weight}>${escapeXml(tag)}</tspan>`;
  });
  const size = fittedSize(row, tags, box);
  return `<text ${attributes({ x: row.x, y: row.baseline, 'font-size': size })}>${spans.join('')}</text>`;
}

function boxSvg(box: PrintBox): string {
  const colors = boxColors(box);
  const rect = `<rect ${attributes({
    x: box.x,
    y: box.y,
    width: box.width,
    height: box.height,
    rx: 6,
    ry: 6,
    fill: colors.fill,
    stroke: colors.stroke,
    'stroke-width': box.rootCause ? 2 : 1,
    ...(box.ruledOut ? { 'stroke-dasharray': '4 3' } : {}),
  })}/>`;
  const rows = printRows(box);
  const label = rows.find((row) => row.kind === 'label')!;
  const labelText = `<text ${attributes({ x: label.x, y: label.baseline, 'font-size': label.size, 'font-weight': 'bold', fill: box.greyed ? COLORS.greyedText : COLORS.label })}>${escapeXml(label.text)}</text>`;
  const lines = rows.filter((row) => row.kind === 'text');
  const text =
    lines.length === 0
      ? ''
      : `<text ${attributes({ 'font-size': box.fontSize, fill: colors.text, ...(box.ruledOut ? { 'text-decoration': 'line-through' } : {}) })}>${lines
          .map(
            (row) =>
              `<tspan ${attributes({ x: row.x, y: row.baseline })}>${escapeXml(row.text)}</tspan>`,
          )
          .join('')}</text>`;
  const tags = rows.filter((row) => row.kind === 'tags').map((row) => tagsText(row, box));
  return `<g ${attributes({ 'data-id': box.id })}>${rect}${labelText}${text}${tags.join('')}</g>`;
}

function edgeSvg(edge: PrintEdge): string {
  return `<polyline ${attributes({
    points: edge.points.map((p) => `${num(p.x)},${num(p.y)}`).join(' '),
    fill: 'none',
    stroke: edge.greyed ? COLORS.greyedBorder : COLORS.edge,
    'stroke-width': 1.2,
  })}/>`;
}

/** The SVG of a laid-out tree, titled `title`. */
export function printTreeSvg(tree: PrintLayout, title: string): string {
  const size = { width: num(tree.width), height: num(tree.height) };
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="0 0 ${size.width} ${size.height}" font-family="${FONT}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="0" y="0" width="${size.width}" height="${size.height}" fill="#ffffff"/>`,
    // Grey connectors first: where they share a stretch with a live one, the live one shows.
    ...tree.edges.filter((edge) => edge.greyed).map(edgeSvg),
    ...tree.edges.filter((edge) => !edge.greyed).map(edgeSvg),
    ...tree.boxes.map(boxSvg),
    '</svg>',
    '',
  ].join('\n');
}

/** The analysis's why tree as a standalone SVG document (points as user units). */
export function renderTreeSvg(input: ExportInput): string {
  const title = input.snapshot.title.trim() === '' ? 'Untitled analysis' : input.snapshot.title;
  return printTreeSvg(layoutPrintTree(input.snapshot), title);
}
