import {
  ACTION_STATUS_LABELS,
  computeChecklist,
  customerReport,
  KIND_LABELS,
  STATUS_LABELS,
  utcMinute,
  VERIFICATION_LABELS,
  type AnalysisSnapshot,
  type CaseJson,
  type CustomerAction,
  type CustomerReport,
  type ExportInput,
} from '@whychain/shared';
import type { ExportFile, ExportOptions } from './exportFile';
import { drawWhyTree } from './pdfTree';
import {
  bullet,
  COLORS,
  contentBox,
  createDoc,
  field,
  finish,
  heading,
  paragraph,
  stampFooters,
  table,
  title,
  webUrl,
  type Doc,
} from './pdfWriter';

/*
 * The PDF report: selectable text in embedded DejaVu Sans (pdfkit subsets it), the why tree as
 * vector drawing, "Page N of M" and the generation time on every page. The customer's version
 * prints only what `customerReport` gives.
 */

const titleOf = (snapshot: AnalysisSnapshot) => snapshot.title.trim() || 'Untitled analysis';

function statusSection(doc: Doc, snapshot: AnalysisSnapshot): void {
  field(doc, 'Status', STATUS_LABELS[snapshot.status]);
  if (snapshot.signedOffBy !== null) {
    const when = snapshot.signedOffAt === null ? '' : ` on ${utcMinute(snapshot.signedOffAt)}`;
    field(doc, 'Signed off by', `${snapshot.signedOffBy}${when}`);
  }
  if (snapshot.closeOverride !== null) {
    field(doc, 'Closed with the checklist incomplete', snapshot.closeOverride);
  }
}

function stakesText(stakes: CaseJson['stakes']): string {
  const amount = stakes.amount === null ? '' : `${stakes.amount} ${stakes.currency ?? ''}`.trim();
  const note = stakes.note.trim();
  return amount && note ? `${amount} (${note})` : amount || note;
}

function casesSection(doc: Doc, cases: readonly CaseJson[]): void {
  heading(doc, 'Linked cases');
  if (cases.length === 0) return paragraph(doc, '', 'No linked cases.');
  table(
    doc,
    [
      { header: 'Customer', share: 0.26 },
      { header: 'Reference', share: 0.2 },
      { header: 'Summary', share: 0.28 },
      { header: 'Severity', share: 0.11 },
      { header: 'Stakes', share: 0.15 },
    ],
    cases.map((c) => [
      { text: c.customer.name },
      { text: c.externalRef ?? (c.externalUrl ? 'Link' : ''), url: c.externalUrl },
      { text: c.summary },
      { text: c.severity },
      { text: stakesText(c.stakes) },
    ]),
  );
}

function rootCausesSection(doc: Doc, snapshot: AnalysisSnapshot): void {
  heading(doc, 'Root causes');
  const causes = snapshot.order.map((id) => snapshot.whys[id]!).filter((w) => w.rootCause);
  if (causes.length === 0) return paragraph(doc, '', 'No root cause marked yet.');
  causes.forEach((why, index) => {
    if (index > 0) doc.moveDown(0.6);
    heading3(doc, `Why ${why.depth}: ${why.text.trim() || '(empty)'}`);
    const verification =
      VERIFICATION_LABELS[why.verification] +
      (why.assumption ? ' (accepted as an assumption)' : '');
    field(doc, 'Verification', verification);
    if (why.category) field(doc, 'Category', why.category);
    field(doc, 'Evidence', why.evidence.trim() || 'None recorded.');
    for (const link of why.links) field(doc, 'Link', link, webUrl(link));
  });
}

function heading3(doc: Doc, text: string): void {
  doc.moveDown(0.2);
  paragraph(doc, text, '', true);
}

function actionsSection(doc: Doc, snapshot: AnalysisSnapshot): void {
  heading(doc, 'Actions');
  if (snapshot.actions.length === 0) return paragraph(doc, '', 'No actions yet.');
  table(
    doc,
    [
      { header: 'Kind', share: 0.14 },
      { header: 'Description', share: 0.37 },
      { header: 'Owner', share: 0.2 },
      { header: 'Due', share: 0.15 },
      { header: 'Status', share: 0.14 },
    ],
    snapshot.actions.map((a) => [
      { text: KIND_LABELS[a.kind] },
      { text: a.description },
      { text: a.owner },
      { text: a.dueDate ?? '' },
      { text: ACTION_STATUS_LABELS[a.status] },
    ]),
  );
}

