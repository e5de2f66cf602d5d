// Golden files are test data read and written from Node; shared's own code stays free of Node.
// eslint-disable-next-line no-restricted-imports
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useFixedIdsAndClock } from './fixedIdsAndClock';
import * as Y from 'yjs';
import { addAction } from '../commands/addAction';
import { addWhy } from '../commands/addWhy';
import { addComment } from '../commands/comments';
import { createAnalysis } from '../commands/createAnalysis';
import { addEvidenceLink, editEvidence, editWhyDetails } from '../commands/editWhyDetails';
import { editCustomerMessage, editLearnings } from '../commands/meeting';
import { addParkingLotItem } from '../commands/parkingLot';
import { setRootCause } from '../commands/setRootCause';
import { closeAnalysis } from '../commands/status';
import { updateAction } from '../commands/updateAction';
import type { WhyId } from '../ids';
import { makeOrigin } from '../origin';
import { readAnalysis, type AnalysisSnapshot } from '../readAnalysis';
import type { Result } from '../result';
import { customerReport, renderCustomerMarkdown } from './customerVersion';
import { EUROPEAN_CASE } from './exportFixtures';
import type { ExportInput } from './exportInput';
import { everyFieldDoc } from './jsonFixtures';

/*
 * The customer's version: a golden Markdown file (rewrite it after a deliberate change with
 *   UPDATE_GOLDEN=1 npx vitest run shared/src/export/customerVersion.test.ts
 * and read the diff), the selection rules, and the leak test: nothing internal, no comment, no
 * evidence, no parking lot item and no staff name reaches the customer.
 */
const GOLDEN = new URL('./__golden__/customer.md', import.meta.url);

useFixedIdsAndClock();

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.reason);
  return result;
}

/**
 * A closed analysis with every case the customer's version sorts: a shared root cause, a ruled
 * out one, an internal why whose branch hides a root cause, actions done, planned, cancelled,
 * internal, with shareable and private owners; comments, evidence and a parking lot item.
 */
