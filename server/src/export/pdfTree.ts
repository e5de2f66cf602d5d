import {
  layoutPrintTree,
  paginateTree,
  printRows,
  TREE_COLORS,
  type AnalysisSnapshot,
  type PrintBox,
  type PrintTile,
  type PrintTree,
} from '@whychain/shared';
import { contentBox, type Doc } from './pdfWriter';

/*
 * The why tree in the PDF as vector drawing on the shared print layout: boxes, elbow connectors,
 * "Why N" labels and status words, at scale 1 (10 pt text), split over pages by `paginateTree`.
 */

/** Room above each tile for the section heading. */
const HEADING_ROOM = 30;

function overlaps(box: PrintBox, tile: PrintTile): boolean {
  return (
    box.x < tile.x + tile.width &&
    box.x + box.width > tile.x &&
    box.y < tile.y + tile.height &&
    box.y + box.height > tile.y
  );
}

function boxColors(box: PrintBox) {
  if (box.greyed) {
    return { border: TREE_COLORS.greyedBorder, fill: TREE_COLORS.greyedFill, width: 1 };
  }
  if (box.rootCause) {
    return { border: TREE_COLORS.rootCause, fill: TREE_COLORS.rootCauseFill, width: 2 };
  }
  if (box.id === 'problem') {
    return { border: TREE_COLORS.problemBorder, fill: TREE_COLORS.problemFill, width: 1.5 };
  }
  return { border: TREE_COLORS.border, fill: TREE_COLORS.fill, width: 1 };
}

function rowColor(box: PrintBox, kind: 'label' | 'text' | 'tags'): string {
  if (box.greyed) return TREE_COLORS.greyedText;
  if (kind === 'label') return box.rootCause ? TREE_COLORS.rootCause : TREE_COLORS.label;
  if (kind === 'tags') {
    if (box.rootCause) return TREE_COLORS.rootCause;
    return box.verification === 'verified' ? TREE_COLORS.verified : TREE_COLORS.label;
  }
  return TREE_COLORS.text;
}

/** One box at offset (dx, dy): its frame, then its label, text and status line. */
function drawBox(doc: Doc, box: PrintBox, dx: number, dy: number): void {
  const colors = boxColors(box);
  doc
    .roundedRect(box.x + dx, box.y + dy, box.width, box.height, 4)
    .lineWidth(colors.width)
    .fillAndStroke(colors.fill, colors.border);
  for (const row of printRows(box)) {
    doc
      .font(row.bold ? 'bold' : 'regular')
      .fontSize(row.size)
      .fillColor(rowColor(box, row.kind))
      .text(row.text, row.x + dx, row.top + dy, { lineBreak: false });
  }
}

function drawTile(doc: Doc, tree: PrintTree, tile: PrintTile, left: number, top: number): void {
  const dx = left - tile.x;
  const dy = top - tile.y;
  doc.save();
  doc.rect(left, top, tile.width, tile.height).clip();
  for (const edge of tree.edges) {
    const [first, ...rest] = edge.points;
    doc.moveTo(first!.x + dx, first!.y + dy);
    for (const p of rest) doc.lineTo(p.x + dx, p.y + dy);
    doc
      .lineWidth(1)
      .strokeColor(edge.greyed ? TREE_COLORS.greyedBorder : TREE_COLORS.edge)
      .stroke();
  }
  for (const box of tree.boxes) if (overlaps(box, tile)) drawBox(doc, box, dx, dy);
  doc.restore();
}

/**
 * The why tree, one tile per page under a "Why tree" heading; a tree that fits in what is left of
 * the current page goes there, else it starts on a new page.
 */
export function drawWhyTree(doc: Doc, snapshot: AnalysisSnapshot): void {
  const tree = layoutPrintTree(snapshot);
  const area = contentBox(doc);
  const tiles = paginateTree(tree, area.width, area.bottom - area.top - HEADING_ROOM);
  const fitsHere =
    tiles.length === 1 && doc.y + 16 + HEADING_ROOM + tiles[0]!.height <= area.bottom;
  if (fitsHere) doc.y += 16;
  else doc.addPage();
  tiles.forEach((tile, index) => {
    if (index > 0) doc.addPage();
    const { left, width } = contentBox(doc);
    const top = doc.y;
    const part = tiles.length > 1 ? ` (part ${index + 1} of ${tiles.length})` : '';
    doc
      .font('bold')
      .fontSize(14)
      .fillColor(TREE_COLORS.text)
      .text(`Why tree${part}`, left, top, { width });
    // Centre a tile narrower than the page.
    const offset = Math.max(0, (width - tile.width) / 2);
    drawTile(doc, tree, tile, left + offset, top + HEADING_ROOM);
    doc.y = top + HEADING_ROOM + tile.height + 10;
  });
  doc.x = contentBox(doc).left;
}