function checklistSection(doc: Doc, snapshot: AnalysisSnapshot): void {
  heading(doc, 'Ready to close?');
  for (const item of computeChecklist(snapshot).items) {
    bullet(doc, item.label, item.ok ? '✓' : '✗', item.ok ? COLORS.ok : COLORS.missing);
    for (const problem of item.problems) {
      const { left, width } = contentBox(doc);
      doc
        .font('regular')
        .fontSize(9.5)
        .fillColor(COLORS.muted)
        .text(problem.message, left + 30, doc.y, { width: width - 30 });
    }
  }
  doc.fillColor(COLORS.text);
}

function appendix(doc: Doc, snapshot: AnalysisSnapshot): void {
  heading(doc, 'Appendix: evidence');
  const withEvidence = snapshot.order
    .map((id) => snapshot.whys[id]!)
    .filter((w) => w.evidence.trim() !== '' || w.links.length > 0);
  if (withEvidence.length === 0) paragraph(doc, '', 'No evidence recorded.');
  for (const why of withEvidence) {
    heading3(doc, `Why ${why.depth}: ${why.text.trim() || '(empty)'}`);
    if (why.evidence.trim()) paragraph(doc, why.evidence);
    for (const link of why.links) field(doc, 'Link', link, webUrl(link));
  }
  heading(doc, 'Appendix: comments');
  if (snapshot.comments.length === 0) return paragraph(doc, '', 'No comments.');
  for (const comment of snapshot.comments) {
    const why = snapshot.whys[comment.whyId];
    const on = why ? ` on Why ${why.depth}` : '';
    const resolved = comment.resolved ? ' (resolved)' : '';
    heading3(
      doc,
      `${comment.author || 'Someone'}, ${utcMinute(comment.createdAt)}${on}${resolved}`,
    );
    paragraph(doc, comment.text);
  }
}

function teamReport(doc: Doc, input: ExportInput): void {
  const { snapshot } = input;
  title(doc, titleOf(snapshot));
  statusSection(doc, snapshot);
  casesSection(doc, input.cases);
  heading(doc, 'Problem');
  paragraph(doc, snapshot.problem, 'No problem statement yet.');
  drawWhyTree(doc, snapshot);
  rootCausesSection(doc, snapshot);
  actionsSection(doc, snapshot);
  heading(doc, 'Learnings for other customers');
  paragraph(doc, snapshot.learnings, 'None written yet.');
  checklistSection(doc, snapshot);
  appendix(doc, snapshot);
}

function customerAction(action: CustomerAction, withDate: boolean): string {
  const due = withDate && action.dueDate ? `, by ${action.dueDate}` : '';
  return `${action.description} (${action.owner}${due})`;
}

function actionList(
  doc: Doc,
  actions: readonly CustomerAction[],
  withDate: boolean,
  empty: string,
) {
  if (actions.length === 0) return paragraph(doc, '', empty);
  for (const action of actions) bullet(doc, customerAction(action, withDate));
}

/** The customer's version, section by section, from `report` alone. */
export function drawCustomerReport(doc: Doc, report: CustomerReport): void {
  title(doc, report.title.trim() || 'Untitled analysis');
  if (report.customers.length > 0) field(doc, 'For', report.customers.join(', '));
  doc.moveDown(0.5);
  paragraph(doc, report.message);
  heading(doc, 'What happened');
  paragraph(doc, report.whatHappened);
  heading(doc, 'What we found');
  if (report.rootCauses.length === 0) paragraph(doc, '', 'We are still looking into the causes.');
  for (const cause of report.rootCauses) bullet(doc, cause);
  heading(doc, 'What we have done');
  actionList(doc, report.done, false, 'Nothing yet.');
  heading(doc, 'What we will do');
  actionList(doc, report.planned, true, 'Nothing further is planned.');
  heading(doc, 'How we make sure it does not happen again');
  actionList(doc, report.prevention, true, 'No preventive measures yet.');
}

/** The PDF report of an analysis for the team, or its customer's version. */
export async function renderPdf(input: ExportInput, options: ExportOptions): Promise<ExportFile> {
  const customer = options.audience === 'customer';
  const doc = createDoc(options.paper, titleOf(input.snapshot));
  if (customer) drawCustomerReport(doc, customerReport(input));
  else teamReport(doc, input);
  stampFooters(doc, Date.now());
  return {
    body: await finish(doc),
    contentType: 'application/pdf',
    suffix: customer ? '-for-the-customer.pdf' : '.pdf',
  };
}
