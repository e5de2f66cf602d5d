/** The big analysis of the big-document bench, and the ways it is pushed, loaded and read back. */
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { addWhy, createAnalysis, editWhyText, makeOrigin, type WhyId } from '@whychain/shared';
import { RawClient } from './rawClient';
import type { BenchServer } from './servers';

/** The big analysis: this many whys, each added, then its text typed one character an update. */
export const WHYS = 2_000;
export const CHARS_PER_WHY = 24; // 2,000 adds + 48,000 keystrokes = 50,000 updates
export const PUSH_BATCH = 200;
const origin = makeOrigin('local', 'bench-big');

/** Builds the big analysis in `doc` (on top of what it holds) and returns its updates in order. */
export function buildBig(
  doc: Y.Doc,
  withCreate: boolean,
): { updates: Uint8Array[]; clocks: number[] } {
  const updates: Uint8Array[] = [];
  const clocks: number[] = [];
  const capture = (update: Uint8Array) => {
    updates.push(update);
    clocks.push(Y.getState(doc.store, doc.clientID));
  };
  doc.on('update', capture);
  if (withCreate) {
    createAnalysis(doc, { title: 'Big analysis', problem: 'Why is everything late?' }, origin);
  }
  const parents: Array<WhyId | null> = [null];
  for (let i = 0; i < WHYS; i++) {
    const added = addWhy(doc, { parentId: parents[Math.floor(i / 3)] ?? null, text: '' }, origin);
    if (!added.ok) throw new Error(added.reason);
    parents.push(added.id);
    const text = `Because step ${i} was skipped again`;
    for (let c = 1; c <= CHARS_PER_WHY; c++) {
      const edited = editWhyText(doc, { whyId: added.id, text: text.slice(0, c) }, origin);
      if (!edited.ok) throw new Error(edited.reason);
    }
  }
  doc.off('update', capture);
  return { updates, clocks };
}

async function until(check: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

/** Opens `room` on the server with a pusher and an observer; the pusher has the server's state. */
export async function openBig(server: BenchServer, room: string) {
  const pusher = new RawClient(server.url, room, { sendLocal: false });
  const observer = new RawClient(server.url, room);
  await Promise.all([pusher.synced, observer.synced]);
  return { pusher, observer };
}

/** Sends the updates in batches, each once the observer has the one before: a paced import. */
export async function push(
  big: { pusher: RawClient; observer: RawClient },
  built: { updates: Uint8Array[]; clocks: number[] },
): Promise<void> {
  const id = big.pusher.doc.clientID;
  for (let i = 0; i < built.updates.length; i += PUSH_BATCH) {
    const end = Math.min(i + PUSH_BATCH, built.updates.length);
    for (let j = i; j < end; j++) big.pusher.sendUpdate(built.updates[j]!);
    const target = built.clocks[end - 1]!;
    await until(() => Y.getState(big.observer.doc.store, id) >= target, 'pushed updates');
  }
  if (big.pusher.refusals.length > 0) throw new Error(`refused: ${big.pusher.refusals[0]}`);
}

async function loadedCount(server: BenchServer): Promise<number> {
  const res = await fetch(`${server.url}/healthz`);
  return ((await res.json()) as { loadedAnalyses: number }).loadedAnalyses;
}

/** A read-only view of our SQLite file: whether a document's log is empty, and its sizes. */
export function openStore(dataDir: string) {
  const db = new Database(join(dataDir, 'whychain.sqlite'), { readonly: true });
  const any = db.prepare('SELECT 1 FROM updates WHERE doc_id = ? LIMIT 1');
  const count = db.prepare('SELECT count(*) AS n FROM updates WHERE doc_id = ?');
  // The snapshot is one blob or, for a big document, parts of the generation the row names.
  const snapshot = db.prepare(
    `SELECT coalesce(length(snapshot), 0) + coalesce((SELECT sum(length(data)) FROM snapshot_parts
       WHERE doc_id = d.id AND gen = d.snapshot_gen), 0) AS bytes FROM documents d WHERE id = ?`,
  );
  return {
    logEmpty: (id: string) => any.get(id) === undefined,
    logLength: (id: string) => (count.get(id) as { n: number }).n,
    snapshotBytes: (id: string) => (snapshot.get(id) as { bytes: number | null }).bytes ?? 0,
    close: () => db.close(),
  };
}

/** Closes the big room's sockets and times until the room is unloaded and its log compacted. */
export async function unloadAndCompact(server: BenchServer, big: RawClient[], id: string) {
  const store = openStore(server.dataDir!);
  try {
    const logAtClose = store.logLength(id);
    const loadedBefore = await loadedCount(server);
    const started = performance.now();
    for (const c of big) c.close();
    await until(() => store.logEmpty(id), 'compaction');
    const compactedMs = performance.now() - started;
    // Unloaded too (the room drops out of the loaded count).
    const startWait = Date.now();
    while ((await loadedCount(server)) >= loadedBefore && Date.now() - startWait < 30_000) {
      await sleep(10);
    }
    return { logAtClose, compactedMs, snapshotBytes: store.snapshotBytes(id) };
  } finally {
    store.close();
  }
}
