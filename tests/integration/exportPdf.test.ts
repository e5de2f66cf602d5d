import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  addWhy,
  createAnalysis,
  addEvidenceLink,
  editCustomerMessage,
  editEvidence,
  editWhyDetails,
  exportAnalysisJson,
  makeOrigin,
  readAnalysis,
  setRootCause,
  type Result,
  type WhyId,
} from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { apiClient, importDocOver } from '../fixtures/api';
import { startTestServer, tempDataDir } from '../fixtures/server';

/*
 * `GET /api/analyses/:id/export?format=pdf`: the PDF report as poppler-utils read it (pdftotext,
 * pdfinfo, pdffonts, pdftoppm), the way a reader's PDF viewer would.
 */

const EUROPEAN = 'Zoë Müller-Łukasiewicz, São Paulo, Ærøskøbing';
const team = makeOrigin('local', 'Dana');
const TICKET_URL = 'https://help.example.com/tickets/4821';
const EVIDENCE_URL = 'https://logs.example.com/run/42';
const CUSTOMER_MESSAGE = 'We are sorry: we charged you twice. Here is what we found and do.';
const REFERENCE = new URL('./__reference__/report-page1.pgm', import.meta.url);

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.reason);
  return result;
}

/** A branching analysis: two root causes, a ruled-out branch, actions with European owners. */
function reportDoc(): Y.Doc {
  const doc = new Y.Doc();
  ok(
    createAnalysis(
      doc,
      { title: 'Charged twice in São Paulo', problem: `${EUROPEAN} were charged twice.` },
      team,
    ),
  );
  const add = (parentId: WhyId | null, text: string) =>
    ok(addWhy(doc, { parentId, text }, team)).id;
  const twice = add(null, 'The invoice run happened twice');
  const retry = add(twice, 'The retry job did not see the first run');
  const flag = add(retry, 'The run-once flag is kept in memory only');
  const bank = add(twice, 'The bank sent the file late');
  const language = add(null, 'Support answered in English');
  const rota = add(language, 'No one in São Paulo had the rota');
  ok(editWhyDetails(doc, { whyId: bank, patch: { verification: 'ruled_out' } }, team));
  ok(setRootCause(doc, { whyId: flag, rootCause: true }, team));
  ok(editWhyDetails(doc, { whyId: flag, patch: { verification: 'verified' } }, team));
  ok(setRootCause(doc, { whyId: rota, rootCause: true }, team));
  ok(editWhyDetails(doc, { whyId: rota, patch: { assumption: true } }, team));
  ok(editEvidence(doc, { whyId: flag, text: 'Log line 42 shows two runs' }, team));
  ok(addEvidenceLink(doc, { whyId: flag, url: EVIDENCE_URL }, team));
  ok(editCustomerMessage(doc, { text: CUSTOMER_MESSAGE }, team));
  const action = (whyId: WhyId | null, description: string, owner: string) =>
    ok(
      addAction(
        doc,
        {
          whyId,
          kind: whyId ? 'corrective' : 'containment',
          description,
          owner,
          dueDate: '2026-12-15',
        },
        team,
      ),
    );
  action(null, 'Refund both charges in full', EUROPEAN);
  action(flag, 'Store the run-once flag in the database', 'Jürgen Ødegård');
  action(rota, 'Share the support rota with every office', 'Łucja Nowak');
  return doc;
}

/** A doc with `count` whys: ten answers to the problem, each a chain that branches in two. */
function bigDoc(count: number): Y.Doc {
  const doc = new Y.Doc();
  ok(createAnalysis(doc, { title: 'Three hundred whys', problem: 'A very big tree' }, team));
  const ids: WhyId[] = [];
  for (let i = 0; i < count; i++) {
    const parentId = i < 10 ? null : ids[Math.floor((i - 10) / 2)]!;
    ids.push(ok(addWhy(doc, { parentId, text: `Why number ${i} of the big tree` }, team)).id);
  }
  return doc;
}

/** Width, height and grey bytes of a binary PGM (P5) image. */
function readPgm(bytes: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = bytes.subarray(0, 64).toString('latin1');
  const match = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!match) throw new Error('Not a binary PGM image.');
  const [all, width, height] = match;
  return { width: Number(width), height: Number(height), pixels: bytes.subarray(all!.length) };
}

