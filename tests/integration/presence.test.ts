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

/** The names `watcher` sees in the room (its own included). */
function namesSeen(watcher: TestClient): string[] {
  return [...watcher.provider.awareness.getStates().values()]
    .map((state) => (state as { user?: { name?: string } }).user?.name ?? '')
    .sort();
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

  it('shows a client that reconnects everyone in the room at once, idle people included', async () => {
    const id = await createAnalysisOver(server.url, { title: 'Presence', problem: 'Why?' });
    const ada = await join(id, 'Ada');
    await join(id, 'Carol');
    await join(id, 'Dan');
    await waitFor(() => namesSeen(ada).length === 3, 'Ada to see everyone');

    // A laptop back from sleep: the socket goes, everyone else vanishes from Ada's list...
    ada.provider.disconnect();
    await waitFor(() => namesSeen(ada).length === 1, 'Ada alone while offline');
    const reconnected = Date.now();
    ada.provider.connect();
    // ...and Carol and Dan, who do nothing, are back within a second (not 15 s).
    await waitFor(
      () => namesSeen(ada).join() === 'Ada,Carol,Dan',
      'Ada to see everyone again',
      1500,
    );
    expect(Date.now() - reconnected).toBeLessThan(1500);
    // Everyone still sees Ada, and later changes of an idle person still arrive.
    const carol = clients[1]!;
    carol.provider.awareness.setLocalStateField('user', { name: 'Carol R', color: '#3366cc' });
    await waitFor(() => namesSeen(ada).includes('Carol R'), 'Carol’s new name at Ada');
    await waitFor(() => namesSeen(carol).includes('Ada'), 'Ada at Carol');
  });

  it('drops a presence state over 16 KiB and keeps the socket', async () => {
    const id = await createAnalysisOver(server.url, { title: 'Presence', problem: 'Why?' });
    const carol = await join(id, 'Carol');
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${id}`);
    sockets.push(ws);
    await new Promise((resolve) => ws.once('open', resolve));
    const huge = JSON.stringify({
      user: { name: 'Huge', color: '#111', note: 'x'.repeat(17_000) },
    });
    ws.send(presenceMessage(424242, 1, huge));
    ws.send(presenceMessage(424243, 1, JSON.stringify({ user: { name: 'Small', color: '#111' } })));
    await waitFor(() => namesSeen(carol).includes('Small'), 'the small presence');
    expect(namesSeen(carol)).not.toContain('Huge');
    expect(ws.readyState).toBe(WebSocket.OPEN);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/whychain_refused_writes_total\{reason="presence_too_large"\} 1/);
  });

  it('keeps a slow but live client that answers a presence claim within 3 s', async () => {
    const id = await createAnalysisOver(server.url, { title: 'Presence', problem: 'Why?' });
    const carol = await join(id, 'Carol');
    const url = `${server.url.replace('http', 'ws')}/sync/${id}`;
    const slow = new WebSocket(url, { autoPong: false });
    sockets.push(slow);
    slow.on('ping', (payload) => setTimeout(() => slow.pong(payload), 3000));
    await new Promise((resolve) => slow.once('open', resolve));
    slow.send(
      presenceMessage(515151, 1, JSON.stringify({ user: { name: 'Slow', color: '#111' } })),
    );
    await waitFor(() => namesSeen(carol).includes('Slow'), 'the slow client');

    const claimant = new WebSocket(url);
    sockets.push(claimant);
    await new Promise((resolve) => claimant.once('open', resolve));
    claimant.send(
      presenceMessage(515151, 2, JSON.stringify({ user: { name: 'Imposter', color: '#111' } })),
    );
    await new Promise((r) => setTimeout(r, 4500));
    expect(slow.readyState).toBe(WebSocket.OPEN);
    expect(namesSeen(carol)).toContain('Slow');
    expect(namesSeen(carol)).not.toContain('Imposter');
  });
});
