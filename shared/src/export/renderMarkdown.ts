import type { CaseJson } from '../cases/caseJson';
import { computeChecklist } from '../checklist';
import type { AnalysisSnapshot, Why } from '../readAnalysis';
import type { ExportInput } from './exportInput';
import {
  ACTION_STATUS_LABELS,
  KIND_LABELS,
  STATUS_LABELS,
  utcMinute,
  VERIFICATION_LABELS,
} from './labels';

/*
 * Every piece of user text goes through `inline` or `block`: a backslash before each character
 * that Markdown or HTML would read as markup, so a why such as "<img onerror=...>" or "| a |"
 * shows as typed and never becomes a tag, a link or a table column.
 */
const INLINE_MARKUP = /[\\`*_[\]<>|~&!]/g;
/** What starts a heading, quote, list item or setext underline at the start of a line. */
const LINE_START_MARKUP = /^(\s*)([#>+=-]|\d+[.)])/;

function escapeLine(line: string): string {
  return line
    .replace(INLINE_MARKUP, (c) => `\\${c}`)
    .replace(LINE_START_MARKUP, (_, space: string, mark: string) =>
      /^\d/.test(mark) ? `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${space}\\${mark}`,
    );
}

/** User text on one line (a list item, a table cell, a heading). */
export function inline(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' ').trim());
}

/** User text as paragraphs: blank lines part them, single line breaks stay as hard breaks. */
export function block(text: string, empty: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return `_${empty}_`;
  return trimmed
    .split(/(?:\r\n|\r|\n)\s*(?:\r\n|\r|\n)\s*/)
    .map((paragraph) =>
      paragraph
        .split(/\r\n|\r|\n/)
        .map((line) => escapeLine(line.trim()))
        .join('\\\n'),
    )
    .join('\n\n');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A link only for http(s) addresses; its target percent-encodes what would end it early. */
function link(text: string, url: string | null): string {
  if (!url || !/^https?:\/\//i.test(url)) return inline(text);
  const target = url.replace(
    /[\s()<>|\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `[${inline(text)}](${target})`;
}

function statusLine(snapshot: AnalysisSnapshot): string {
  const status = `**Status:** ${STATUS_LABELS[snapshot.status]}`;
  if (snapshot.status !== 'closed' || snapshot.signedOffBy === null) return status;
  const when = snapshot.signedOffAt === null ? '' : ` on ${utcMinute(snapshot.signedOffAt)}`;
  const signed = `${status}, signed off by ${inline(snapshot.signedOffBy)}${when}`;
  if (snapshot.closeOverride === null) return signed;
  return `${signed}\\\n**Closed with the checklist incomplete:** ${inline(snapshot.closeOverride)}`;
}

function stakes(stakes: CaseJson['stakes']): string {
  const amount = stakes.amount === null ? '' : `${stakes.amount} ${stakes.currency ?? ''}`.trim();
  const note = stakes.note.trim();
  if (amount && note) return `${inline(amount)} (${inline(note)})`;
  return inline(amount || note);
}

function casesSection(cases: readonly CaseJson[]): string {
  if (cases.length === 0) return '_No linked cases._';
  return table(
    ['Customer', 'Reference', 'Summary', 'Severity', 'Stakes'],
    cases.map((c) => [
      inline(c.customer.name),
      link(c.externalRef ?? (c.externalUrl ? 'link' : ''), c.externalUrl),
      inline(c.summary),
      c.severity,
      stakes(c.stakes),
    ]),
  );
}

function whyItem(why: Why): string {
  const label = `**Why ${why.depth}:**`;
  const text = why.text.trim() === '' ? '_(empty)_' : inline(why.text);
  const parts = [why.verification === 'ruled_out' ? `${label} ~~${text}~~` : `${label} ${text}`];
  if (why.rootCause) parts.push('**Root cause**');
  if (why.verification !== 'hypothesis') parts.push(`_${VERIFICATION_LABELS[why.verification]}_`);
  if (why.rootCause && why.assumption) parts.push('_Accepted as an assumption_');
  if (why.stopReason.trim() !== '') parts.push(`Stops here: ${inline(why.stopReason)}`);
  return parts.join(' · ');
}

function whysSection(snapshot: AnalysisSnapshot): string {
  if (snapshot.order.length === 0) return '_No whys yet._';
  return snapshot.order
    .map((id) => snapshot.whys[id]!)
    .map((why) => `${'  '.repeat(why.depth - 1)}- ${whyItem(why)}`)
    .join('\n');
}

function rootCausesSection(snapshot: AnalysisSnapshot): string {
  const causes = snapshot.order.map((id) => snapshot.whys[id]!).filter((w) => w.rootCause);
  if (causes.length === 0) return '_No root cause marked yet._';
  return table(
    ['Root cause', 'Category', 'Evidence', 'Verification'],
    causes.map((w) => [
      inline(w.text),
      inline(w.category ?? ''),
      [inline(w.evidence), ...w.links.map((url) => link(url, url))].filter(Boolean).join(' '),
      VERIFICATION_LABELS[w.verification] + (w.assumption ? ' (accepted as an assumption)' : ''),
    ]),
  );
}

function actionsSection(snapshot: AnalysisSnapshot): string {
  if (snapshot.actions.length === 0) return '_No actions yet._';
  return table(
    ['Kind', 'Description', 'Owner', 'Due', 'Status'],
    snapshot.actions.map((a) => [
      KIND_LABELS[a.kind],
      inline(a.description),
      inline(a.owner),
      a.dueDate ?? '',
      ACTION_STATUS_LABELS[a.status],
    ]),
  );
}

function checklistSection(snapshot: AnalysisSnapshot): string {
  return computeChecklist(snapshot)
    .items.flatMap((item) => [
      `- [${item.ok ? 'x' : ' '}] ${inline(item.label)}`,
      ...item.problems.map((p) => `  - ${inline(p.message)}`),
    ])
    .join('\n');
}

/** The analysis as GitHub-flavoured Markdown: a document for a wiki or a ticket, no raw HTML. */
export function renderMarkdown(input: ExportInput): string {
  const { snapshot, cases } = input;
  const sections: [string, string][] = [
    ['Linked cases', casesSection(cases)],
    ['Problem', block(snapshot.problem, 'No problem statement yet.')],
    ['Whys', whysSection(snapshot)],
    ['Root causes', rootCausesSection(snapshot)],
    ['Actions', actionsSection(snapshot)],
    ['Learnings for other customers', block(snapshot.learnings, 'None written yet.')],
    ['Ready to close?', checklistSection(snapshot)],
  ];
  const title = snapshot.title.trim() === '' ? 'Untitled analysis' : inline(snapshot.title);
  return (
    [
      `# ${title}`,
      statusLine(snapshot),
      ...sections.map(([heading, body]) => `## ${heading}\n\n${body}`),
    ].join('\n\n') + '\n'
  );
}