function customerExportInput(): ExportInput {
  const doc = new Y.Doc();
  const creator = makeOrigin('local', 'Søren Kierkegård');
  const lead = makeOrigin('local', 'Ingrid Wiśniewska');
  ok(
    createAnalysis(
      doc,
      {
        title: 'Charged twice <again>',
        problem: 'You were charged twice for one order.\n# Not a heading, *not bold*.',
      },
      creator,
    ),
  );
  const add = (parentId: WhyId | null, text: string) =>
    ok(addWhy(doc, { parentId, text }, creator)).id;
  const twice = add(null, 'The invoice run happened twice');
  const flag = add(twice, 'The run-once flag was kept in memory only');
  const bank = add(twice, 'The bank sent the file late');
  const staffing = add(null, 'Only one person knew the night job');
  const holiday = add(staffing, 'Piotr Nowak was on holiday that week');
  const form = add(null, 'The refund form asks for a German bank account | IBAN');
  ok(setRootCause(doc, { whyId: flag, rootCause: true }, creator));
  ok(editWhyDetails(doc, { whyId: flag, patch: { verification: 'verified' } }, creator));
  ok(editEvidence(doc, { whyId: flag, text: 'Server log 17: two runs at 02:00' }, creator));
  ok(addEvidenceLink(doc, { whyId: flag, url: 'https://logs.example.com/run/17' }, creator));
  ok(setRootCause(doc, { whyId: bank, rootCause: true }, creator));
  ok(editWhyDetails(doc, { whyId: bank, patch: { verification: 'ruled_out' } }, creator));
  ok(editWhyDetails(doc, { whyId: staffing, patch: { internal: true } }, creator));
  ok(setRootCause(doc, { whyId: holiday, rootCause: true }, creator));
  ok(setRootCause(doc, { whyId: form, rootCause: true }, creator));
  const action = (
    whyId: WhyId | null,
    kind: 'containment' | 'corrective' | 'preventive',
    description: string,
    more: { owner?: string; dueDate?: string; ownerShareable?: boolean; internal?: boolean },
  ) => ok(addAction(doc, { whyId, kind, description, ...more }, creator)).id;
  const refund = action(null, 'containment', 'Refund the second charge in full', {
    owner: 'Billing desk',
    ownerShareable: true,
  });
  ok(updateAction(doc, { actionId: refund, patch: { status: 'done' } }, creator));
  action(flag, 'corrective', 'Store the run-once flag in the database', {
    owner: 'Magnus Ødegaard',
    dueDate: '2026-12-15',
  });
  const monitor = action(flag, 'preventive', 'Alert when an invoice run starts twice', {
    owner: 'Ops on call',
    dueDate: '2027-01-10',
  });
  ok(updateAction(doc, { actionId: monitor, patch: { status: 'in_progress' } }, creator));
  const test = action(flag, 'preventive', 'A test that runs the job twice', {
    owner: 'Ewa Kowalczyk',
    ownerShareable: true,
  });
  ok(updateAction(doc, { actionId: test, patch: { status: 'done' } }, creator));
  const dropped = action(form, 'corrective', 'Rewrite the whole billing system', {
    owner: 'Magnus Ødegaard',
  });
  ok(updateAction(doc, { actionId: dropped, patch: { status: 'cancelled' } }, creator));
  action(form, 'corrective', 'Accept any European IBAN on the refund form', {
    dueDate: '2026-12-20',
  });
  action(form, 'preventive', 'Renegotiate the contract with the form vendor', {
    owner: 'Legal',
    internal: true,
  });
  action(bank, 'corrective', 'Ask the bank for an earlier file', { owner: 'Treasury' });
  action(holiday, 'preventive', 'Train a second person on the night job', {
    owner: 'Team lead',
    dueDate: '2027-02-01',
  });
  ok(addComment(doc, { whyId: flag, text: 'Are we sure it was the flag?' }, lead));
  ok(addParkingLotItem(doc, { text: 'The invoice font is too small' }, lead));
  ok(editLearnings(doc, { text: 'Check restarts of every night job.' }, creator));
  ok(
    editCustomerMessage(
      doc,
      {
        text: 'We are sorry: we charged you twice, and that was our mistake.\n\n- We refunded it & will keep you posted.',
      },
      creator,
    ),
  );
  ok(closeAnalysis(doc, { overrideReason: 'The customer is waiting' }, lead));
  const secondCase = {
    ...EUROPEAN_CASE,
    id: 'casezoe000000002',
    customer: { id: 'customerdeb00001', name: 'Dębowa Books <Kraków>' },
  };
  return {
    snapshot: readAnalysis(doc),
    cases: [EUROPEAN_CASE, secondCase, EUROPEAN_CASE],
    id: 'customeranalysis',
  };
}

/** Every text of `snapshot` the customer must never read, each with what it is. */
function forbiddenTexts(snapshot: AnalysisSnapshot): [string, string][] {
  const out: [string, string][] = [];
  const hidden = new Set<string>();
  for (const id of snapshot.order) {
    const why = snapshot.whys[id]!;
    if (why.internal || (why.parentId !== null && hidden.has(why.parentId))) {
      hidden.add(id);
      out.push(['internal why (or its branch)', why.text]);
    }
    out.push(['evidence', why.evidence], ['why author', why.createdBy]);
    for (const url of why.links) out.push(['evidence link', url]);
    out.push(['stop reason', why.stopReason]);
  }
  for (const comment of snapshot.comments) {
    out.push(['comment', comment.text], ['comment author', comment.author]);
  }
  for (const item of snapshot.parkingLot) {
    out.push(['parking lot item', item.text], ['parking lot author', item.author]);
  }
  for (const action of snapshot.actions) {
    if (action.internal) out.push(['internal action', action.description]);
    if (!action.ownerShareable) out.push(['private owner', action.owner]);
    out.push(['action author', action.createdBy], ['completion note', action.completionNote]);
  }
  out.push(
    ['creator', snapshot.createdBy],
    ['signed off by', snapshot.signedOffBy ?? ''],
    ['close override', snapshot.closeOverride ?? ''],
    ['customer version override', snapshot.customerVersionOverride ?? ''],
    ['learnings', snapshot.learnings],
  );
  return out.filter(([, text]) => text.trim() !== '');
}

