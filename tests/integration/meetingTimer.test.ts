import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAnalysis, startTimer, timerElapsed } from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { connectClient, type TestClient } from '../fixtures/client';
import { createAnalysisOver, startTestServer, tempDataDir, waitFor } from '../fixtures/server';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The meeting timer stops when the last person leaves the room, not when the first does. */
describe('meeting timer in an empty room', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  const clients: TestClient[] = [];

  beforeEach(async () => {
    data = tempDataDir();
    server = await startTestServer(data.dir);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    data.cleanup();
  });

  async function join(id: string, name: string): Promise<TestClient> {
    const client = connectClient(server.url, id, name);
    clients.push(client);
    await client.synced;
    return client;
  }

  function leave(client: TestClient): void {
    clients.splice(clients.indexOf(client), 1);
    client.destroy();
  }

  const serverTimer = async (id: string) => (await server.hub.snapshot(id))!.timer;

  it('pauses when the last person leaves, counting up to then and not the empty time', async () => {
    const id = await createAnalysisOver(server.url, { title: 'Timer', problem: 'Why?' });
    const ada = await join(id, 'Ada');
    const bob = await join(id, 'Bob');
    expect(startTimer(ada.doc, ada.origin).ok).toBe(true);
    const startedAt = readAnalysis(ada.doc).timer.startedAt!;
    await waitFor(() => readAnalysis(bob.doc).timer.startedAt === startedAt, 'Bob to see it run');

    // Ada leaves; Bob is still in the meeting, so the timer runs on.
    leave(ada);
    await sleep(300);
    expect(await serverTimer(id)).toEqual({ startedAt, elapsedMs: 0 });
    expect(readAnalysis(bob.doc).timer.startedAt).toBe(startedAt);

    const lastLeaving = Date.now();
    leave(bob);
    await waitFor(() => server.hub.loadedCount === 0, 'the empty room to unload');
    const unloaded = Date.now();
    await sleep(1_000); // the room stands empty

    // Carol opens the analysis later: it loads from storage, with the timer paused.
    const carol = await join(id, 'Carol');
    const timer = readAnalysis(carol.doc).timer;
    expect(timer.startedAt).toBeNull();
    expect(timer.elapsedMs).toBeGreaterThanOrEqual(lastLeaving - startedAt);
    expect(timer.elapsedMs).toBeLessThanOrEqual(unloaded - startedAt);
    expect(Date.now() - startedAt - timer.elapsedMs).toBeGreaterThanOrEqual(1_000);
    // Paused: it shows the same time a while later.
    await sleep(200);
    expect(timerElapsed(readAnalysis(carol.doc).timer)).toBe(timer.elapsedMs);
  });

  it('leaves a paused timer and its time untouched when everyone leaves', async () => {
    const id = await createAnalysisOver(server.url, { title: 'Timer', problem: 'Why?' });
    const ada = await join(id, 'Ada');
    const stateBefore = await server.hub.snapshot(id);
    leave(ada);
    await waitFor(() => server.hub.loadedCount === 0, 'the empty room to unload');
    const carol = await join(id, 'Carol');
    expect(readAnalysis(carol.doc).timer).toEqual(stateBefore!.timer);
    expect(readAnalysis(carol.doc).timer).toEqual({ startedAt: null, elapsedMs: 0 });
  });
});
