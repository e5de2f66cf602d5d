import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  addComment,
  addEvidenceLink,
  addParkingLotItem,
  addWhy,
  closeAnalysis,
  createAnalysis,
  editCustomerMessage,
  editEvidence,
  editWhyDetails,
  makeOrigin,
  renderCustomerMarkdown,
  setRootCause,
  type Result,
  type WhyId,
} from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { apiClient, importDocOver, exportInputOver } from '../fixtures/api';
import { createAnalysisOver, startTestServer, tempDataDir } from '../fixtures/server';

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.reason);
  return result;
}

/** Texts of the closed analysis below that the customer must never read. */
const SECRETS = [
  'Magnus Ødegaard',
  'Ingrid Wiśniewska',
  'Søren Kierkegård',
  'Only one person knew the night job',
  'Piotr Nowak was on holiday',
  'Renegotiate the vendor contract',
  'Server log 17',
  'logs.example.com',
  'Are we sure it was the flag?',
  'The invoice font is too small',
];

/** A closed analysis with an internal branch, an internal action, a comment and evidence. */
function closedDoc(): Y.Doc {
  const doc = new Y.Doc();
  const creator = makeOrigin('local', 'Søren Kierkegård');
  const lead = makeOrigin('local', 'Ingrid Wiśniewska');
  ok(createAnalysis(doc, { title: 'Charged twice', problem: 'You were charged twice.' }, creator));
  const add = (parentId: WhyId | null, text: string) =>
    ok(addWhy(doc, { parentId, text }, creator)).id;
  const flag = add(add(null, 'The invoice run happened twice'), 'The run-once flag was lost');
  const staffing = add(null, 'Only one person knew the night job');
  const holiday = add(staffing, 'Piotr Nowak was on holiday that week');
  ok(setRootCause(doc, { whyId: flag, rootCause: true }, creator));
  ok(editWhyDetails(doc, { whyId: flag, patch: { verification: 'verified' } }, creator));
  ok(editEvidence(doc, { whyId: flag, text: 'Server log 17: two runs' }, creator));
  ok(addEvidenceLink(doc, { whyId: flag, url: 'https://logs.example.com/run/17' }, creator));
  ok(editWhyDetails(doc, { whyId: staffing, patch: { internal: true } }, creator));
  ok(setRootCause(doc, { whyId: holiday, rootCause: true }, creator));
  const act = (whyId: WhyId, description: string, more: Record<string, unknown>) =>
    ok(addAction(doc, { whyId, kind: 'preventive', description, ...more }, creator));
  act(flag, 'Keep the flag in the database', { owner: 'Magnus Ødegaard', dueDate: '2026-12-15' });
  act(flag, 'Renegotiate the vendor contract', { owner: 'Legal', internal: true });
  act(flag, 'Alert on a second run', { owner: 'Ewa Kowalczyk', ownerShareable: true });
  act(holiday, 'Train a second person', { owner: 'Team lead' });
  ok(addComment(doc, { whyId: flag, text: 'Are we sure it was the flag?' }, lead));
  ok(addParkingLotItem(doc, { text: 'The invoice font is too small' }, lead));
  ok(editCustomerMessage(doc, { text: 'We are sorry: that was our mistake.' }, creator));
  ok(closeAnalysis(doc, { overrideReason: 'Actions still open' }, lead));
  return doc;
}

/** `GET /api/analyses/:id/export?audience=customer`: the customer's version over HTTP. */
describe("the customer's version over HTTP", () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  let closedId: string;
  const call = apiClient(() => server.url);
  const download = (path: string) => fetch(`${server.url}${path}`);

  beforeAll(async () => {
    data = tempDataDir();
    server = await startTestServer(data.dir);
    closedId = await importDocOver(call, closedDoc());
    const linked = await call('POST', '/api/cases', {
      customerName: 'Dębowa Books',
      summary: 'Charged twice for one order',
      severity: 'high',
    });
    expect(linked.status).toBe(201);
    const link = await call('POST', `/api/cases/${linked.body.id as string}/analyses`, {
      analysisId: closedId,
    });
    expect(link.status).toBeLessThan(300);
  });
  afterAll(async () => {
    await server.close();
    data.cleanup();
  });

  const expectedInput = (id: string) => exportInputOver(call, id);

  it('refuses a draft without a reason, with a clear error', async () => {
    const id = await createAnalysisOver(server.url, { title: 'Late parcel', problem: 'Late.' });
    const res = await call('GET', `/api/analyses/${id}/export?format=md&audience=customer`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('not_closed');
    expect(res.body.error).toBe(
      "The customer's version is offered for closed analyses; to send it before closing, give a reason.",
    );
    const json = await call('GET', `/api/analyses/${id}/export?format=json`);
    expect(
      (json.body.analysis as { customerVersionOverride: unknown }).customerVersionOverride,
    ).toBe(null);
  });

  it('sends a draft with a reason and records the reason in the analysis', async () => {
    const id = await createAnalysisOver(server.url, { title: 'Late parcel', problem: 'Late.' });
    const reason = 'The customer asked for an answer today';
    const res = await download(
      `/api/analyses/${id}/export?format=md&audience=customer&reason=${encodeURIComponent(reason)}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="late-parcel-for-the-customer.md"',
    );
    const body = await res.text();
    expect(body.startsWith('# Late parcel: what happened and what we are doing\n')).toBe(true);
    expect(body).not.toContain(reason);
    const json = await call('GET', `/api/analyses/${id}/export?format=json`);
    expect(
      (json.body.analysis as { customerVersionOverride: unknown }).customerVersionOverride,
    ).toBe(reason);
  });

  it('sends a closed analysis without a reason, leaving out everything internal', async () => {
    const res = await download(`/api/analyses/${closedId}/export?format=md&audience=customer`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="charged-twice-for-the-customer.md"',
    );
    const body = await res.text();
    expect(body).toBe(renderCustomerMarkdown(await expectedInput(closedId)));
    expect(body).toContain('**For:** Dębowa Books');
    expect(body).toContain('We are sorry: that was our mistake.');
    expect(body).toContain('- The run-once flag was lost');
    expect(body).toContain('- Keep the flag in the database (our team, by 2026-12-15)');
    expect(body).toContain('- Alert on a second run (Ewa Kowalczyk)');
    for (const secret of SECRETS) expect(body).not.toContain(secret);
    const team = await (await download(`/api/analyses/${closedId}/export?format=md`)).text();
    for (const secret of ['Magnus Ødegaard', 'Only one person knew the night job']) {
      expect(team).toContain(secret);
    }
  });

  it("offers the customer's version as PDF or Markdown only", async () => {
    const res = await call('GET', `/api/analyses/${closedId}/export?format=csv&audience=customer`);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("The customer's version comes as pdf or md, not csv.");
  });
});
