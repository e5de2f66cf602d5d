import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  addWhy,
  editEvidence,
  learningsOf,
  readAnalysis,
  type AnalysisSnapshot,
  type WhyId,
} from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { connectClient, watchRefusals, type TestClient } from '../fixtures/client';
import {
  createAnalysisOver,
  startTestServer,
  tempDataDir,
  waitFor,
  waitForServerSnapshot,
} from '../fixtures/server';

/** The y-websocket message that carries a document update. */
function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The update `change` makes to `doc`, made as one transaction. */
function updateOf(doc: Y.Doc, change: () => void): Uint8Array {
  let update: Uint8Array | undefined;
  const capture = (u: Uint8Array) => (update = u);
  doc.on('update', capture);
  doc.transact(change);
  doc.off('update', capture);
  if (!update) throw new Error('the change made no update');
  return update;
}

/** A raw socket that sends `frames` the moment it opens; `closed` says how the server closed it. */
function rawSocket(url: string, frames: Uint8Array[]) {
  const ws = new WebSocket(url);
  ws.on('open', () => frames.forEach((f) => ws.send(f)));
  ws.on('error', () => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return { ws, closed };
}

describe('limits protect the server and the others in the room', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    data.cleanup();
  });

  function person(id: string, name: string): TestClient {
    const client = connectClient(server.url, id, name);
    clients.push(client);
    return client;
  }

  it('refuses an update that would pass the document size limit, with the reason; the rest goes on', async () => {
    data = tempDataDir();
    server = await startTestServer(data.dir, { maxDocumentBytes: 64 * 1024 });
    const id = await createAnalysisOver(server.url, { title: 'Big', problem: 'Why so big?' });
    const [ada, bob, carl] = ['Ada', 'Bob', 'Carl'].map((name) => person(id, name)) as [
      TestClient,
      TestClient,
      TestClient,
    ];
    await Promise.all([ada, bob, carl].map((c) => c.synced));
    const seen = watchRefusals(ada.provider);

    const small = addWhy(ada.doc, { parentId: null, text: 'a short answer' }, ada.origin);
    if (!small.ok) throw new Error(small.reason);
    await waitFor(() => readAnalysis(bob.doc).whys[small.id] !== undefined, 'the small why');

    // One change of about 80 KB: twenty long answers at once.
    const big: WhyId[] = [];
    ada.doc.transact(() => {
      for (let i = 0; i < 20; i++) {
        const r = addWhy(ada.doc, { parentId: null, text: `${i} `.padEnd(4000, 'x') }, ada.origin);
        if (r.ok) big.push(r.id);
      }
    }, ada.origin);
    expect(big).toHaveLength(20);
    await waitFor(() => seen.refused.length > 0, 'the refusal');
    expect(seen.refused[0]).toBe(
      'This analysis has reached its size limit (0.1 MiB); this change was not saved.',
    );

    // Bob's small edit still goes through, to Carl and to storage; Ada still follows the room.
    const bobs = addWhy(bob.doc, { parentId: null, text: 'Bob fits' }, bob.origin);
    if (!bobs.ok) throw new Error(bobs.reason);
    await waitFor(() => readAnalysis(carl.doc).whys[bobs.id] !== undefined, 'Bob’s why at Carl');
    await waitFor(() => readAnalysis(ada.doc).whys[bobs.id] !== undefined, 'Bob’s why at Ada');
    expect(ada.provider.wsconnected).toBe(true);
    expect(big.some((w) => readAnalysis(bob.doc).whys[w] || readAnalysis(carl.doc).whys[w])).toBe(
      false,
    );
    const onServer = await waitForServerSnapshot<AnalysisSnapshot>(
      server.url,
      id,
      (s) => s.whys[bobs.id] !== undefined,
      'Bob’s why on the server',
    );
    expect([...onServer.rootIds].sort()).toEqual([small.id, bobs.id].sort());

    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    server = await startTestServer(data.dir, { maxDocumentBytes: 64 * 1024 });
    const stored = (await (
      await fetch(`${server.url}/api/analyses/${id}`)
    ).json()) as AnalysisSnapshot;
    expect([...stored.rootIds].sort()).toEqual([small.id, bobs.id].sort());
  });

  it('closes with 1009 a socket that sends more than its budget while the analysis loads', async () => {
    data = tempDataDir();
    const maxMessageBytes = 16 * 1024; // so 32 KiB may wait for the load
    server = await startTestServer(data.dir, { maxMessageBytes, compactAfter: 1_000_000 });
    const id = await createAnalysisOver(server.url, { title: 'Slow to load', problem: 'Why?' });
    const ada = person(id, 'Ada');
    await ada.synced;
    ada.provider.disconnect();
    await waitFor(() => server.hub.loadedCount === 0, 'the analysis unloaded');

    // A long log (30,000 keystrokes typed and taken back) makes the next load take many turns.
    const typed: Uint8Array[] = [];
    const learnings = learningsOf(ada.doc);
    for (let i = 0; i < 15_000; i++) {
      typed.push(updateOf(ada.doc, () => learnings.insert(0, 'x')));
      typed.push(updateOf(ada.doc, () => learnings.delete(0, 1)));
    }
    const results = await server.store.append(typed.map((update) => ({ docId: id, update })));
    expect(results.every((r) => r.ok)).toBe(true);

    // Another person's copy of the stored state: what they send does not build on Ada's.
    const bobDoc = new Y.Doc();
    Y.applyUpdate(bobDoc, Y.encodeStateAsUpdate(ada.doc));
    let early: WhyId | undefined;
    const tooEarly = updateMessage(
      updateOf(ada.doc, () => {
        const r = addWhy(ada.doc, { parentId: null, text: 'sent too early' }, ada.origin);
        if (r.ok) early = r.id;
      }),
    );
    const padding = [0, 1, 2].map((i) =>
      updateMessage(
        updateOf(ada.doc, () => {
          const r = addWhy(ada.doc, { parentId: null, text: `padding ${i}` }, ada.origin);
          if (r.ok) editEvidence(ada.doc, { whyId: r.id, text: 'e'.repeat(12_000) }, ada.origin);
        }),
      ),
    );
    let waited: WhyId | undefined;
    const withinBudget = updateMessage(
      updateOf(bobDoc, () => {
        const r = addWhy(bobDoc, { parentId: null, text: 'sent while loading' }, ada.origin);
        if (r.ok) waited = r.id;
      }),
    );
    expect(padding.every((m) => m.byteLength < maxMessageBytes)).toBe(true);
    expect(tooEarly.byteLength + padding.reduce((n, m) => n + m.byteLength, 0)).toBeGreaterThan(
      2 * maxMessageBytes,
    );

    const url = `${server.url.replace('http', 'ws')}/sync/${id}`;
    const greedy = rawSocket(url, [tooEarly, ...padding]);
    const patient = rawSocket(url, [withinBudget]);
    expect(await greedy.closed).toEqual({
      code: 1009,
      reason: 'Too much sent before the analysis loaded.',
    });

    // The socket that stayed within its budget is served once the analysis has loaded, and what
    // it sent early is taken in order; nothing of the closed socket's messages is.
    const onServer = await waitForServerSnapshot<AnalysisSnapshot>(
      server.url,
      id,
      (s) => s.whys[waited!] !== undefined,
      'the why sent while loading',
      10_000,
    );
    expect(onServer.whys[waited!]!.text).toBe('sent while loading');
    expect(onServer.whys[early!]).toBeUndefined();
    expect(onServer.order).toHaveLength(1);
    expect(patient.ws.readyState).toBe(WebSocket.OPEN);
    patient.ws.close();
  });
});
