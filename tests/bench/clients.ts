import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  addWhy,
  createAnalysis,
  editWhyText,
  makeOrigin,
  whyOf,
  type Origin,
  type WhyId,
} from '@whychain/shared';
import type { BenchServer } from './servers';

/** One y-websocket client, as a browser tab runs it. */
interface BenchClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  origin: Origin;
  /** Called on every document update applied from the network. */
  onRemote: (() => void) | null;
}

/** N receivers plus one writer, all in one room of one server, editing one why. */
export interface Room {
  server: BenchServer;
  clients: BenchClient[];
  whyId: WhyId;
  /** Edits made so far; the writer of edit i is client i mod clients.length. */
  edits: number;
}

/** The delay of every arrival of every edit, in milliseconds, and edits that never fully arrived. */
export interface Samples {
  delays: number[];
  timeouts: number;
}

const SYNC_TIMEOUT_MS = 20_000;
const ARRIVAL_TIMEOUT_MS = 5_000;

function connect(baseUrl: string, room: string, index: number): BenchClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/sync`, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  // No presence: its periodic renewals would add the same background noise to both servers.
  provider.awareness.setLocalState(null);
  const client: BenchClient = {
    doc,
    provider,
    origin: makeOrigin('local', `c${index}`),
    onRemote: null,
  };
  // y-websocket applies network updates with the provider as origin; keep only those.
  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin === provider) client.onRemote?.();
  });
  return client;
}

function synced(client: BenchClient): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => client.provider.once('sync', () => resolve()));
}

/** Resolves once `check` holds, polling; rejects after `timeoutMs`. */
async function until(check: () => boolean, what: string, timeoutMs = SYNC_TIMEOUT_MS) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** Connects `receivers + 1` clients to a fresh room and adds the why they will edit. */
export async function openRoom(server: BenchServer, receivers: number): Promise<Room> {
  const { room, initialized } = await server.createRoom();
  const clients = Array.from({ length: receivers + 1 }, (_, i) => connect(server.url, room, i));
  await Promise.all(clients.map(synced));
  const first = clients[0]!;
  if (!initialized) {
    const created = createAnalysis(
      first.doc,
      { title: 'Bench', problem: 'Why is the bench slow?' },
      first.origin,
    );
    if (!created.ok) throw new Error(created.reason);
  }
  const why = addWhy(first.doc, { parentId: null, text: 'Because 0' }, first.origin);
  if (!why.ok) throw new Error(why.reason);
  await until(
    () => clients.every((c) => whyOf(c.doc, why.id) !== undefined),
    `${server.kind}: the why at all ${clients.length} clients`,
  );
  return { server, clients, whyId: why.id, edits: 0 };
}

export function closeRoom(room: Room): void {
  for (const client of room.clients) {
    client.provider.destroy();
    client.doc.destroy();
  }
}

/**
 * Makes `editsPerRoom` edits in every room, one at a time, interleaving the rooms edit by edit
 * in a fresh random order per block (so machine drift and noise hit every server alike). The next
 * edit starts once every receiver has the previous one, after a random pause within `gapMs`, so
 * edits are never batched together and do not fall into a rhythm with timers. `betweenBlocks`
 * runs after each block, while no edit is in flight.
 */
export async function measure(
  rooms: readonly Room[],
  editsPerRoom: number,
  gapMs: readonly [number, number],
  betweenBlocks?: () => void,
): Promise<Samples[]> {
  const samples = rooms.map((): Samples => ({ delays: [], timeouts: 0 }));
  for (let i = 0; i < editsPerRoom; i++) {
    for (const r of shuffledIndexes(rooms.length)) {
      if (!(await timeOneEdit(rooms[r]!, samples[r]!.delays))) samples[r]!.timeouts++;
      await sleep(gapMs[0] + Math.random() * (gapMs[1] - gapMs[0]));
    }
    betweenBlocks?.();
  }
  return samples;
}

function shuffledIndexes(length: number): number[] {
  const order = Array.from({ length }, (_, i) => i);
  for (let i = length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** Makes one edit and pushes its arrival delay at every receiver; false when some never got it. */
function timeOneEdit(room: Room, delays: number[]): Promise<boolean> {
  const index = room.edits++;
  const writer = room.clients[index % room.clients.length]!;
  const receivers = room.clients.filter((c) => c !== writer);
  const writerId = writer.doc.clientID;
  let waiting = receivers.length;
  return new Promise<boolean>((resolve) => {
    const finish = (complete: boolean) => {
      clearTimeout(timer);
      for (const r of receivers) r.onRemote = null;
      resolve(complete);
    };
    const timer = setTimeout(() => finish(false), ARRIVAL_TIMEOUT_MS);
    let sentAt = 0n;
    let target = 0;
    for (const receiver of receivers) {
      receiver.onRemote = () => {
        if (Y.getState(receiver.doc.store, writerId) < target) return;
        delays.push(Number(process.hrtime.bigint() - sentAt) / 1e6);
        receiver.onRemote = null;
        if (--waiting === 0) finish(true);
      };
    }
    sentAt = process.hrtime.bigint();
    // Cycles the last digit, so each edit is one deletion and one insertion.
    const text = `Because ${(index + 1) % 10}`;
    const edited = editWhyText(writer.doc, { whyId: room.whyId, text }, writer.origin);
    if (!edited.ok) throw new Error(edited.reason);
    target = Y.getState(writer.doc.store, writerId);
  });
}
