/**
 * `npm run screenshots`: regenerates the pictures in docs/screenshots/ from the sample data, so a
 * newcomer sees the product before installing it. A real server on a free port with the sample
 * analysis in a temporary data folder, the built client, and the system Chromium.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { silentLogger, startServer } from '@whychain/server';
import { requireBuiltClient } from '../fixtures/app';
import { launchChromium } from '../fixtures/browser';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

interface Shot {
  file: string;
  width: number;
  height: number;
  /** Brings the page from the open editor (or the library) to the state to show. */
  prepare(page: Page): Promise<void>;
  /** The library rather than the editor. */
  library?: boolean;
}

const selectFirstRootCause = async (page: Page) => {
  const node = page.locator('.react-flow__node').filter({ hasText: 'Root cause' }).first();
  await node.click();
  await page.keyboard.press('Escape');
};

const SHOTS: Shot[] = [
  { file: 'library.png', width: 1400, height: 900, library: true, prepare: async () => {} },
  { file: 'editor.png', width: 1400, height: 900, prepare: selectFirstRootCause },
  {
    file: 'editor-presentation.png',
    width: 1280,
    height: 720,
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Presentation mode' }).click();
      await page.getByRole('button', { name: 'Zoom to fit' }).click();
    },
  },
  { file: 'editor-narrow.png', width: 1024, height: 640, prepare: async () => {} },
  {
    file: 'close-dialog.png',
    width: 1400,
    height: 900,
    prepare: async (page) => {
      const submit = page.getByRole('button', { name: 'Submit for review' });
      if (await submit.count()) {
        await submit.click();
        // A new status step's button ignores clicks for a moment after it appears.
        await page.waitForTimeout(800);
      }
      await page.getByRole('button', { name: 'Close analysis' }).click();
      await page.getByRole('dialog').waitFor();
    },
  },
];

async function openEditor(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('link').filter({ hasText: /./ }).nth(0).waitFor();
  const first = page.locator('a[href^="/a/"]').first();
  await first.click();
  await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
  await page.locator('.react-flow__node').first().waitFor();
  // Let the layout settle (nodes measured, fitted).
  await page.waitForTimeout(500);
}

async function take(browser: Browser, baseUrl: string, shot: Shot): Promise<void> {
  const context = await browser.newContext({
    viewport: { width: shot.width, height: shot.height },
  });
  await context.addInitScript(() => localStorage.setItem('whychain.displayName', 'Ada'));
  const page = await context.newPage();
  try {
    if (shot.library) {
      await page.goto(`${baseUrl}/`);
      await page.locator('a[href^="/a/"]').first().waitFor();
    } else {
      await openEditor(page, baseUrl);
    }
    await shot.prepare(page);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(OUT, shot.file) });
    console.log(`docs/screenshots/${shot.file} (${shot.width}x${shot.height})`);
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  requireBuiltClient();
  mkdirSync(OUT, { recursive: true });
  const only = process.argv.slice(2);
  for (const shot of SHOTS.filter((s) => only.length === 0 || only.includes(s.file))) {
    // Each picture starts from the untouched sample: the close dialog changes its status.
    const dataDir = mkdtempSync(join(tmpdir(), 'whychain-shots-'));
    const server = await startServer({ port: 0, dataDir, seedSample: true, log: silentLogger });
    const browser = await launchChromium();
    try {
      await take(browser, server.url, shot);
    } finally {
      await browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

main().catch((err: Error) => {
  console.error(`screenshots failed: ${err.stack ?? err.message}`);
  process.exit(1);
});
