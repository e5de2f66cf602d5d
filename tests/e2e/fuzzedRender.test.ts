import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Browser } from 'playwright-core';
import { readAnalysis } from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { personContext, requireBuiltClient } from '../fixtures/app';
import { launchChromium } from '../fixtures/browser';
import { connectClient, waitConverged, type TestClient } from '../fixtures/client';
import { fuzzSteps, runSteps, seedRecords } from '../fixtures/fuzzRoom';
import { statusOf } from '../fixtures/room';
import { createAnalysisOver, startTestServer, tempDataDir, waitFor } from '../fixtures/server';

describe('an analysis that raw clients wrote garbage into', () => {
  const data = tempDataDir();
  let server: RunningServer;
  let browser: Browser;
  let id: string;
  let whyCount: number;

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer(data.dir);
    browser = await launchChromium();
    id = await createAnalysisOver(server.url, { title: 'Fuzzed', problem: 'Why twice?' });
    const clients: TestClient[] = ['Ada', 'Fuzz 1', 'Fuzz 2', 'Fuzz 3'].map((name) =>
      connectClient(server.url, id, name),
    );
    const [ada, ...fuzzers] = clients as [TestClient, ...TestClient[]];
    try {
      await Promise.all(clients.map((c) => c.synced));
      seedRecords(ada.doc, ada.origin);
      await waitConverged(clients);
      const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
      const [steps] = fc.sample(fuzzSteps(fuzzers.length, 1000), { numRuns: 1, seed });
      await runSteps(fuzzers, steps!);
      // Ada holds everything the server took from the fuzzers (repaired as the server took it).
      await waitFor(
        () =>
          fuzzers.every(
            (f) =>
              Y.getState(ada.doc.store, f.doc.clientID) >= Y.getState(f.doc.store, f.doc.clientID),
          ),
        `every fuzzed write at Ada (FUZZ_SEED=${seed})`,
        15_000,
      );
      whyCount = readAnalysis(ada.doc).order.length;
    } finally {
      for (const c of clients) c.destroy();
    }
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    data.cleanup();
  });

  it('opens in the editor without an error: the problem and every why are drawn', async () => {
    const context = await personContext(browser, 'Olga');
    const page = await context.newPage();
    const errors: string[] = [];
    const consoleErrors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(`${server.url}/a/${id}`);
    await statusOf(page, 'connected').waitFor();
    const problem = page.locator('.wc-editor .react-flow__node-problem');
    await problem.waitFor();
    expect(await problem.isVisible()).toBe(true);
    const snapshot = (await (await fetch(`${server.url}/api/analyses/${id}`)).json()) as {
      problem: string;
      order: string[];
    };
    expect(snapshot.order).toHaveLength(whyCount);
    if (whyCount <= 150) {
      await expect.poll(() => page.locator('.react-flow__node-why').count()).toBe(whyCount);
    }
    // Give every part time to draw (and to fail, if it would).
    await page.waitForTimeout(500);
    expect(await page.locator('.wc-part-error').count()).toBe(0);
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);
    expect(errors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
