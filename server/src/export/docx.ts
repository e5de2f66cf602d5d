import {
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import {
  ACTION_STATUS_LABELS,
  computeChecklist,
  KIND_LABELS,
  STATUS_LABELS,
  utcMinute,
  VERIFICATION_LABELS,
  type AnalysisSnapshot,
  type CaseJson,
  type ExportInput,
  type Why,
} from '@whychain/shared';
import type { ExportFile, ExportOptions, Paper } from './exportFile';
import { pngSize, treePng } from './image';

/*
 * The Word report: the same sections as the PDF report, as editable Word text. The docx package
 * escapes every piece of text for XML itself, so user text goes in as typed.
 */

/** Page size and margins in twentieths of a point (twips); one inch is 1440. */
const PAGES: Record<Paper, { width: number; height: number }> = {
  a4: { width: 11906, height: 16838 },
  letter: { width: 12240, height: 15840 },
};
const MARGIN = 1134; // 2 cm
const TWIPS_PER_PIXEL = 15; // at 96 pixels to the inch
/** The zoom of the tree picture: twice the layout's size, so it stays sharp when printed. */
const TREE_ZOOM = 2;

/** Text as runs, its line breaks kept as breaks. */
function runs(
  text: string,
  style: { bold?: boolean; italics?: boolean; strike?: boolean } = {},
): TextRun[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line, index) => new TextRun({ text: line, break: index === 0 ? 0 : 1, ...style }));
}

function heading(text: string, level: 1 | 2): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    children: runs(text),
  });
}

/** User text as paragraphs, or an italic placeholder when it is empty. */
function block(text: string, empty: string): Paragraph[] {
  const trimmed = text.trim();
  if (trimmed === '') return [new Paragraph({ children: runs(empty, { italics: true }) })];
  return trimmed
    .split(/(?:\r\n|\r|\n)\s*(?:\r\n|\r|\n)\s*/)
    .map((paragraph) => new Paragraph({ children: runs(paragraph) }));
}

function placeholder(text: string): Paragraph {
  return new Paragraph({ children: runs(text, { italics: true }) });
}

/** A link only for http(s) addresses; anything else stays plain text. */
function link(text: string, url: string | null): ParagraphChild {
  const run = new TextRun({ text, style: 'Hyperlink' });
  if (!url || !/^https?:\/\//i.test(url)) return new TextRun({ text });
  return new ExternalHyperlink({ link: url, children: [run] });
}

type Cell = string | ParagraphChild[];

/** A table column: its heading and its share of the width. */
type Column = readonly [heading: string, share: number];

/** The text width of the narrower paper (A4), in twips: the tables' column grid. */
const TABLE_WIDTH = PAGES.a4.width - 2 * MARGIN;

function cell(content: Cell, width: number, bold = false): TableCell {
  const children = typeof content === 'string' ? runs(content, { bold }) : content;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [new Paragraph({ children })],
  });
}

/** A full-width table with a bold header row that repeats on every page. */
function table(columns: readonly Column[], rows: readonly (readonly Cell[])[]): Table {
  const total = columns.reduce((sum, [, share]) => sum + share, 0);
  const widths = columns.map(([, share]) => Math.floor((TABLE_WIDTH * share) / total));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: columns.map(([heading], i) => cell(heading, widths[i]!, true)),
      }),
      ...rows.map((row) => new TableRow({ children: row.map((c, i) => cell(c, widths[i]!)) })),
    ],
  });
}

/** "Status: Closed, signed off by … on …", and the override's reason when there is one. */
function statusParagraphs(snapshot: AnalysisSnapshot): Paragraph[] {
  const status = [
    new TextRun({ text: 'Status: ', bold: true }),
    ...runs(STATUS_LABELS[snapshot.status]),
  ];
  if (snapshot.status !== 'closed' || snapshot.signedOffBy === null) {
    return [new Paragraph({ children: status })];
  }
  const when = snapshot.signedOffAt === null ? '' : ` on ${utcMinute(snapshot.signedOffAt)}`;
  const signed = new Paragraph({
    children: [...status, ...runs(`, signed off by ${snapshot.signedOffBy}${when}`)],
  });
  if (snapshot.closeOverride === null) return [signed];
  return [
    signed,
    new Paragraph({
      children: [
        new TextRun({ text: 'Closed with the checklist incomplete: ', bold: true }),
        ...runs(snapshot.closeOverride),
      ],
    }),
  ];
}