/** What a reader of the Markdown sees as text: the escaping backslashes taken out. */
function unescaped(markdown: string): string {
  return markdown.replace(/\\(.)/g, '$1');
}

describe("the customer's version", () => {
  it('renders Markdown as in its golden file', () => {
    const actual = renderCustomerMarkdown(customerExportInput());
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, actual, 'utf8');
    expect(actual).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('sorts causes and actions as the customer reads them', () => {
    const report = customerReport(customerExportInput());
    expect(report.customers).toEqual([EUROPEAN_CASE.customer.name, 'Dębowa Books <Kraków>']);
    expect(report.rootCauses).toEqual([
      'The run-once flag was kept in memory only',
      'The refund form asks for a German bank account | IBAN',
    ]);
    expect(report.done.map((a) => [a.description, a.owner])).toEqual([
      ['Refund the second charge in full', 'Billing desk'],
      ['A test that runs the job twice', 'Ewa Kowalczyk'],
    ]);
    expect(report.planned.map((a) => [a.description, a.owner, a.dueDate])).toEqual([
      ['Store the run-once flag in the database', 'our team', '2026-12-15'],
      ['Accept any European IBAN on the refund form', 'our team', '2026-12-20'],
      ['Alert when an invoice run starts twice', 'our team', '2027-01-10'],
    ]);
    expect(report.prevention.map((a) => a.description)).toEqual([
      'Alert when an invoice run starts twice',
      'A test that runs the job twice',
    ]);
  });

  it('says so plainly when a section is empty', () => {
    const doc = new Y.Doc();
    ok(createAnalysis(doc, { title: 'Late parcel', problem: '' }, makeOrigin('local', 'Søren')));
    const md = renderCustomerMarkdown({ snapshot: readAnalysis(doc), cases: [], id: 'x' });
    expect(md).toContain('# Late parcel: what happened and what we are doing');
    expect(md).toContain('## A message from our team\n\n_Nothing yet._');
    expect(md).toContain('## What we have done\n\n_Nothing yet._');
    expect(md).toContain('## What we found\n\n_We are still looking into the causes._');
    expect(md).not.toContain('Søren');
  });

  it('never lets user text become HTML or a heading', () => {
    const md = renderCustomerMarkdown(customerExportInput());
    expect(md).not.toMatch(/(?<!\\)</);
    expect(md).toContain('\\# Not a heading, \\*not bold\\*.');
    expect(md).toContain('\\- We refunded it \\& will keep you posted.');
  });

  const leakCases: [string, () => ExportInput][] = [
    ['the customer fixture', customerExportInput],
    ['every field set', () => ({ snapshot: readAnalysis(everyFieldDoc()), cases: [], id: 'e' })],
  ];

  it.each(leakCases)(
    'shows no internal field, comment, evidence text or staff name (%s)',
    (_, build) => {
      const input = build();
      const md = renderCustomerMarkdown(input);
      const json = JSON.stringify(customerReport(input));
      const forbidden = forbiddenTexts(input.snapshot);
      expect(forbidden.length).toBeGreaterThan(5);
      for (const [what, text] of forbidden) {
        expect(unescaped(md), `${what} "${text}" in the Markdown`).not.toContain(text.trim());
        expect(json, `${what} "${text}" in the report`).not.toContain(
          JSON.stringify(text.trim()).slice(1, -1),
        );
      }
    },
  );

  it('leaks none of the named texts of the every-field fixture', () => {
    const input = { snapshot: readAnalysis(everyFieldDoc()), cases: [], id: 'e' };
    const seen = unescaped(renderCustomerMarkdown(input)) + JSON.stringify(customerReport(input));
    for (const text of [
      'Are we sure about memory?',
      'The bank confirmed on time.',
      'Log line 42',
      'logs.example.com',
      'wiki.example.com',
      'Invoice template font',
      'The bank sent the file late',
      'Portuguese desk',
      'Support lead',
      'Ops',
      'Zoë Müller-Łukasiewicz',
      'Ana São Paulo',
      'Shipped in 4.2',
    ]) {
      expect(seen).not.toContain(text);
    }
    expect(seen).toContain('We are sorry: we sent the wrong language.');
    expect(seen).toContain('Refund everyone (Billing)');
  });
});
