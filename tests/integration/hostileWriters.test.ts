import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addEvidenceLink,
  addWhy,
  readAnalysis,
  SCHEMA_VERSION,
  validateDocument,
  type AnalysisSnapshot,
  type WhyId,
} from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { connectClient, waitConverged, type TestClient } from '../fixtures/client';
import { storedDocument } from '../fixtures/storedDocument';
import { createAnalysisOver, startTestServer, tempDataDir, waitFor } from '../fixtures/server';

/**
 * Writes a raw Yjs client can make without the commands, each one a single transaction. `why` is
 * the id of a why made through the commands, with one evidence link.
 */
const HOSTILE: Record<string, (doc: Y.Doc, why: WhyId) => void> = {
  'a boolean title': (doc) => doc.getMap('meta').set('title', true),
  'schemaVersion 4': (doc) => doc.getMap('meta').set('schemaVersion', 4),
  'a number among the links': (doc, why) =>
    (whyMap(doc, why).get('links') as Y.Array<unknown>).push([42]),
  'a number in place of the text': (doc, why) => whyMap(doc, why).set('text', 7),
  'unknown keys': (doc, why) => {
    whyMap(doc, why).set('owner', 'Mallory');
    doc.getMap('meta').set('admin', { everyone: true });
    doc.getMap('intruder').set('payload', 'x'.repeat(1000));
  },
  'a string under whys': (doc) => doc.getMap('whys').set('abcdef123456', 'not a why'),
};

function whyMap(doc: Y.Doc, id: WhyId): Y.Map<unknown> {
  return doc.getMap('whys').get(id) as Y.Map<unknown>;
}

/** The close codes the server sent this client. */
function closeCodes(client: TestClient): number[] {
  const codes: number[] = [];
  client.provider.on('connection-close', (event: CloseEvent | null) => {
    if (event) codes.push(event.code);
  });
  return codes;
}

/** Whether `client` has everything `writer` has written so far. */
function hasAllOf(client: TestClient, writer: TestClient): boolean {
  const id = writer.doc.clientID;
  return Y.getState(client.doc.store, id) >= Y.getState(writer.doc.store, id);
}

describe('a raw Yjs client cannot break an analysis', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  const clients: TestClient[] = [];
  let id: string;
  let otherId: string;
  let mallory: TestClient, bob: TestClient, carl: TestClient, dan: TestClient;
  let why: WhyId;
  let danCodes: number[];

  function person(analysisId: string, name: string): TestClient {
    const client = connectClient(server.url, analysisId, name);
    clients.push(client);
    return client;
  }

  beforeEach(async () => {
    data = tempDataDir();
    server = await startTestServer(data.dir);
    id = await createAnalysisOver(server.url, { title: 'Hostile', problem: 'Why?' });
    otherId = await createAnalysisOver(server.url, { title: 'Next door', problem: 'Why not?' });
    [mallory, bob, carl] = ['Mallory', 'Bob', 'Carl'].map((n) => person(id, n)) as TestClient[] as [
      TestClient,
      TestClient,
      TestClient,
    ];
    dan = person(otherId, 'Dan');
    await Promise.all([mallory, bob, carl, dan].map((c) => c.synced));
    danCodes = closeCodes(dan);
    const added = addWhy(bob.doc, { parentId: null, text: 'The form lost the order' }, bob.origin);
    if (!added.ok) throw new Error(added.reason);
    why = added.id;
    const link = addEvidenceLink(
      bob.doc,
      { whyId: why, url: 'https://example.com/log' },
      bob.origin,
    );
    if (!link.ok) throw new Error(link.reason);
    await waitConverged([mallory, bob, carl]);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    data.cleanup();
  });

  const cases = [...Object.keys(HOSTILE), 'all of them in one transaction'];

  it.each(cases)('%s: the others converge to a valid, writable analysis', async (name) => {
    const writes = name in HOSTILE ? [HOSTILE[name]!] : Object.values(HOSTILE);
    const malloryCodes = closeCodes(mallory);
    mallory.doc.transact(() => writes.forEach((write) => write(mallory.doc, why)));
    await waitFor(
      () => hasAllOf(bob, mallory) && hasAllOf(carl, mallory),
      'the write at Bob and Carl',
    );
    await waitConverged([bob, carl]);
    expect(validateDocument(bob.doc)).toEqual([]);
    expect(validateDocument(carl.doc)).toEqual([]);

    const res = await fetch(`${server.url}/api/analyses/${id}`);
    expect(res.status).toBe(200);
    const snapshot = (await res.json()) as AnalysisSnapshot;
    expect(snapshot).toEqual(
      JSON.parse(JSON.stringify({ ...readAnalysis(bob.doc), id, caseIds: [] })),
    );
    expect(snapshot).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      fromNewerVersion: false,
      title: 'Hostile',
      problem: 'Why?',
      rootIds: [why],
    });
    expect(snapshot.whys[why]).toMatchObject({
      text: expect.any(String),
      links: ['https://example.com/log'],
    });

    // Nothing else was hurt: the server is up, next door never noticed, Mallory is still in.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(danCodes).toEqual([]);
    expect(dan.provider.wsconnected).toBe(true);
    expect(malloryCodes).toEqual([]);

    // Still writable by everyone.
    const later = addWhy(carl.doc, { parentId: why, text: 'No check on submit' }, carl.origin);
    if (!later.ok) throw new Error(later.reason);
    await waitFor(() => readAnalysis(bob.doc).whys[later.id] !== undefined, 'Carl’s why at Bob');

    // What is stored reads valid after a restart.
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    expect(validateDocument(storedDocument(data.dir, id))).toEqual([]);
    server = await startTestServer(data.dir);
    const reread = (await (
      await fetch(`${server.url}/api/analyses/${id}`)
    ).json()) as AnalysisSnapshot;
    expect(reread.schemaVersion).toBe(SCHEMA_VERSION);
    expect(reread.whys[later.id]?.text).toBe('No check on submit');
    const eve = person(id, 'Eve');
    await eve.synced;
    expect(validateDocument(eve.doc)).toEqual([]);
  });

  it('puts the writer’s own copy right too, so every replica holds the same document', async () => {
    mallory.doc.transact(() => Object.values(HOSTILE).forEach((write) => write(mallory.doc, why)));
    await waitFor(() => hasAllOf(bob, mallory), 'the write at Bob');
    await waitConverged([mallory, bob, carl]);
    expect(validateDocument(mallory.doc)).toEqual([]);
    expect(readAnalysis(mallory.doc)).toEqual(readAnalysis(bob.doc));
  });
});
