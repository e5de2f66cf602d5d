import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addWhy, readAnalysis, type AnalysisSnapshot, type WhyId } from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { connectClient, type TestClient } from '../fixtures/client';
import { scrapeMetrics } from '../fixtures/metrics';
import {
  createAnalysisOver,
  startTestServer,
  tempDataDir,
  waitFor,
  waitForServerSnapshot,
} from '../fixtures/server';

/** The close codes the server sent this client, as they come. */
function closeCodes(client: TestClient): number[] {
  const codes: number[] = [];
  client.provider.on('connection-close', (event: CloseEvent | null) => {
    if (event) codes.push(event.code);
  });
  return codes;
}

function add(client: TestClient, text: string): WhyId {
  const r = addWhy(client.doc, { parentId: null, text }, client.origin);
  if (!r.ok) throw new Error(r.reason);
  return r.id;
}

describe.each(['relaxed', 'strict'] as const)(
  '%s: a storage error in one room never fails another room',
  (durability) => {
    let data: ReturnType<typeof tempDataDir>;
    let server: RunningServer;
    const clients: TestClient[] = [];
    afterEach(async () => {
      for (const c of clients.splice(0)) c.destroy();
      await server.close();
      data.cleanup();
    });

    function person(url: string, id: string, name: string): TestClient {
      const client = connectClient(url, id, name);
      clients.push(client);
      return client;
    }

    it('closes only the failing room with 1011; its people keep their edits and save them later', async () => {
      data = tempDataDir();
      server = await startTestServer(data.dir, { durability });
      const healthyId = await createAnalysisOver(server.url, { title: 'Healthy', problem: 'A?' });
      const failingId = await createAnalysisOver(server.url, { title: 'Failing', problem: 'B?' });
      const ada = person(server.url, healthyId, 'Ada');
      const bob = person(server.url, healthyId, 'Bob');
      const carl = person(server.url, failingId, 'Carl');
      const dan = person(server.url, failingId, 'Dan');
      await Promise.all([ada, bob, carl, dan].map((c) => c.synced));
      const [adaCodes, bobCodes, carlCodes, danCodes] = [ada, bob, carl, dan].map(closeCodes) as [
        number[],
        number[],
        number[],
        number[],
      ];

      // The disk refuses every write of the failing analysis, as a real SQLite error would.
      const db = new Database(join(data.dir, 'whychain.sqlite'));
      db.exec(`CREATE TRIGGER refuse_failing BEFORE INSERT ON updates
               WHEN NEW.doc_id = '${failingId}'
               BEGIN SELECT RAISE(ABORT, 'disk refuses this analysis'); END`);

      // Both rooms write in the same moment (in strict mode, likely one batch on the server).
      const healthyIds = [add(ada, 'healthy 0')];
      const keptId = add(carl, 'kept by Carl');
      await waitFor(() => carlCodes.length > 0 && danCodes.length > 0, 'the failing room closed');
      expect(carlCodes[0]).toBe(1011);
      expect(danCodes[0]).toBe(1011);

      // The healthy room goes on while the failing one keeps failing its reconnects.
      for (let i = 1; i < 20; i++) {
        healthyIds.push(add(i % 2 ? bob : ada, `healthy ${i}`));
        await new Promise((r) => setTimeout(r, 20));
      }
      await waitFor(
        () =>
          healthyIds.every(
            (id) => readAnalysis(ada.doc).whys[id] && readAnalysis(bob.doc).whys[id],
          ),
        'every healthy edit at Ada and Bob',
      );
      const healthy = await waitForServerSnapshot<AnalysisSnapshot>(
        server.url,
        healthyId,
        (s) => s.order.length === 20,
        'the healthy edits on the server',
      );
      expect([...healthy.order].sort()).toEqual([...healthyIds].sort());
      expect(adaCodes).toEqual([]);
      expect(bobCodes).toEqual([]);
      expect(ada.provider.wsconnected && bob.provider.wsconnected).toBe(true);
      const stored = db
        .prepare('SELECT count(*) AS n FROM updates WHERE doc_id = ?')
        .get(failingId) as { n: number };
      expect(stored.n).toBe(0);
      expect(readAnalysis(dan.doc).whys[keptId]).toBeUndefined();
      // Carl still has what he typed.
      expect(readAnalysis(carl.doc).whys[keptId]?.text).toBe('kept by Carl');
      const metrics = await scrapeMetrics(server.url);
      expect(
        metrics.value('whychain_closed_sockets_total', { reason: 'storage_failed' }),
      ).toBeGreaterThanOrEqual(2);

      // The disk recovers: Carl's client sends what it kept on its next reconnect.
      db.exec('DROP TRIGGER refuse_failing');
      db.close();
      await waitFor(
        () => readAnalysis(dan.doc).whys[keptId]?.text === 'kept by Carl',
        'Carl’s kept why at Dan',
        10_000,
      );
      const failing = await waitForServerSnapshot<AnalysisSnapshot>(
        server.url,
        failingId,
        (s) => s.whys[keptId] !== undefined,
        'Carl’s kept why on the server',
      );
      expect(failing.whys[keptId]!.text).toBe('kept by Carl');

      // Both are on disk: a restart reads them back.
      for (const c of clients.splice(0)) c.destroy();
      await server.close();
      server = await startTestServer(data.dir, { durability });
      const reread = async (id: string) =>
        (await (await fetch(`${server.url}/api/analyses/${id}`)).json()) as AnalysisSnapshot;
      expect((await reread(failingId)).whys[keptId]!.text).toBe('kept by Carl');
      expect((await reread(healthyId)).order).toHaveLength(20);
    });
  },
);
