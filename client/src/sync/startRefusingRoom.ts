/**
 * Test support: one room on a real WebSocket server speaking the y-websocket protocol the way
 * Whychain's server refuses changes. While "closed", a change that would alter the document is
 * refused with an auth message (y-protocols' permission denied, with the reason) and the socket
 * stays open, still receiving others' edits and presence. On reopen, every socket refused is sent
 * sync step 1, and once a change from it is accepted it is told so (auth sub-type 1).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import * as Y from 'yjs';
import { AUTH } from './readAuthMessage';

const MESSAGE = { sync: 0, awareness: 1, auth: 2 } as const;

export interface RefusingRoom {
  /** The URL to give `createSyncSession` as `serverUrl`. */
  readonly url: string;
  /** The room's document: what the server accepted. */
  readonly doc: Y.Doc;
  /** Sockets that have connected so far. */
  connections(): number;
  /** From now on changes are refused with this reason. */
  close(reason: string): void;
  /** Changes are accepted again; the sockets refused are asked for what they kept. */
  reopen(): void;
  /** Ends every socket (as if the network dropped them) without stopping the server. */
  dropSockets(): void;
  stop(): Promise<void>;
}

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Whether applying `update` would change `doc` (a first sync's empty update does not). */
function wouldChange(doc: Y.Doc, update: Uint8Array): boolean {
  const probe = new Y.Doc();
  Y.applyUpdate(probe, Y.encodeStateAsUpdate(doc));
  let changed = false;
  probe.on('update', () => (changed = true));
  Y.applyUpdate(probe, update);
  probe.destroy();
  return changed;
}

/** Starts the room on a free port of 127.0.0.1. */
export async function startRefusingRoom(): Promise<RefusingRoom> {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(null);
  const sockets = new Set<ServerSocket>();
  const refused = new Set<ServerSocket>();
  let closedReason: string | null = null;
  let connections = 0;

  const send = (socket: ServerSocket, data: Uint8Array) => {
    if (socket.readyState === socket.OPEN) socket.send(data);
  };
  const stepOne = () =>
    message((e) => {
      encoding.writeVarUint(e, MESSAGE.sync);
      syncProtocol.writeSyncStep1(e, doc);
    });
  const auth = (subType: number, reason: string) =>
    message((e) => {
      encoding.writeVarUint(e, MESSAGE.auth);
      encoding.writeVarUint(e, subType);
      encoding.writeVarString(e, reason);
    });

  doc.on('update', (update: Uint8Array, origin: unknown) => {
    const relayed = message((e) => {
      encoding.writeVarUint(e, MESSAGE.sync);
      syncProtocol.writeUpdate(e, update);
    });
    for (const socket of sockets) if (socket !== origin) send(socket, relayed);
  });
  awareness.on(
    'update',
    (
      { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
      origin: unknown,
    ) => {
      const changed = [...added, ...updated, ...removed];
      const relayed = message((e) => {
        encoding.writeVarUint(e, MESSAGE.awareness);
        encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, changed));
      });
      for (const socket of sockets) if (socket !== origin) send(socket, relayed);
    },
  );

  const receiveUpdate = (socket: ServerSocket, update: Uint8Array) => {
    if (!wouldChange(doc, update)) return;
    if (closedReason !== null) {
      refused.add(socket);
      send(socket, auth(AUTH.permissionDenied, closedReason));
      return;
    }
    Y.applyUpdate(doc, update, socket);
    if (refused.delete(socket)) send(socket, auth(AUTH.accepted, ''));
  };

  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (socket) => {
    connections++;
    sockets.add(socket);
    const clientIds = new Set<number>();
    socket.on('close', () => {
      sockets.delete(socket);
      refused.delete(socket);
      awarenessProtocol.removeAwarenessStates(awareness, [...clientIds], null);
    });
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE.sync) {
        const subType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (subType === syncProtocol.messageYjsSyncStep1) {
          send(
            socket,
            message((e) => {
              encoding.writeVarUint(e, MESSAGE.sync);
              syncProtocol.writeSyncStep2(e, doc, payload);
            }),
          );
        } else {
          receiveUpdate(socket, payload);
        }
      } else if (type === MESSAGE.awareness) {
        const update = decoding.readVarUint8Array(decoder);
        const entries = decoding.createDecoder(update);
        const count = decoding.readVarUint(entries);
        for (let i = 0; i < count; i++) {
          clientIds.add(decoding.readVarUint(entries));
          decoding.readVarUint(entries);
          decoding.readVarString(entries);
        }
        awarenessProtocol.applyAwarenessUpdate(awareness, update, socket);
      }
    });
    send(socket, stepOne());
    if (awareness.getStates().size > 0) {
      send(
        socket,
        message((e) => {
          encoding.writeVarUint(e, MESSAGE.awareness);
          encoding.writeVarUint8Array(
            e,
            awarenessProtocol.encodeAwarenessUpdate(awareness, [...awareness.getStates().keys()]),
          );
        }),
      );
    }
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/sync`;

  let stopped: Promise<void> | null = null;
  return {
    url,
    doc,
    connections: () => connections,
    close(reason) {
      closedReason = reason;
    },
    reopen() {
      closedReason = null;
      for (const socket of refused) send(socket, stepOne());
    },
    dropSockets() {
      for (const socket of sockets) socket.terminate();
    },
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        for (const socket of wss.clients) socket.terminate();
        wss.close();
        awareness.destroy();
        http.close(() => resolve());
      })),
  };
}
