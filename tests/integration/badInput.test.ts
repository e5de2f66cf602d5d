import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { WebSocket } from 'ws';
import { addWhy, readAnalysis } from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { connectClient, type TestClient } from '../fixtures/client';
import { createAnalysisOver, startTestServer, tempDataDir, waitFor } from '../fixtures/server';

/** Opens a raw socket, sends `frames`, and reports how the server closed it. */
function rawSocket(
  url: string,
  frames: Uint8Array[] = [],
): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('open', () => frames.forEach((f) => ws.send(f)));
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    ws.on('error', () => {}); // the close event carries what we check
    setTimeout(() => reject(new Error('socket was not closed')), 5000);
  });
}

describe('bad input gets a clear error and harms nothing', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  const logged: string[] = [];
  const clients: TestClient[] = [];

  beforeEach(async () => {
    data = tempDataDir();
    server = await startTestServer(data.dir, {
      maxMessageBytes: 64 * 1024,
      log: (level, message, fields) => logged.push(`${level} ${message} ${JSON.stringify(fields)}`),
    });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    data.cleanup();
    logged.length = 0;
  });

  const post = (body: string, type = 'application/json') =>
    fetch(`${server.url}/api/analyses`, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });

  it('answers an unknown analysis id with 404 and a JSON error', async () => {
    const res = await fetch(`${server.url}/api/analyses/doesnotexist1`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: 'No analysis with id "doesnotexist1".',
      code: 'not_found',
      field: 'id',
    });
    const other = await fetch(`${server.url}/api/nothing-here`);
    expect(other.status).toBe(404);
    expect((await other.json()).error).toContain('No API route');
  });

  it('names what is wrong with a malformed or invalid body, and stores nothing', async () => {
    const broken = await post('{"title": "x", ');
    expect(broken.status).toBe(400);
    expect((await broken.json()).error).toMatch(/^Malformed JSON: /);

    const noTitle = await post(JSON.stringify({ title: '  ', problem: 'p' }));
    expect(noTitle.status).toBe(400);
    expect(await noTitle.json()).toEqual({
      error: 'Title is required.',
      code: 'required',
      field: 'title',
    });

    const long = await post(JSON.stringify({ title: 't'.repeat(201), problem: '' }));
    expect((await long.json()).error).toBe('Title is too long (201 characters, at most 200).');

    const text = await post('title=x', 'application/x-www-form-urlencoded');
    expect(text.status).toBe(415);

    const put = await fetch(`${server.url}/api/analyses`, { method: 'PUT' });
    expect(put.status).toBe(405);

    const list = await (await fetch(`${server.url}/api/analyses`)).json();
    expect(list.analyses).toEqual([]);
  });

  it('closes a socket for an unknown analysis with a reason', async () => {
    const closed = await rawSocket(`${server.url.replace('http', 'ws')}/sync/doesnotexist1`);
    expect(closed).toEqual({ code: 4404, reason: 'Unknown analysis doesnotexist1' });
  });

  it('closes only the socket that sends an oversized or malformed message', async () => {
    const id = await createAnalysisOver(server.url, { title: 'Robust', problem: 'p' });
    const ada = connectClient(server.url, id, 'Ada');
    const bob = connectClient(server.url, id, 'Bob');
    clients.push(ada, bob);
    await Promise.all([ada.synced, bob.synced]);
    const syncUrl = `${server.url.replace('http', 'ws')}/sync/${id}`;

    const huge = new Uint8Array(100 * 1024);
    const tooBig = await rawSocket(syncUrl, [huge]);
    expect(tooBig.code).toBe(1009);

    // sync message, type "update", claims 50 bytes but carries 3
    const truncated = await rawSocket(syncUrl, [Uint8Array.from([0, 2, 50, 1, 2, 3])]);
    expect(truncated.code).toBe(1007);
    expect(truncated.reason).toMatch(/^Malformed sync message: /);

    const unknownType = await rawSocket(syncUrl, [Uint8Array.from([9, 0])]);
    expect(unknownType).toEqual({
      code: 1007,
      reason: 'Malformed sync message: unknown message type 9',
    });

    await waitFor(() => logged.some((l) => l.includes('Malformed sync message')), 'the log line');
    expect(logged.some((l) => l.includes('Max payload size exceeded'))).toBe(true);

    const r = addWhy(ada.doc, { parentId: null, text: 'still syncing' }, ada.origin);
    if (!r.ok) throw new Error(r.reason);
    await waitFor(
      () => readAnalysis(bob.doc).whys[r.id]?.text === 'still syncing',
      'the why at Bob',
    );
    expect(ada.provider.wsconnected && bob.provider.wsconnected).toBe(true);
  });

  it('answers a sync address that is not valid URL encoding with 400 and keeps running', async () => {
    const { port } = new URL(server.url);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'GET /sync/%E0%A4%A HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
            'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
        );
      });
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1.1 400 /);
    const page = await fetch(`${server.url}/a/%E0%A4%A`);
    expect(page.status).toBe(400);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