function stakes(stakes: CaseJson['stakes']): string {
  const amount = stakes.amount === null ? '' : `${stakes.amount} ${stakes.currency ?? ''}`.trim();
  const note = stakes.note.trim();
  if (amount && note) return `${amount} (${note})`;
  return amount || note;
}

function casesSection(cases: readonly CaseJson[]): (Paragraph | Table)[] {
  if (cases.length === 0) return [placeholder('No linked cases.')];
  return [
    table(
      [
        ['Customer', 2],
        ['Reference', 1.5],
        ['Summary', 3],
        ['Severity', 1],
        ['Stakes', 1.5],
      ],
      cases.map((c) => [
        c.customer.name,
        [link(c.externalRef ?? (c.externalUrl ? 'link' : ''), c.externalUrl)],
        c.summary,
        c.severity,
        stakes(c.stakes),
      ]),
    ),
  ];
}

/** The tree's picture, as wide as the page's text (or its own size), aspect ratio kept. */
async function treePicture(input: ExportInput, paper: Paper): Promise<Paragraph> {
  const png = await treePng(input, TREE_ZOOM);
  const size = pngSize(png);
  const page = PAGES[paper];
  const maxWidth = (page.width - 2 * MARGIN) / TWIPS_PER_PIXEL;
  const maxHeight = (page.height - 2 * MARGIN) / TWIPS_PER_PIXEL - 60;
  // The layout is in points; Word sizes pictures in pixels at 96 to the inch.
  const toPixels = 96 / 72 / TREE_ZOOM;
  const natural = { width: size.width * toPixels, height: size.height * toPixels };
  const scale = Math.min(1, maxWidth / natural.width, maxHeight / natural.height);
  return new Paragraph({
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: {
          width: Math.round(natural.width * scale),
          height: Math.round(natural.height * scale),
        },
        altText: {
          name: 'Why tree',
          title: 'Why tree',
          description: `The why tree of ${input.snapshot.title}`,
        },
      }),
    ],
  });
}

function whyParagraph(why: Why): Paragraph {
  const label = new TextRun({ text: `Why ${why.depth}: `, bold: true });
  const text = why.text.trim() === '' ? '(empty)' : why.text;
  const notes: string[] = [];
  if (why.rootCause) notes.push('Root cause');
  if (why.verification !== 'hypothesis') notes.push(VERIFICATION_LABELS[why.verification]);
  if (why.rootCause && why.assumption) notes.push('Accepted as an assumption');
  if (why.stopReason.trim() !== '') notes.push(`Stops here: ${why.stopReason.trim()}`);
  return new Paragraph({
    bullet: { level: Math.min(why.depth - 1, 8) },
    indent: { left: 360 * why.depth, hanging: 360 },
    children: [
      label,
      ...runs(text, why.verification === 'ruled_out' ? { strike: true } : {}),
      ...(notes.length === 0
        ? []
        : [new TextRun({ text: ` · ${notes.join(' · ')}`, italics: true })]),
    ],
  });
}

async function treeSection(input: ExportInput, paper: Paper): Promise<Paragraph[]> {
  const { snapshot } = input;
  if (snapshot.order.length === 0) return [placeholder('No whys yet.')];
  return [
    await treePicture(input, paper),
    ...snapshot.order.map((id) => whyParagraph(snapshot.whys[id]!)),
  ];
}

function rootCausesSection(snapshot: AnalysisSnapshot): (Paragraph | Table)[] {
  const causes = snapshot.order.map((id) => snapshot.whys[id]!).filter((w) => w.rootCause);
  if (causes.length === 0) return [placeholder('No root cause marked yet.')];
  return [
    table(
      [
        ['Root cause', 3],
        ['Category', 1.5],
        ['Evidence', 3],
        ['Verification', 1.5],
      ],
      causes.map((w) => [
        w.text,
        w.category ?? '',
        [
          ...runs(w.evidence),
          ...w.links.flatMap((url) => [new TextRun({ text: ' ' }), link(url, url)]),
        ],
        VERIFICATION_LABELS[w.verification] + (w.assumption ? ' (accepted as an assumption)' : ''),
      ]),
    ),
  ];
}

