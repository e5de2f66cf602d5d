import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editEvidence, readAnalysis, SCHEMA_VERSION, type WhyId } from '@whychain/shared';
import { SqliteStore } from '@whychain/server';
import { connectClient, type TestClient } from '../fixtures/client';
import { startTestServer, tempDataDir, waitForServerSnapshot } from '../fixtures/server';
import { version1Fixture } from '../fixtures/oldVersionDocs';

describe('an analysis stored by an older schema', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });

  it('is migrated on load before the first client syncs, and the migration is stored', async () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    const old = new SqliteStore(data.dir);
    await old.create('oldanalysis01', Y.encodeStateAsUpdate(version1Fixture()), {
      title: 'Old analysis',
      status: 'draft',
    });
    await old.close();

    let server = await startTestServer(data.dir);
    const ada: TestClient = connectClient(server.url, 'oldanalysis01', 'Ada');
    await ada.synced;
    const snapshot = readAnalysis(ada.doc);
    expect(snapshot.schemaVersion).toBe(SCHEMA_VERSION);
    expect(snapshot.whys['oldwhy000001']).toMatchObject({ text: 'Because they are overcharged.' });
    const id = 'oldwhy000001' as WhyId;
    expect(editEvidence(ada.doc, { whyId: id, text: 'Invoice 12' }, ada.origin)).toEqual({
      ok: true,
    });
    await waitForServerSnapshot<{ whys: Record<string, { evidence: string }> }>(
      server.url,
      'oldanalysis01',
      (s) => s.whys[id]?.evidence === 'Invoice 12',
      'the evidence on the server',
    );
    ada.destroy();
    await server.close();

    server = await startTestServer(data.dir);
    cleanups.push(() => server.close());
    const res = await fetch(`${server.url}/api/analyses/oldanalysis01`);
    expect(await res.json()).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      whys: { oldwhy000001: { evidence: 'Invoice 12', verification: 'hypothesis' } },
    });
  });
});