describe('PDF report over HTTP', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  let work: string;
  let reportId: string;
  const call = apiClient(() => server.url);

  beforeAll(async () => {
    data = tempDataDir();
    work = mkdtempSync(join(tmpdir(), 'whychain-pdf-'));
    server = await startTestServer(data.dir);
    reportId = await importDocOver(call, reportDoc());
    const linked = await call('POST', '/api/cases', {
      customerName: 'Zoë Müller-Łukasiewicz GmbH',
      summary: 'Charged twice for the annual plan',
      externalRef: 'ZD-4821',
      externalUrl: TICKET_URL,
      severity: 'high',
      stakes: { amount: 48000, currency: 'EUR', note: 'lifetime value' },
    });
    expect(linked.status).toBe(201);
    const link = await call('POST', `/api/cases/${linked.body.id as string}/analyses`, {
      analysisId: reportId,
    });
    expect(link.status).toBe(200);
  });
  afterAll(async () => {
    await server.close();
    data.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  /** Downloads the PDF of `id` into the temp folder and returns its path and response. */
  async function downloadPdf(id: string, query = '', name = 'report.pdf') {
    const res = await fetch(`${server.url}/api/analyses/${id}/export?format=pdf${query}`);
    expect(res.status).toBe(200);
    const path = join(work, name);
    writeFileSync(path, Buffer.from(await res.arrayBuffer()));
    return { res, path };
  }
  const run = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });

  it('downloads the report with its problem, root causes and actions as selectable text', async () => {
    const { res, path } = await downloadPdf(reportId);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="charged-twice-in-sao-paulo.pdf"',
    );
    const text = run('pdftotext', '-layout', path, '-');
    expect(text).toContain(`${EUROPEAN} were charged twice.`);
    for (const cause of ['The run-once flag is kept in memory only', 'No one in São Paulo had']) {
      expect(text).toContain(cause);
    }
    for (const description of [
      'Refund both charges in full',
      'Store the run-once flag in the',
      'Share the support rota with',
      'Jürgen Ødegård',
      'Łucja Nowak',
    ]) {
      expect(text).toContain(description);
    }
    for (const words of ['Root cause', 'Verified', 'Ruled out', 'Assumption', 'Ready to close?']) {
      expect(text).toContain(words);
    }
    expect(text).toMatch(/Generated \d{4}-\d\d-\d\d \d\d:\d\d UTC by Whychain/);

    expect(text).toContain('ZD-4821');
    expect(text).toContain('48000 EUR');
    // The case's reference and the evidence link are clickable.
    const links = run('pdfinfo', '-url', path);
    expect(links).toContain(TICKET_URL);
    expect(links).toContain(EVIDENCE_URL);

    const info = run('pdfinfo', path);
    expect(info).toMatch(/^Title:\s+Charged twice in São Paulo$/m);
    expect(info).toMatch(/^Author:\s+Whychain$/m);
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)![1]);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(info).toMatch(/^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)$/m);

    const fonts = run('pdffonts', path).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/DejaVuSans\S*\s+CID TrueType\s+\S+\s+yes/);
  });

  it('prints on US letter paper when asked', async () => {
    const { path } = await downloadPdf(reportId, '&paper=letter', 'letter.pdf');
    expect(run('pdfinfo', path)).toMatch(/^Page size:\s+612 x 792 pts \(letter\)$/m);
  });

  it('splits a 300-why tree over several pages, every why readable at 9 pt or more', async () => {
    const snapshot = readAnalysis(bigDoc(300));
    const created = await call(
      'POST',
      '/api/import',
      exportAnalysisJson({ id: 'elsewhere0002', snapshot, caseIds: [] }),
    );
    expect(created.status).toBe(201);
    const { path } = await downloadPdf(created.body.id as string, '', 'big.pdf');
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(run('pdfinfo', path))![1]);
    expect(pages).toBeGreaterThan(4);
    const text = run('pdftotext', path, '-');
    expect(text).toMatch(/Why tree \(part 2 of \d+\)/);
    for (const i of [0, 150, 299]) expect(text).toContain(`Why number ${i} of the big`);
    // Word boxes are as tall as the font's ascent plus descent: 1.164 em for DejaVu Sans.
    const heights = [
      ...run('pdftotext', '-bbox', path, '-').matchAll(
        /yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g,
      ),
    ].map(([, yMin, yMax]) => Number(yMax) - Number(yMin));
    expect(heights.length).toBeGreaterThan(1000);
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(9 * 1.164 - 0.05);
  });

  it('renders page 1 like the reference image, above the footer', async () => {
    const { path } = await downloadPdf(reportId, '', 'page1.pdf');
    execFileSync('pdftoppm', ['-r', '50', '-gray', '-f', '1', '-l', '1', path, join(work, 'page')]);
    const rendered = readFileSync(join(work, 'page-1.pgm'));
    // WHYCHAIN_UPDATE_REFERENCE=1 writes a new reference after an intended change of the layout.
    if (process.env.WHYCHAIN_UPDATE_REFERENCE === '1') writeFileSync(REFERENCE, rendered);
    expect(existsSync(REFERENCE), 'the reference image is checked in').toBe(true);
    const actual = readPgm(rendered);
    const expected = readPgm(readFileSync(REFERENCE));
    expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
    // The footer carries the generation time: compare everything above it.
    const rows = Math.floor(actual.height * 0.9);
    let differing = 0;
    for (let i = 0; i < rows * actual.width; i++) {
      if (Math.abs(actual.pixels[i]! - expected.pixels[i]!) > 48) differing++;
    }
    expect(differing / (rows * actual.width)).toBeLessThan(0.02);
  });

  it("downloads the customer's version: their sections, no tree, evidence or staff names", async () => {
    const reason = encodeURIComponent('The customer asked for an update');
    const { res, path } = await downloadPdf(
      reportId,
      `&audience=customer&reason=${reason}`,
      'customer.pdf',
    );
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="charged-twice-in-sao-paulo-for-the-customer.pdf"',
    );
    const text = run('pdftotext', path, '-');
    expect(text).toContain(CUSTOMER_MESSAGE);
    for (const section of [
      'What happened',
      'What we found',
      'What we have done',
      'What we will do',
      'How we make sure it does not happen again',
    ]) {
      expect(text).toContain(section);
    }
    expect(text).toContain(`${EUROPEAN} were charged twice.`);
    expect(text).toContain('Store the run-once flag in the database');
    expect(text).toContain('2026-12-15');
    for (const hidden of ['Why tree', 'Log line 42', 'Jürgen Ødegård', 'Łucja Nowak', 'Dana']) {
      expect(text).not.toContain(hidden);
    }
  });
});