function actionsSection(snapshot: AnalysisSnapshot): (Paragraph | Table)[] {
  if (snapshot.actions.length === 0) return [placeholder('No actions yet.')];
  return [
    table(
      [
        ['Kind', 1.3],
        ['Description', 3],
        ['Owner', 2],
        ['Due', 1.3],
        ['Status', 1.2],
      ],
      snapshot.actions.map((a) => [
        KIND_LABELS[a.kind],
        a.description,
        a.owner,
        a.dueDate ?? '',
        ACTION_STATUS_LABELS[a.status],
      ]),
    ),
  ];
}

function checklistSection(snapshot: AnalysisSnapshot): Paragraph[] {
  return computeChecklist(snapshot).items.flatMap((item) => [
    new Paragraph({ children: runs(`${item.ok ? '☑' : '☐'} ${item.label}`) }),
    ...item.problems.map(
      (p) => new Paragraph({ indent: { left: 720 }, children: runs(`– ${p.message}`) }),
    ),
  ]);
}

/** Evidence links per why, then every comment with its author and the why it is on. */
function appendixSection(snapshot: AnalysisSnapshot): Paragraph[] {
  const whys = snapshot.order.map((id) => snapshot.whys[id]!);
  const linked = whys.filter((w) => w.links.length > 0);
  const evidence =
    linked.length === 0
      ? [placeholder('No evidence links.')]
      : linked.flatMap((w) => [
          new Paragraph({
            children: [new TextRun({ text: `Why ${w.depth}: `, bold: true }), ...runs(w.text)],
          }),
          ...w.links.map(
            (url) => new Paragraph({ indent: { left: 720 }, children: [link(url, url)] }),
          ),
        ]);
  const comments =
    snapshot.comments.length === 0
      ? [placeholder('No comments.')]
      : snapshot.comments.map((c) => {
          const on = snapshot.whys[c.whyId]?.text ?? '';
          const meta = `${c.author || 'Someone'}${c.createdAt ? `, ${utcMinute(c.createdAt)}` : ''}${c.resolved ? ' (resolved)' : ''}`;
          return new Paragraph({
            children: [
              new TextRun({ text: `${meta}: `, bold: true }),
              ...runs(c.text),
              ...(on ? [new TextRun({ text: ` (on "${on}")`, italics: true })] : []),
            ],
          });
        });
  return [
    new Paragraph({ children: [new TextRun({ text: 'Evidence links', bold: true })] }),
    ...evidence,
    new Paragraph({ children: [new TextRun({ text: 'Comments', bold: true })] }),
    ...comments,
  ];
}

/** The analysis as a Word document: the PDF report's content, editable. */
export async function renderDocx(input: ExportInput, options: ExportOptions): Promise<ExportFile> {
  const { snapshot, cases } = input;
  const title = snapshot.title.trim() === '' ? 'Untitled analysis' : snapshot.title;
  const sections: [string, (Paragraph | Table)[]][] = [
    ['Linked cases', casesSection(cases)],
    ['Problem', block(snapshot.problem, 'No problem statement yet.')],
    ['The why-tree', await treeSection(input, options.paper)],
    ['Root causes', rootCausesSection(snapshot)],
    ['Actions', actionsSection(snapshot)],
    ['Learnings for other customers', block(snapshot.learnings, 'None written yet.')],
    ['Ready to close?', checklistSection(snapshot)],
    ['Appendix: evidence links and comments', appendixSection(snapshot)],
  ];
  const page = PAGES[options.paper];
  const document = new Document({
    title,
    creator: 'Whychain',
    styles: { default: { document: { run: { font: 'DejaVu Sans', size: 20 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN },
          },
        },
        children: [
          heading(title, 1),
          ...statusParagraphs(snapshot),
          ...sections.flatMap(([name, body]) => [heading(name, 2), ...body]),
        ],
      },
    ],
  });
  return {
    body: await Packer.toBuffer(document),
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    suffix: '.docx',
  };
}
