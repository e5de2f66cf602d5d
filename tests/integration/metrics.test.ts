import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { addWhy, closeAnalysis, problemOf, readAnalysis } from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { connectClient, waitConverged, watchRefusals, type TestClient } from '../fixtures/client';
import { scrapeMetrics, type Scrape } from '../fixtures/metrics';
import { createAnalysisOver, startTestServer, tempDataDir, waitFor } from '../fixtures/server';

/** Bytes of the y-websocket message that carries `update` (sync, type update, then the bytes). */
function updateMessageBytes(update: Uint8Array): number {
  let lengthBytes = 1;
  for (let n = update.byteLength; n >= 0x80; n >>>= 7) lengthBytes++;
  return 2 + lengthBytes + update.byteLength;
}

/** Records the bytes of every update message `client` sends of its own edits. */
function countSent(client: TestClient): { messages: number; bytes: number } {
  const sent = { messages: 0, bytes: 0 };
  client.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === client.provider) return;
    sent.messages++;
    sent.bytes += updateMessageBytes(update);
  });
  return sent;
}

/** Opens a raw socket, sends `frame` once open, and resolves with the close code. */
function closeCodeAfter(url: string, frame: Uint8Array): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('open', () => ws.send(frame));
    ws.on('close', (code) => resolve(code));
    ws.on('error', () => {});
    setTimeout(() => reject(new Error('the socket was not closed')), 5000);
  });
}

const COUNTERS = [
  'whychain_updates_received_total',
  'whychain_updates_relayed_total',
  'whychain_bytes_in_total',
  'whychain_bytes_out_total',
  'whychain_store_write_seconds_count',
  'whychain_receive_to_relay_seconds_count',
] as const;

describe('GET /metrics tells what the server did', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  const clients: TestClient[] = [];

  beforeEach(async () => {
    data = tempDataDir();
    server = await startTestServer(data.dir, { maxMessageBytes: 64 * 1024 });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    data.cleanup();
  });

  async function room(names: string[]): Promise<{ id: string; people: TestClient[] }> {
    const id = await createAnalysisOver(server.url, { title: 'Metrics', problem: 'Why?' });
    const people = names.map((name) => connectClient(server.url, id, name));
    clients.push(...people);
    await Promise.all(people.map((p) => p.synced));
    return { id, people };
  }

  /** A scrape once the counters stopped moving (joins and presence have settled). */
  async function quietScrape(): Promise<Scrape> {
    let last = await scrapeMetrics(server.url);
    for (;;) {
      await new Promise((r) => setTimeout(r, 150));
      const now = await scrapeMetrics(server.url);
      if (COUNTERS.every((name) => now.value(name) === last.value(name))) return now;
      last = now;
    }
  }

  it('is Prometheus text whose counters move by what three people did', async () => {
    const { people } = await room(['Ada', 'Bob', 'Carl']);
    const [ada, bob, carl] = people as [TestClient, TestClient, TestClient];
    const before = await quietScrape();
    expect(before.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(before.value('whychain_sockets')).toBe(3);
    expect(before.value('whychain_loaded_analyses')).toBe(1);
    expect(before.samples.has('nodejs_eventloop_lag_seconds')).toBe(true);
    expect(before.samples.has('nodejs_eventloop_lag_p99_seconds')).toBe(true);

    const adaSent = countSent(ada);
    const bobSent = countSent(bob);
    for (let i = 0; i < 4; i++) {
      const r = addWhy(ada.doc, { parentId: null, text: `Ada's cause ${i}` }, ada.origin);
      if (!r.ok) throw new Error(r.reason);
    }
    for (let i = 0; i < 2; i++) {
      const r = addWhy(bob.doc, { parentId: null, text: `Bob's cause ${i}` }, bob.origin);
      if (!r.ok) throw new Error(r.reason);
    }
    await waitConverged([ada, bob, carl]);
    expect(readAnalysis(carl.doc).order).toHaveLength(6);
    const after = await quietScrape();

    const k = adaSent.messages + bobSent.messages;
    expect(k).toBe(6);
    const bytes = adaSent.bytes + bobSent.bytes;
    const moved = (name: (typeof COUNTERS)[number]) => after.value(name) - before.value(name);
    expect(moved('whychain_updates_received_total')).toBe(k);
    expect(moved('whychain_updates_relayed_total')).toBe(2 * k); // two receivers each
    expect(moved('whychain_bytes_in_total')).toBe(bytes);
    expect(moved('whychain_bytes_out_total')).toBe(2 * bytes); // relayed as received
    // One write per commit: updates that arrive in one event-loop turn share one.
    expect(moved('whychain_store_write_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(moved('whychain_store_write_seconds_count')).toBeLessThanOrEqual(k);
    expect(moved('whychain_receive_to_relay_seconds_count')).toBe(k);

    carl.provider.disconnect();
    await expect
      .poll(async () => (await scrapeMetrics(server.url)).value('whychain_sockets'))
      .toBe(2);
    ada.provider.disconnect();
    bob.provider.disconnect();
    await expect
      .poll(async () => (await scrapeMetrics(server.url)).value('whychain_loaded_analyses'))
      .toBe(0);
    expect((await scrapeMetrics(server.url)).value('whychain_sockets')).toBe(0);
  });

  it('counts a refused write to a closed analysis and a socket closed for a malformed message', async () => {
    const { id, people } = await room(['Ada', 'Mallory']);
    const [ada, mallory] = people as [TestClient, TestClient];
    const closed = closeAnalysis(ada.doc, { overrideReason: 'Duplicate' }, ada.origin);
    expect(closed.ok).toBe(true);
    await waitFor(() => readAnalysis(mallory.doc).status === 'closed', 'the close at Mallory');
    const before = await quietScrape();
    const refused = { reason: 'closed' };
    const malformed = { reason: 'malformed' };

    const seen = watchRefusals(mallory.provider);
    problemOf(mallory.doc).insert(0, 'HACKED ');
    await waitFor(() => seen.refused.length === 1, 'the refusal');
    const code = await closeCodeAfter(
      `${server.url.replace('http', 'ws')}/sync/${id}`,
      Uint8Array.from([9, 0]),
    );
    expect(code).toBe(1007);

    const after = await quietScrape();
    expect(after.value('whychain_refused_writes_total', refused)).toBe(
      before.value('whychain_refused_writes_total', refused) + 1,
    );
    expect(after.value('whychain_closed_sockets_total', malformed)).toBe(
      before.value('whychain_closed_sockets_total', malformed) + 1,
    );
    // The refused write reached nobody.
    expect(after.value('whychain_updates_relayed_total')).toBe(
      before.value('whychain_updates_relayed_total'),
    );
    expect(readAnalysis(ada.doc).problem).toBe('Why?');
  });

  it('counts a socket closed for a message over the size limit', async () => {
    const { id } = await room(['Ada']);
    const before = await quietScrape();
    const tooLarge = { reason: 'too_large' };
    const code = await closeCodeAfter(
      `${server.url.replace('http', 'ws')}/sync/${id}`,
      new Uint8Array(100 * 1024),
    );
    expect(code).toBe(1009);
    const after = await quietScrape();
    expect(after.value('whychain_closed_sockets_total', tooLarge)).toBe(
      before.value('whychain_closed_sockets_total', tooLarge) + 1,
    );
  });
});
