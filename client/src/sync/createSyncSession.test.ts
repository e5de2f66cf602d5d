import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupWSConnection, getYDoc } from '@y/websocket-server/utils';
import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import { createAnalysis, isInitialized, makeOrigin, readAnalysis } from '@whychain/shared';
import { createSyncSession, type SyncSession } from './createSyncSession';

const closers: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});

/** A real WebSocket server on a free port; `onConnection` decides what each socket gets. */
async function startSocketServer(
  onConnection: (
    socket: import('ws').WebSocket,
    request: import('node:http').IncomingMessage,
  ) => void,
): Promise<string> {
  const http: Server = createServer();
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', onConnection);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        http.close(() => resolve());
      }),
  );
  return `ws://127.0.0.1:${(http.address() as AddressInfo).port}/sync`;
}

function open(analysisId: string, serverUrl: string): SyncSession {
  // jsdom's environment mixes Node's WebSocket with jsdom's Event; `ws` is a real socket too.
  const session = createSyncSession(analysisId, {
    serverUrl,
    probeUrl: null,
    WebSocketPolyfill: NodeWebSocket as unknown as typeof WebSocket,
  });
  closers.push(() => session.destroy());
  return session;
}

describe('createSyncSession', () => {
  it('connects, syncs the analysis from the server and reports it', async () => {
    const url = await startSocketServer((socket, request) =>
      setupWSConnection(socket, request, { docName: request.url!.replace('/sync/', '') }),
    );
    createAnalysis(
      getYDoc('room1'),
      { title: 'Served', problem: 'Why is it late?' },
      makeOrigin('server'),
    );
    const session = open('room1', url);
    expect(session.getState()).toEqual({ connection: 'connecting', synced: false, closed: null });

    await waitFor(() => expect(session.getState()).toMatchObject({ synced: true }));
    expect(session.getState().connection).toBe('connected');
    expect(isInitialized(session.doc)).toBe(true);
    expect(readAnalysis(session.doc).problem).toBe('Why is it late?');
  });

  it('reports "offline" when the server goes away, and tells subscribers', async () => {
    const url = await startSocketServer((socket, request) =>
      setupWSConnection(socket, request, { docName: 'room2' }),
    );
    const session = open('room2', url);
    await waitFor(() => expect(session.getState().connection).toBe('connected'));
    let notified = 0;
    session.subscribe(() => notified++);

    await closers.shift()!();
    await waitFor(() => expect(session.getState().connection).toBe('offline'));
    expect(notified).toBeGreaterThan(0);
    expect(session.getState().closed).toBeNull();
  });

  it('gives up for good when the server closes the room with 4404', async () => {
    const url = await startSocketServer((socket) => socket.close(4404, 'Analysis not found'));
    const session = open('nosuchroom', url);
    await waitFor(() =>
      expect(session.getState().closed).toEqual({ code: 4404, reason: 'Analysis not found' }),
    );
    expect(session.getState()).toMatchObject({ connection: 'offline', synced: false });
  });
});
