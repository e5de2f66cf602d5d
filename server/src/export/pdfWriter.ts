import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { utcMinute } from '@whychain/shared';
import type { Paper } from './exportFile';

/*
 * A thin layer over pdfkit for the reports: the embedded DejaVu Sans fonts, a cursor that moves
 * down the page, headings, paragraphs, tables whose rows never split, and the footers.
 */

const require = createRequire(import.meta.url);
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;

/** pdfkit's names of the paper sizes. */
const PAPER_SIZES: Record<Paper, string> = { a4: 'A4', letter: 'LETTER' };
const MARGIN = 50;
/** Room under the content for the footer line. */
const FOOTER_ROOM = 20;

export const COLORS = {
  text: '#0f172a',
  muted: '#475569',
  rule: '#cbd5e1',
  headerFill: '#f1f5f9',
  link: '#1d4ed8',
  ok: '#047857',
  missing: '#b91c1c',
} as const;

export type Doc = InstanceType<typeof PDFDocument>;

/** One table column: its header and its share of the width. */
export interface Column {
  readonly header: string;
  readonly share: number;
}

/** One table cell: text and, for a reference or an evidence link, where it leads. */
export interface Cell {
  readonly text: string;
  readonly url?: string | null;
}

/** A new report document with the fonts registered and the metadata set. */
export function createDoc(paper: Paper, title: string): Doc {
  const doc = new PDFDocument({
    size: PAPER_SIZES[paper],
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_ROOM },
    bufferPages: true,
    info: { Title: title, Author: 'Whychain', Creator: 'Whychain', Producer: 'Whychain' },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.font('regular').fontSize(10).fillColor(COLORS.text);
  return doc;
}

/** Left edge and width of the text column. */
export function contentBox(doc: Doc): { left: number; top: number; width: number; bottom: number } {
  const { margins, width, height } = doc.page;
  return {
    left: margins.left,
    top: margins.top,
    width: width - margins.left - margins.right,
    bottom: height - margins.bottom,
  };
}

/** Starts a new page unless `height` points still fit under the cursor. */
export function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > contentBox(doc).bottom && doc.y > contentBox(doc).top) doc.addPage();
}

/** Only http(s) addresses become links. */
export function webUrl(url: string | null | undefined): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

export function title(doc: Doc, text: string): void {
  const { left, width } = contentBox(doc);
  doc.font('bold').fontSize(20).fillColor(COLORS.text).text(text, left, doc.y, { width });
  doc.moveDown(0.3);
}

/** A section heading, kept on the page with at least a few lines of what follows. */
export function heading(doc: Doc, text: string): void {
  ensureRoom(doc, 100);
  const { left, width } = contentBox(doc);
  doc.moveDown(0.8);
  doc.font('bold').fontSize(14).fillColor(COLORS.text).text(text, left, doc.y, { width });
  doc.moveDown(0.3);
}

/** A paragraph of body text (its line breaks kept); `empty` in grey when the text is blank. */
export function paragraph(doc: Doc, text: string, empty = '', bold = false): void {
  const { left, width } = contentBox(doc);
  const blank = text.trim() === '';
  doc
    .font(bold ? 'bold' : 'regular')
    .fontSize(10)
    .fillColor(blank ? COLORS.muted : COLORS.text)
    .text(blank ? empty : text.trim(), left, doc.y, { width });
  doc.fillColor(COLORS.text);
}

/** A line of "Label: value" with the label in bold. */
export function field(doc: Doc, label: string, value: string, url: string | null = null): void {
  const { left, width } = contentBox(doc);
  doc.font('bold').fontSize(10).fillColor(COLORS.text).text(`${label}: `, left, doc.y, {
    width,
    continued: true,
  });
  doc.font('regular');
  if (url) {
    doc.fillColor(COLORS.link).text(value, { link: url, underline: true });
    doc.fillColor(COLORS.text);
  } else {
    doc.text(value);
  }
}

/** A bulleted item, indented. */
export function bullet(doc: Doc, text: string, mark = '•', color: string = COLORS.text): void {
  const { left, width } = contentBox(doc);
  ensureRoom(doc, 14);
  const y = doc.y;
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(color)
    .text(mark, left + 4, y, { lineBreak: false });
  doc.fillColor(COLORS.text).text(text, left + 18, y, { width: width - 18 });
}

const CELL_PAD = 4;

function cellHeight(doc: Doc, cell: Cell, width: number, bold: boolean): number {
  doc.font(bold ? 'bold' : 'regular').fontSize(9.5);
  return doc.heightOfString(cell.text || ' ', { width: width - 2 * CELL_PAD }) + 2 * CELL_PAD;
}

function drawRow(doc: Doc, columns: readonly Column[], cells: readonly Cell[], header: boolean) {
  const { left, width } = contentBox(doc);
  const widths = columns.map((c) => c.share * width);
  const height = Math.max(...cells.map((cell, i) => cellHeight(doc, cell, widths[i]!, header)));
  const y = doc.y;
  if (header) doc.rect(left, y, width, height).fill(COLORS.headerFill);
  let x = left;
  cells.forEach((cell, i) => {
    const url = webUrl(cell.url);
    doc
      .font(header ? 'bold' : 'regular')
      .fontSize(9.5)
      .fillColor(url ? COLORS.link : COLORS.text)
      .text(cell.text, x + CELL_PAD, y + CELL_PAD, {
        width: widths[i]! - 2 * CELL_PAD,
        ...(url ? { link: url, underline: true } : {}),
      });
    x += widths[i]!;
  });
  doc
    .moveTo(left, y + height)
    .lineTo(left + width, y + height)
    .lineWidth(0.5)
    .strokeColor(COLORS.rule)
    .stroke();
  doc.fillColor(COLORS.text);
  doc.x = left;
  doc.y = y + height;
}

/** A table; a row that does not fit moves whole to the next page, under a repeated header. */
export function table(doc: Doc, columns: readonly Column[], rows: readonly (readonly Cell[])[]) {
  const { width } = contentBox(doc);
  const header = columns.map((c) => ({ text: c.header }));
  const heightOf = (cells: readonly Cell[], bold: boolean) =>
    Math.max(...cells.map((cell, i) => cellHeight(doc, cell, columns[i]!.share * width, bold)));
  const headerHeight = heightOf(header, true);
  ensureRoom(doc, headerHeight + (rows[0] ? heightOf(rows[0], false) : 0));
  drawRow(doc, columns, header, true);
  for (const row of rows) {
    if (doc.y + heightOf(row, false) > contentBox(doc).bottom) {
      doc.addPage();
      drawRow(doc, columns, header, true);
    }
    drawRow(doc, columns, row, false);
  }
}

/** Stamps "Generated ... by Whychain" and "Page N of M" on every page. */
export function stampFooters(doc: Doc, now: number): void {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const { left, width } = contentBox(doc);
    const y = doc.page.height - MARGIN - 4;
    const bottom = doc.page.margins.bottom;
    // Writing under the bottom margin would start a new page: lift the margin while stamping.
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(9).fillColor(COLORS.muted);
    doc.text(`Generated ${utcMinute(now)} by Whychain`, left, y, { lineBreak: false });
    const page = `Page ${i + 1} of ${range.count}`;
    doc.text(page, left + width - doc.widthOfString(page), y, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** The finished document's bytes. */
export function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
