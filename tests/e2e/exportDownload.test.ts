import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addWhy } from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { launchChromium } from '../fixtures/browser';
import { openPage, personContext, requireBuiltClient } from '../fixtures/app';
import { connectClient } from '../fixtures/client';
import { nodeSaying, statusOf } from '../fixtures/room';
import {
  createAnalysisOver,
  startTestServer,
  tempDataDir,
  waitForServerSnapshot,
} from '../fixtures/server';

const TITLE = 'Angry book customers';
const WHY_TEXT = 'The invoice run used the wrong language for Zoë Müller-Łukasiewicz';

/**
 * A manager in Chromium: "Export", then the PDF report, gives a real PDF download named after the
 * analysis; the JSON export, picked with "Import" in the library, comes back as a new analysis.
 */
describe('exporting and importing in the browser', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let analysisId: string;

  beforeAll(async () => {
    requireBuiltClient();
    data = tempDataDir();
    server = await startTestServer(data.dir);
    analysisId = await createAnalysisOver(server.url, {
      title: TITLE,
      problem: 'Why did 40 customers get invoices they could not read?',
    });
    const client = connectClient(server.url, analysisId, 'Ada');
    await client.synced;
    expect(addWhy(client.doc, { parentId: null, text: WHY_TEXT }, client.origin).ok).toBe(true);
    await waitForServerSnapshot<{ order: string[] }>(
      server.url,
      analysisId,
      (snapshot) => snapshot.order.length === 1,
      'the why on the server',
    );
    client.destroy();

    browser = await launchChromium();
    context = await personContext(browser, 'Mia');
    ({ page, errors } = await openPage(context, `${server.url}/a/${analysisId}`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    data?.cleanup();
  });

  const download = async (item: string) => {
    await page.getByRole('button', { name: 'Export' }).click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: item }).click(),
    ]);
    const path = join(data.dir, file.suggestedFilename());
    await file.saveAs(path);
    return { name: file.suggestedFilename(), path };
  };

  it('downloads the PDF report from the Export menu', async () => {
    await statusOf(page, 'connected').waitFor();
    await nodeSaying(page, WHY_TEXT);
    const pdf = await download('PDF report (A4)');
    expect(pdf.name).toBe('angry-book-customers.pdf');
    expect(readFileSync(pdf.path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = execFileSync('pdfinfo', [pdf.path], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`^Title:\\s+${TITLE}$`, 'm'));
    const text = execFileSync('pdftotext', [pdf.path, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, ' ')).toContain(WHY_TEXT);
    expect(errors).toEqual([]);
  });

  it('imports a JSON export in the library, which opens as a new analysis', async () => {
    const json = await download('JSON (.json)');
    expect(json.name).toBe('angry-book-customers.json');
    await page.goto(`${server.url}/`);
    await page.getByLabel('Import analysis (JSON)').setInputFiles(json.path);
    await page.waitForURL(
      (url) => url.pathname.startsWith('/a/') && !url.pathname.endsWith(analysisId),
    );
    await statusOf(page, 'connected').waitFor();
    await nodeSaying(page, WHY_TEXT);
    const res = await fetch(`${server.url}/api/analyses`);
    const list = (await res.json()) as { analyses: { title: string }[] };
    expect(list.analyses.filter((a) => a.title === TITLE)).toHaveLength(2);
    expect(errors).toEqual([]);
  });
});
