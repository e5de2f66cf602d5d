import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupWSConnection, getYDoc } from '@y/websocket-server/utils';
import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import {
  addWhy,
  createAnalysis,
  editProblem,
  isInitialized,
  makeOrigin,
  readAnalysis,
} from '@whychain/shared';
import * as Y from 'yjs';
import { createSyncSession, type SyncSession, type SyncSessionOptions } from './createSyncSession';
import type { LocalCache } from './openLocalCache';
import { startRefusingRoom } from './startRefusingRoom';

const closers: (() => Promise<void> | void)[] = [];
const stops = new Map<string, () => Promise<void>>();

afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});

/** A real WebSocket server on a free port; `onConnection` decides what each socket gets. */
async function startSocketServer(
  onConnection: (
    socket: import('ws').WebSocket,
    request: import('node:http').IncomingMessage,
  ) => void,
  port = 0,
): Promise<string> {
  const http: Server = createServer();
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', onConnection);
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  const url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/sync`;
  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= new Promise<void>((resolve) => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      http.close(() => resolve());
    }));
  stops.set(url, stop);
  closers.push(stop);
  return url;
}

function open(
  analysisId: string,
  serverUrl: string,
  options: Partial<SyncSessionOptions> = {},
): SyncSession {
  // jsdom's environment mixes Node's WebSocket with jsdom's Event; `ws` is a real socket too.
  const session = createSyncSession(analysisId, {
    serverUrl,
    probeUrl: null,
    WebSocketPolyfill: NodeWebSocket as unknown as typeof WebSocket,
    localCache: null,
    network: null,
    ...options,
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
    expect(session.getState()).toEqual({
      connection: 'connecting',
      synced: false,
      loaded: false,
      closed: null,
      refused: null,
    });

    await waitFor(() => expect(session.getState()).toMatchObject({ synced: true, loaded: true }));
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

/** A cache as IndexedDB would give it: what `stored` holds is applied once it has "loaded". */
function cacheHolding(stored: Uint8Array | null, names: string[] = []) {
  return (name: string, doc: Y.Doc): LocalCache => {
    names.push(name);
    return {
      whenLoaded: Promise.resolve().then(() => {
        if (stored) Y.applyUpdate(doc, stored, 'cache');
      }),
      destroy: () => undefined,
    };
  };
}

function storedAnalysis(problem: string): Uint8Array {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Cached', problem }, makeOrigin('server'));
  return Y.encodeStateAsUpdate(doc);
}

const CLOSED_REASON = 'This analysis is closed; reopen it to make changes.';

describe('createSyncSession: copy on this device, offline and refusals', () => {
  it('shows an analysis cached on this device at once, before the server answers', async () => {
    const url = await startSocketServer(() => undefined); // accepts, then never answers
    const names: string[] = [];
    const session = open('cached1', url, {
      localCache: cacheHolding(storedAnalysis('Why was it cached?'), names),
    });
    expect(names).toEqual(['whychain:cached1']);

    await waitFor(() => expect(session.getState().loaded).toBe(true));
    expect(session.getState()).toMatchObject({ synced: false, closed: null });
    expect(readAnalysis(session.doc).problem).toBe('Why was it cached?');
  });

  it('waits for the server when this device has no copy of the analysis', async () => {
    const url = await startSocketServer(() => undefined);
    const session = open('cached2', url, { localCache: cacheHolding(null) });
    await waitFor(() => expect(session.getState().connection).toBe('connected'));
    await new Promise((r) => setTimeout(r, 50));
    expect(session.getState()).toMatchObject({ loaded: false, synced: false });
  });

  it('goes offline as soon as the browser loses the network and reconnects when it is back', async () => {
    const url = await startSocketServer((socket, request) =>
      setupWSConnection(socket, request, { docName: 'room-net' }),
    );
    const network = new EventTarget();
    const session = open('room-net', url, { network });
    await waitFor(() => expect(session.getState().connection).toBe('connected'));

    network.dispatchEvent(new Event('offline'));
    expect(session.getState().connection).toBe('offline');
    network.dispatchEvent(new Event('online'));
    await waitFor(() => expect(session.getState().connection).toBe('connected'));
  });

  it('keeps what was typed while the server was away and merges it on reconnect', async () => {
    const handler = (
      socket: import('ws').WebSocket,
      request: import('node:http').IncomingMessage,
    ) => setupWSConnection(socket, request, { docName: 'room-merge' });
    createAnalysis(
      getYDoc('room-merge'),
      { title: 'Merge', problem: 'Why?' },
      makeOrigin('server'),
    );
    const url = await startSocketServer(handler);
    const port = Number(new URL(url).port);
    const session = open('room-merge', url);
    await waitFor(() => expect(session.getState().synced).toBe(true));

    await stops.get(url)!();
    await waitFor(() => expect(session.getState().connection).toBe('offline'));
    editProblem(session.doc, { text: 'Why? Typed offline' }, makeOrigin('local', 'Ada'));

    await startSocketServer(handler, port);
    await waitFor(() => expect(session.getState().connection).toBe('connected'), {
      timeout: 5000,
    });
    await waitFor(() =>
      expect(readAnalysis(getYDoc('room-merge')).problem).toBe('Why? Typed offline'),
    );
  });

  it('older servers: says why the server refused a change by closing (4409), does not reconnect in a loop, and tries again later', async () => {
    let connections = 0;
    let refusing = true;
    const url = await startSocketServer((socket, request) => {
      connections++;
      if (refusing) {
        socket.once('message', () => socket.close(4409, CLOSED_REASON));
      } else {
        setupWSConnection(socket, request, { docName: 'room-refused' });
      }
    });
    const session = open('room-refused', url, { refusedRetryMs: 400, acceptedAfterMs: 100 });
    await waitFor(() =>
      expect(session.getState()).toMatchObject({
        connection: 'refused',
        refused: { code: 4409, reason: CLOSED_REASON },
        closed: null,
      }),
    );
    await new Promise((r) => setTimeout(r, 250));
    expect(connections).toBe(1);
    expect(session.getState().connection).toBe('refused');

    await waitFor(() => expect(connections).toBe(2)); // the slow retry, refused again
    await waitFor(() => expect(session.getState().connection).toBe('refused'));

    refusing = false;
    session.retry();
    await waitFor(() =>
      expect(session.getState()).toMatchObject({ connection: 'connected', refused: null }),
    );
    expect(connections).toBe(3);
  });

  it('older servers: stays refused when a retry syncs and is then closed with 4409 again', async () => {
    let connections = 0;
    const url = await startSocketServer((socket, request) => {
      connections++;
      // The real server sends its state first and refuses once it has read ours.
      setupWSConnection(socket, request, { docName: 'room-refused2' });
      setTimeout(() => socket.close(4409, CLOSED_REASON), 30);
    });
    const session = open('room-refused2', url, { refusedRetryMs: 100, acceptedAfterMs: 300 });
    await waitFor(() => expect(session.getState().connection).toBe('refused'));
    const seen: string[] = [];
    session.subscribe(() => seen.push(session.getState().connection));

    await waitFor(() => expect(connections).toBeGreaterThanOrEqual(3), { timeout: 3000 });
    expect(seen.filter((connection) => connection !== 'refused')).toEqual([]);
    expect(session.getState().refused).toEqual({ code: 4409, reason: CLOSED_REASON });
  });
});

describe('createSyncSession: refused by the server, still in the room', () => {
  async function closedRoomWithTwo() {
    const room = await startRefusingRoom();
    closers.push(room.stop);
    createAnalysis(room.doc, { title: 'Refused', problem: 'Why?' }, makeOrigin('server'));
    const ada = open('room', room.url);
    const bea = open('room', room.url, { acceptedAfterMs: 100 });
    ada.awareness.setLocalStateField('user', { name: 'Ada' });
    await waitFor(() => expect([ada, bea].map((s) => s.getState().synced)).toEqual([true, true]));
    room.close(CLOSED_REASON);
    return { room, ada, bea };
  }

  it('says why, keeps the socket open with the room live, and sends nothing again', async () => {
    const { room, ada, bea } = await closedRoomWithTwo();
    editProblem(bea.doc, { text: 'Why? Typed by Bea' }, makeOrigin('local', 'Bea'));
    await waitFor(() =>
      expect(bea.getState()).toMatchObject({
        connection: 'refused',
        refused: { code: 4409, reason: CLOSED_REASON },
        closed: null,
      }),
    );
    // Still in the room: presence and accepted edits of others keep arriving.
    ada.awareness.setLocalStateField('selectedId', 'problem');
    await waitFor(() =>
      expect(bea.awareness.getStates().get(ada.doc.clientID)).toMatchObject({
        user: { name: 'Ada' },
        selectedId: 'problem',
      }),
    );
    addWhy(room.doc, { parentId: null, text: 'Accepted from elsewhere' }, makeOrigin('server'));
    await waitFor(() =>
      expect(Object.values(readAnalysis(bea.doc).whys).map((why) => why.text)).toEqual([
        'Accepted from elsewhere',
      ]),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(room.connections()).toBe(2);
    expect(bea.getState().connection).toBe('refused');
    expect(readAnalysis(room.doc).problem).toBe('Why?');
    expect(readAnalysis(ada.doc).problem).toBe('Why?');
  });

  it('is accepted again without reconnecting once the analysis reopens: the kept edit reaches everyone', async () => {
    const { room, ada, bea } = await closedRoomWithTwo();
    editProblem(bea.doc, { text: 'Why? Kept by Bea' }, makeOrigin('local', 'Bea'));
    await waitFor(() => expect(bea.getState().connection).toBe('refused'));

    room.reopen();
    await waitFor(() =>
      expect(bea.getState()).toMatchObject({ connection: 'connected', refused: null }),
    );
    await waitFor(() => expect(readAnalysis(ada.doc).problem).toBe('Why? Kept by Bea'));
    expect(readAnalysis(room.doc).problem).toBe('Why? Kept by Bea');
    expect(room.connections()).toBe(2);
  });

  it('"Try again now" sends the kept edit on a fresh socket: refused again while closed, through once open', async () => {
    const { room, bea } = await closedRoomWithTwo();
    editProblem(bea.doc, { text: 'Why? Retried' }, makeOrigin('local', 'Bea'));
    await waitFor(() => expect(bea.getState().connection).toBe('refused'));
    const seen: string[] = [];
    bea.subscribe(() => seen.push(bea.getState().connection));

    bea.retry();
    await waitFor(() => expect(room.connections()).toBe(3));
    await new Promise((r) => setTimeout(r, 300)); // longer than acceptedAfterMs
    expect(bea.getState().refused).toEqual({ code: 4409, reason: CLOSED_REASON });
    expect(seen.filter((connection) => connection !== 'refused')).toEqual([]);

    room.reopen();
    await waitFor(() => expect(readAnalysis(room.doc).problem).toBe('Why? Retried'));
    await waitFor(() => expect(bea.getState()).toMatchObject({ connection: 'connected' }));
  });

  it('after a dropped connection, shows "offline" while still refused, then is accepted on the new socket', async () => {
    const { room, bea } = await closedRoomWithTwo();
    editProblem(bea.doc, { text: 'Why? Kept offline' }, makeOrigin('local', 'Bea'));
    await waitFor(() => expect(bea.getState().connection).toBe('refused'));
    const seen: string[] = [];
    bea.subscribe(() => seen.push(bea.getState().connection));

    room.dropSockets();
    room.reopen(); // while the sockets are gone: nobody is asked, the new socket sends it itself
    await waitFor(() =>
      expect(bea.getState()).toMatchObject({ connection: 'connected', refused: null }),
    );
    expect(seen[0]).toBe('offline');
    expect(seen.at(-1)).toBe('connected');
    expect(readAnalysis(room.doc).problem).toBe('Why? Kept offline');
  });
});
