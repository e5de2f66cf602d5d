import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { RunningServer } from '@whychain/server';
import { connectClient, type TestClient } from '../fixtures/client';
import { presenceMessage } from '../fixtures/presence';
import { createAnalysisOver, startTestServer, tempDataDir, waitFor } from '../fixtures/server';

/** The names `watcher` sees in the room (its own included). */
function namesSeen(watcher: TestClient): string[] {
  return [...watcher.provider.awareness.getStates().values()]
    .map((state) => (state as { user?: { name?: string } }).user?.name ?? '')
    .sort();
}

describe('presence after a reconnect, and its bounds', () => {
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
