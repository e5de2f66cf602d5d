import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addWhy, readAnalysis, validateDocument, type WhyId } from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { connectClient, waitConverged, type TestClient } from '../fixtures/client';
import { fuzzSteps, reportSeed, runSteps, seedRecords } from '../fixtures/fuzzRoom';
import { storedDocument } from '../fixtures/storedDocument';
import { createAnalysisOver, startTestServer, tempDataDir, waitFor } from '../fixtures/server';

const RUNS = 3;
const WRITES_PER_RUN = 1000;

/** Whether `client` has everything `writer` has written so far. */
function hasAllOf(client: TestClient, writer: TestClient): boolean {
  const id = writer.doc.clientID;
  return Y.getState(client.doc.store, id) >= Y.getState(writer.doc.store, id);
}

describe('random raw writes from several clients', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    data.cleanup();
  });

  function person(id: string, name: string): { client: TestClient; closes: number[] } {
    const client = connectClient(server.url, id, name);
    clients.push(client);
    const closes: number[] = [];
    client.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event) closes.push(event.code);
    });
    return { client, closes };
  }

  it(`${RUNS * WRITES_PER_RUN} writes: the server stays up, edits keep flowing, what is stored reads valid`, async () => {
    data = tempDataDir();
    server = await startTestServer(data.dir);
    const id = await createAnalysisOver(server.url, { title: 'Fuzzed', problem: 'Why twice?' });
    const people = ['Ada', 'Olga', 'Fuzz 1', 'Fuzz 2', 'Fuzz 3'].map((name) => person(id, name));
    const [ada, olga, ...fuzzers] = people.map((p) => p.client) as [
      TestClient,
      TestClient,
      ...TestClient[],
    ];
    await Promise.all(people.map((p) => p.client.synced));
    seedRecords(ada.doc, ada.origin);
    await waitConverged(people.map((p) => p.client));

    const adaWhys: WhyId[] = [];
    const adaEdits = (index: number) => {
      if (index % 100 !== 99) return;
      const r = addWhy(
        ada.doc,
        { parentId: null, text: `Ada's answer ${adaWhys.length}` },
        ada.origin,
      );
      if (!r.ok) throw new Error(`Ada could not add a why: ${r.reason}`);
      adaWhys.push(r.id);
    };

    const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
    await fc.assert(
      fc.asyncProperty(fuzzSteps(fuzzers.length, WRITES_PER_RUN), async (steps) => {
        const applied = await runSteps(fuzzers, steps, { between: adaEdits });
        expect(applied).toBeGreaterThan(WRITES_PER_RUN / 2);
        // Ada's edits all reach Olga, and the two well-behaved replicas agree on a valid document.
        await waitFor(
          () => hasAllOf(olga, ada) && fuzzers.every((f) => hasAllOf(olga, f)),
          'Ada’s edits at Olga',
          10_000,
        );
        await waitConverged([ada, olga], 10_000);
        expect(validateDocument(olga.doc)).toEqual([]);
        expect(validateDocument(ada.doc)).toEqual([]);
        const snapshot = readAnalysis(olga.doc);
        expect(snapshot.schemaVersion).toBe(readAnalysis(ada.doc).schemaVersion);
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
        // Nobody was thrown out: a bad write is repaired or refused, never a reason to close.
        expect(people.flatMap((p) => p.closes)).toEqual([]);
      }),
      {
        numRuns: RUNS,
        endOnFailure: true,
        reporter: reportSeed,
        ...(seed === undefined ? {} : { seed }),
      },
    );
    expect(adaWhys.length).toBe((RUNS * WRITES_PER_RUN) / 100);
    const live = readAnalysis(olga.doc);

    // The server's copy, through the API and after a restart from the SQLite file.
    const res = await fetch(`${server.url}/api/analyses/${id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify({ ...live, id, caseIds: [] })));
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    const stored = storedDocument(data.dir, id);
    expect(validateDocument(stored)).toEqual([]);
    expect(() => readAnalysis(stored)).not.toThrow();
    server = await startTestServer(data.dir);
    const after = person(id, 'After').client;
    await after.synced;
    expect(validateDocument(after.doc)).toEqual([]);
    expect(readAnalysis(after.doc)).toEqual(live);
  }, 90_000);
});
