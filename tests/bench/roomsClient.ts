/**
 * Child-process entry of the many-rooms and big-document benches: joins some rooms with
 * `socketsPerRoom` lean clients each (rawClient.ts); in each room client 0 types into one why
 * every `intervalMs` and the others receive. Writer and receivers of a room live in this one
 * process, so their hrtime clocks compare. Driven by the parent over IPC:
 *
 *   setup -> ready          join every room, the writer adds the why everyone will see typed into
 *   start                   writers start typing, each at its own random phase
 *   window-start            count the edits sent from now on (and this process's CPU time)
 *   window-end -> window    stop counting; after a grace period for late arrivals, report the
 *                           delays of the counted edits at every receiver (typing goes on)
 *   stop                    stop typing, close every socket and exit
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import * as Y from 'yjs';
import {
  addWhy,
  createAnalysis,
  editWhyText,
  makeOrigin,
  whyOf,
  type WhyId,
} from '@whychain/shared';
import { RawClient } from './rawClient';

export interface ClientSetup {
  type: 'setup';
  url: string;
  rooms: { room: string; initialized: boolean }[];
  socketsPerRoom: number;
  intervalMs: number;
}

export type ParentMessage =
  | ClientSetup
  | { type: 'start' }
  | { type: 'window-start' }
  | { type: 'window-end' }
  | { type: 'stop' };

export type ChildMessage =
  | { type: 'ready' }
  | {
      type: 'window';
      /** Edit-to-arrival delays of the counted edits, ms, one per receiver per edit. */
      delays: number[];
      /** Arrivals of counted edits still missing after the grace period. */
      missing: number;
      edits: number;
      /** CPU time of this process during the window (user + system) and the window's length, ms. */
      cpuMs: number;
      wallMs: number;
      /** Longest event-loop stall of this process during the window, ms. */
      loopMax: number;
    }
  | { type: 'failed'; message: string };

interface Edit {
  target: number;
  sentAt: bigint;
  counted: boolean;
  left: number;
}

interface TypedRoom {
  writer: RawClient;
  receivers: { client: RawClient; next: number }[];
  whyId: WhyId;
  text: string;
  /** Edits not yet at every receiver; `base` is the number of the first. */
  edits: Edit[];
  base: number;
  sent: number;
  timer?: NodeJS.Timeout;
}

const origin = makeOrigin('local', 'bench-writer');
const GRACE_MS = 2_000;
const TEXT_WRAP = 80;
const rooms: TypedRoom[] = [];
let intervalMs = 200;
let counting = false;
let countedEdits = 0;
let delays: number[] = [];
let windowCpu = process.cpuUsage();
let windowStart = 0;
const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();

function send(message: ChildMessage): void {
  if (process.connected) process.send?.(message);
}

async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** Moves a receiver past every edit its document now holds, recording their delays. */
function arrived(room: TypedRoom, receiver: TypedRoom['receivers'][number]): void {
  const now = process.hrtime.bigint();
  const have = Y.getState(receiver.client.doc.store, room.writer.doc.clientID);
  while (receiver.next < room.sent) {
    const edit = room.edits[receiver.next - room.base]!;
    if (have < edit.target) break;
    if (edit.counted) delays.push(Number(now - edit.sentAt) / 1e6);
    edit.left--;
    receiver.next++;
  }
  while (room.edits.length > 0 && room.edits[0]!.left === 0) {
    room.edits.shift();
    room.base++;
  }
}

async function joinRoom(setup: ClientSetup, room: string, initialized: boolean) {
  const clients = Array.from(
    { length: setup.socketsPerRoom },
    () => new RawClient(setup.url, room),
  );
  await Promise.all(clients.map((c) => c.synced));
  const writer = clients[0]!;
  if (!initialized) {
    const created = createAnalysis(writer.doc, { title: 'Bench', problem: 'Why so slow?' }, origin);
    if (!created.ok) throw new Error(created.reason);
  }
  const why = addWhy(writer.doc, { parentId: null, text: '' }, origin);
  if (!why.ok) throw new Error(why.reason);
  await until(() => clients.every((c) => whyOf(c.doc, why.id) !== undefined), `room ${room}`);
  const typed: TypedRoom = {
    writer,
    receivers: clients.slice(1).map((client) => ({ client, next: 0 })),
    whyId: why.id,
    text: '',
    edits: [],
    base: 0,
    sent: 0,
  };
  for (const receiver of typed.receivers) {
    receiver.client.onRemote = () => arrived(typed, receiver);
  }
  rooms.push(typed);
}

function typeOne(room: TypedRoom): void {
  const letter = 'abcdefghijklmnopqrstuvwxyz '[room.sent % 27]!;
  room.text = room.text.length >= TEXT_WRAP ? letter : room.text + letter;
  const sentAt = process.hrtime.bigint();
  const edited = editWhyText(room.writer.doc, { whyId: room.whyId, text: room.text }, origin);
  if (!edited.ok) throw new Error(edited.reason);
  const target = Y.getState(room.writer.doc.store, room.writer.doc.clientID);
  room.edits.push({ target, sentAt, counted: counting, left: room.receivers.length });
  room.sent++;
  if (counting) countedEdits++;
}

function start(): void {
  for (const room of rooms) {
    setTimeout(() => {
      typeOne(room);
      room.timer = setInterval(() => typeOne(room), intervalMs);
    }, Math.random() * intervalMs);
  }
}

async function endWindow(): Promise<void> {
  counting = false;
  const cpu = process.cpuUsage(windowCpu);
  const wallMs = performance.now() - windowStart;
  const loopMax = loop.max / 1e6;
  const pending = () => rooms.some((r) => r.edits.some((e) => e.counted && e.left > 0));
  const graceStart = Date.now();
  while (pending() && Date.now() - graceStart < GRACE_MS) await sleep(20);
  let missing = 0;
  for (const room of rooms) {
    for (const e of room.edits) if (e.counted) missing += e.left;
  }
  send({
    type: 'window',
    delays,
    missing,
    edits: countedEdits,
    cpuMs: (cpu.user + cpu.system) / 1000,
    wallMs,
    loopMax,
  });
  delays = [];
}

process.on('message', (message: ParentMessage) => {
  const fail = (err: Error) => send({ type: 'failed', message: err.stack ?? err.message });
  try {
    switch (message.type) {
      case 'setup':
        intervalMs = message.intervalMs;
        void (async () => {
          // A few rooms at a time: thousands of handshakes at once only measure the accept queue.
          for (let i = 0; i < message.rooms.length; i += 5) {
            const batch = message.rooms.slice(i, i + 5);
            await Promise.all(batch.map((r) => joinRoom(message, r.room, r.initialized)));
          }
          send({ type: 'ready' });
        })().catch(fail);
        break;
      case 'start':
        start();
        break;
      case 'window-start':
        delays = [];
        countedEdits = 0;
        counting = true;
        windowCpu = process.cpuUsage();
        loop.reset();
        windowStart = performance.now();
        break;
      case 'window-end':
        void endWindow().catch(fail);
        break;
      case 'stop':
        for (const room of rooms) {
          clearInterval(room.timer);
          room.writer.close();
          for (const r of room.receivers) r.client.close();
        }
        setTimeout(() => process.exit(0), 200);
        break;
    }
  } catch (err) {
    fail(err as Error);
  }
});
process.on('disconnect', () => process.exit(0));
