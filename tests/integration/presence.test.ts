import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { RunningServer } from '@whychain/server';
import { connectClient, type TestClient } from '../fixtures/client';
import { presenceMessage, presenceMessages } from '../fixtures/presence';
import { createAnalysisOver, startTestServer, tempDataDir, waitFor } from '../fixtures/server';

/** A bare socket to the room; `answersPings: false` plays a connection that died unnoticed. */
function rawSocket(url: string, answersPings = true) {
  const ws = new WebSocket(url, { autoPong: answersPings });
  const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
  let closed = false;
  ws.on('close', () => (closed = true));
  ws.on('error', () => {}); // the close is what the tests look at
  return { ws, opened, isClosed: () => closed };
}

/** The name `watcher` sees in the presence of `clientId`. */
function nameSeen(watcher: TestClient, clientId: number): unknown {
  const state = watcher.provider.awareness.getStates().get(clientId) as
    { user?: { name?: unknown } } | undefined;
  return state?.user?.name;
}

describe('presence belongs to the socket that set it', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  const clients: TestClient[] = [];
  const sockets: WebSocket[] = [];

  beforeEach(async () => {
    data = tempDataDir();
    server = await startTestServer(data.dir);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const s of sockets.splice(0)) s.terminate();
    await server.close();
    data.cleanup();
  });

  async function join(id: string, name: string): Promise<TestClient> {
    const client = connectClient(server.url, id, name);
    clients.push(client);
    await client.synced;
    return client;
  }

  it('does not let another socket rename or remove someone, and keeps its own presence', async () => {
    const id = await createAnalysisOver(server.url, { title: 'Presence', problem: 'Why?' });
    const ada = await join(id, 'Ada');
    const carol = await join(id, 'Carol');
    const adaId = ada.doc.clientID;
    await waitFor(() => nameSeen(carol, adaId) === 'Ada', 'Carol to see Ada');

    const mallory = rawSocket(`${server.url.replace('http', 'ws')}/sync/${id}`);
    sockets.push(mallory.ws);
    await mallory.opened;
    const pinged: number[] = [];
    (ada.provider.ws as unknown as WebSocket).on('ping', () => pinged.push(Date.now()));
    // What every client does with the presence it receives: send it straight back. Not a claim.
    const adaClock = carol.provider.awareness.meta.get(adaId)!.clock;
    const adaState = carol.provider.awareness.getStates().get(adaId);
    mallory.ws.send(presenceMessage(adaId, adaClock, adaState));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pinged).toEqual([]);

    mallory.ws.send(presenceMessage(adaId, 1000, null));
    mallory.ws.send(presenceMessage(adaId, 1001, { user: { name: 'Mallory', color: '#000' } }));
    mallory.ws.send(presenceMessage(424242, 1, { user: { name: 'Mallory', color: '#000' } }));

    // Mallory's own presence arrives; Ada's is untouched, and Ada (who answers pings) stays.
    await waitFor(() => nameSeen(carol, 424242) === 'Mallory', 'Carol to see Mallory');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(nameSeen(carol, adaId)).toBe('Ada');
    // Ada was asked whether she is still there, answered, and stays.
    expect(pinged.length).toBeGreaterThan(0);
    expect(ada.provider.wsconnected).toBe(true);

    // Having answered, Ada keeps her presence for good: when her connection drops, it is not
    // handed to Mallory's refused claim, and once she is back it is hers again.
    const names: unknown[] = [];
    carol.provider.awareness.on('change', () => names.push(nameSeen(carol, adaId)));
    (ada.provider.ws as unknown as WebSocket).terminate();
    await waitFor(() => names.includes(undefined), 'Ada to be gone for Carol');
    await waitFor(() => nameSeen(carol, adaId) === 'Ada', 'Ada to be back for Carol');
    expect(names).not.toContain('Mallory');
  });

  it('lets one socket speak for a few presences only, even in one message', async () => {
    const id = await createAnalysisOver(server.url, { title: 'Presence', problem: 'Why?' });
    const carol = await join(id, 'Carol');
    const mallory = rawSocket(`${server.url.replace('http', 'ws')}/sync/${id}`);
    sockets.push(mallory.ws);
    await mallory.opened;
    const ghost = { user: { name: 'Ghost', color: '#000' } };
    mallory.ws.send(presenceMessages(Array.from({ length: 10 }, (_, i) => [9000 + i, 1, ghost])));
    await waitFor(() => nameSeen(carol, 9000) === 'Ghost', 'Carol to see the first ghost');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const ghosts = [...carol.provider.awareness.getStates().values()].filter(
      (state) => (state as { user?: { name?: string } }).user?.name === 'Ghost',
    );
    expect(ghosts).toHaveLength(4);
  });

  it('hands a presence to a reconnected client once its old, silent socket is dropped', async () => {
    const id = await createAnalysisOver(server.url, { title: 'Presence', problem: 'Why?' });
    const carol = await join(id, 'Carol');
    const url = `${server.url.replace('http', 'ws')}/sync/${id}`;
    const adaId = 777001;

    const dead = rawSocket(url, false);
    sockets.push(dead.ws);
    await dead.opened;
    dead.ws.send(presenceMessage(adaId, 1, { user: { name: 'Ada', color: '#111' } }));
    await waitFor(() => nameSeen(carol, adaId) === 'Ada', 'Carol to see Ada');

    const back = rawSocket(url);
    sockets.push(back.ws);
    await back.opened;
    back.ws.send(presenceMessage(adaId, 2, { user: { name: 'Ada, back', color: '#111' } }));
    // The old socket does not answer the server's ping and is dropped; the presence the
    // reconnected client sent meanwhile is taken.
    expect(nameSeen(carol, adaId)).toBe('Ada');
    await waitFor(dead.isClosed, 'the silent socket to be dropped', 8000);
    await waitFor(() => nameSeen(carol, adaId) === 'Ada, back', 'Carol to see Ada back');
    expect(back.isClosed()).toBe(false);
  });
});
