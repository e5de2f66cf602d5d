import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as turn } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addWhy, editWhyText, readAnalysis, whysOf, type WhyId } from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { connectClient, waitConverged, type TestClient } from '../fixtures/client';
import {
  createAnalysisOver,
  startTestServer,
  tempDataDir,
  waitFor,
  waitForServerSnapshot,
} from '../fixtures/server';
import { storedDocument } from '../fixtures/storedDocument';

/** Whys of the big analysis: enough that its snapshot is many parts, encoded over many turns. */
const WHYS = 2000;

/** Number of snapshot parts the SQLite file holds for `id` (0: one blob in the row). */
function storedParts(dataDir: string, id: string): number {
  const db = new Database(join(dataDir, 'whychain.sqlite'), { readonly: true });
  try {
    const row = db
      .prepare(
        'SELECT count(*) AS n FROM snapshot_parts p JOIN documents d ON d.id = p.doc_id AND p.gen = d.snapshot_gen WHERE d.id = ?',
      )
      .get(id) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

describe('a big analysis (2,000 whys)', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });

  // Adding a why reads the tree, so 2,000 of them take seconds: built once, copied per test.
  let template = '';
  let id = '';
  const ids: WhyId[] = [];
  beforeAll(async () => {
    template = mkdtempSync(join(tmpdir(), 'whychain-big-'));
    const server = await startTestServer(template);
    id = await createAnalysisOver(server.url, { title: 'Big', problem: 'Why so many?' });
    const ada = connectClient(server.url, id, 'Ada');
    await ada.synced;
    for (let i = 0; i < WHYS; i++) {
      const parentId = i < 3 ? null : ids[Math.floor(i / 3) - 1]!;
      const r = addWhy(ada.doc, { parentId, text: `Because of step ${i}` }, ada.origin);
      if (!r.ok) throw new Error(r.reason);
      ids.push(r.id);
    }
    await waitForServerSnapshot<{ whys: Record<string, unknown> }>(
      server.url,
      id,
      (s) => Object.keys(s.whys).length === WHYS,
      'all whys on the server',
      30_000,
    );
    ada.destroy();
    await server.close();
  }, 120_000);
  afterAll(() => rmSync(template, { recursive: true, force: true }));

  /** A server on a copy of the template's data, and Ada connected to the big analysis. */
  async function open(compactAfter: number) {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    cpSync(template, data.dir, { recursive: true });
    const server = await startTestServer(data.dir, { compactAfter });
    const ada = track(connectClient(server.url, id, 'Ada'));
    await ada.synced;
    return { server, ada, dir: data.dir };
  }

  function track(client: TestClient): TestClient {
    cleanups.push(() => client.destroy());
    return client;
  }

  it('keeps every edit that arrives while its snapshot is written in parts, across a restart', async () => {
    const { server: first, ada, dir } = await open(20);
    let server: RunningServer = first;
    expect(storedParts(dir, id)).toBeGreaterThan(4); // compacted on the template's unload
    const room = (await server.hub.open(id))!;
    // Type one character a turn; every 20 updates start a compaction that takes several turns.
    let text = '';
    let duringCompaction = 0;
    for (let i = 0; i < 400; i++) {
      text += String.fromCharCode(97 + (i % 26));
      editWhyText(ada.doc, { whyId: ids[7]!, text }, ada.origin);
      if (room.compacting) duringCompaction++;
      await turn();
    }
    await waitForServerSnapshot<{ whys: Record<string, { text: string }> }>(
      server.url,
      id,
      (s) => s.whys[ids[7]!]?.text === text,
      'the whole text on the server',
      20_000,
    );
    await server.hub.flush();
    await waitFor(() => !room.compacting, 'the last compaction', 20_000);
    expect(duringCompaction).toBeGreaterThan(20);
    // The file alone (snapshot parts, then the log) holds every keystroke.
    const stored = readAnalysis(storedDocument(dir, id));
    expect(stored.whys[ids[7]!]!.text).toBe(text);
    expect(Object.keys(stored.whys)).toHaveLength(WHYS);

    ada.destroy();
    await server.close();
    server = await startTestServer(dir);
    cleanups.push(() => server.close());
    const res = await fetch(`${server.url}/api/analyses/${id}`);
    const body = (await res.json()) as { whys: Record<string, { text: string }> };
    expect(Object.keys(body.whys)).toHaveLength(WHYS);
    expect(body.whys[ids[7]!]!.text).toBe(text);
  }, 60_000);

  it('a client that joins is synced only once it has all of it, while others type', async () => {
    const { server, ada } = await open(1_000_000);
    cleanups.push(() => server.close());
    const bob = track(connectClient(server.url, id, 'Bob'));
    let updatesBeforeSync = 0;
    bob.doc.on('update', () => {
      if (!bob.provider.synced) updatesBeforeSync++;
    });
    let whysAtSync = -1;
    bob.provider.once('sync', () => (whysAtSync = whysOf(bob.doc).size));
    let text = '';
    while (!bob.provider.synced) {
      text += 'x';
      editWhyText(ada.doc, { whyId: ids[3]!, text }, ada.origin);
      await turn();
    }
    expect(whysAtSync).toBe(WHYS);
    expect(updatesBeforeSync).toBeGreaterThan(2); // it came in parts
    await waitConverged([ada, bob], 10_000);
    expect(readAnalysis(bob.doc)).toEqual(readAnalysis(ada.doc));
    expect(readAnalysis(bob.doc).whys[ids[3]!]!.text).toBe(text);
  }, 60_000);
});
