import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import {
  makeOrigin,
  migrateDocument,
  pauseTimerOnEmptyRoom,
  readAnalysis,
  type AnalysisSnapshot,
} from '@whychain/shared';
import type { Logger } from '../log';
import type { ServerMetrics } from '../metrics';
import type { DocumentMeta, DocumentStore } from '../storage/DocumentStore';
import { CLOSE, Connection } from './Connection';
import { applyInSlices, encodeInSlices } from './slices';
import { decodeClientMessage } from './protocol';
import { Room, type RoomHost } from './Room';

export interface SyncHubOptions {
  store: DocumentStore;
  log: Logger;
  metrics: ServerMetrics;
  /** Compact a document's log into a snapshot once it holds this many updates. */
  compactAfter?: number;
  /** The largest a document may grow in storage; an update that would pass it is refused. */
  maxDocumentBytes?: number;
  /** Bytes of messages kept per socket while its analysis loads. */
  earlyMessageBytes?: number;
  /** Told of each stored update's analysis (for jobs that follow documents, e.g. summaries). */
  onStored?(analysisId: string): void;
}

export const DEFAULT_MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
const serverOrigin = makeOrigin('server', 'Whychain');

interface PendingUpdate {
  room: Room;
  update: Uint8Array;
  meta: DocumentMeta | undefined;
  message: Uint8Array;
  origin: Connection | null;
  receivedAt: number;
}

/**
 * Loads analyses into rooms, wires sockets to them and stores every update before it is relayed.
 * - relaxed durability: an update is written to the store (its log, in the OS) in the message
 *   handler and relayed at once, without waiting a turn (under a burst, the rest of the turn's
 *   updates share one commit at its end); the store flushes to disk off this path.
 * - strict durability: updates received during one event-loop turn are written in one
 *   transaction, flushed to disk, then relayed.
 * A room is loaded completely before its first socket syncs and unloaded (after compaction)
 * when its last socket leaves. A storage error is confined to the room it happened in.
 */
export class SyncHub implements RoomHost {
  readonly log: Logger;
  readonly metrics: ServerMetrics;
  readonly maxDocumentBytes: number;
  private readonly rooms = new Map<string, Promise<Room | undefined>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private pending: PendingUpdate[] = [];
  private flushing: Promise<void> | null = null;
  private flushScheduled = false;
  /** Relaxed durability: an update was already written in this event-loop turn. */
  private burst = false;
  private closing = false;
  private readonly compactAfter: number;
  private readonly earlyMessageBytes: number;
  private readonly immediate: boolean;

  constructor(private readonly options: SyncHubOptions) {
    this.log = options.log;
    this.metrics = options.metrics;
    this.compactAfter = options.compactAfter ?? 500;
    this.maxDocumentBytes = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
    this.earlyMessageBytes = options.earlyMessageBytes ?? 4 * 1024 * 1024;
    this.immediate = options.store.durability === 'relaxed';
  }

  /** Number of analyses loaded in memory. */
  get loadedCount(): number {
    return this.rooms.size;
  }

  /** The loaded room of an analysis, loading it if needed; undefined when it does not exist. */
  open(id: string): Promise<Room | undefined> {
    let room = this.rooms.get(id);
    if (!room) {
      room = this.load(id);
      this.rooms.set(id, room);
      this.metrics.loadedAnalyses.set(this.rooms.size);
      room.then(
        (r) => r === undefined && this.forget(id, room!),
        () => this.forget(id, room!),
      );
    }
    return room;
  }

  private forget(id: string, room: Promise<Room | undefined>): void {
    if (this.rooms.get(id) === room) this.rooms.delete(id);
    this.metrics.loadedAnalyses.set(this.rooms.size);
  }

  /** A read-only snapshot of an analysis, from memory when loaded, else from storage. */
  async snapshot(id: string): Promise<AnalysisSnapshot | undefined> {
    const loaded = await this.rooms.get(id);
    if (loaded) return readAnalysis(loaded.doc);
    const stored = await this.readStored(id);
    if (!stored) return undefined;
    const snapshot = readAnalysis(stored.doc);
    stored.doc.destroy();
    return snapshot;
  }

  /**
   * Rebuilds a stored document. The snapshot's parts and the log are applied in slices with a
   * turn of the event loop between them, so that loading a big analysis does not stall the
   * other rooms (a part is small enough to apply in a few milliseconds; a snapshot stored in one
   * piece by an older version is applied in one go, until its next compaction splits it).
   */
  private async readStored(id: string) {
    await this.unloading.get(id);
    const doc = new Y.Doc({ gc: true });
    // Applied as the store reads it, so the log is never held in memory whole.
    const stored = await this.options.store.load(id, (chunk) => applyInSlices(doc, chunk));
    if (!stored) {
      doc.destroy();
      return undefined;
    }
    return { doc, stored };
  }

  private async load(id: string): Promise<Room | undefined> {
    const loaded = await this.readStored(id);
    if (!loaded) return undefined;
    const { doc, stored } = loaded;
    const room = new Room(
      id,
      doc,
      { lastSeq: stored.lastSeq, logLength: stored.logLength, bytes: stored.bytes },
      this,
    );
    // Migrate before anyone syncs; the migration is stored like any other update.
    room.serverChange(() => {
      const migrated = migrateDocument(doc, serverOrigin);
      if (!migrated.ok) this.log('warn', 'not migrated', { analysisId: id, why: migrated.reason });
      else if (migrated.from !== migrated.to) {
        this.log('info', 'migrated', { analysisId: id, from: migrated.from, to: migrated.to });
      }
    });
    return room;
  }

  /**
   * Serves one sync socket for analysis `id`. Messages that arrive while the document loads are
   * kept (up to a byte budget) and handled in order once it has loaded.
   */
  connect(ws: WebSocket, id: string, canWrite: boolean, label: string): void {
    const conn = new Connection(ws, canWrite, label, this.metrics);
    if (this.closing) {
      conn.close(CLOSE.shuttingDown, 'Server shutting down');
      return;
    }
    this.metrics.sockets.inc();
    const early: Uint8Array[] = [];
    let earlyBytes = 0;
    let room: Room | undefined;
    let closed = false;

    const handle = (data: Uint8Array) => {
      if (!room) return;
      let message;
      try {
        message = decodeClientMessage(data);
      } catch (err) {
        const why = `Malformed sync message: ${(err as Error).message}`;
        this.log('warn', 'closing socket', { analysisId: id, client: label, why });
        conn.close(CLOSE.malformed, why);
        return;
      }
      try {
        room.receive(conn, message, data);
      } catch (err) {
        const why = `Sync message rejected: ${(err as Error).message}`;
        this.log('warn', 'closing socket', { analysisId: id, client: label, why });
        conn.close(CLOSE.malformed, why);
      }
    };

    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      this.metrics.bytesIn.inc(data.byteLength);
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      if (!isBinary) {
        conn.close(CLOSE.malformed, 'Malformed sync message: expected binary frames');
        return;
      }
      if (room) handle(bytes);
      else if (earlyBytes + bytes.byteLength <= this.earlyMessageBytes) {
        early.push(bytes);
        earlyBytes += bytes.byteLength;
      } else conn.close(CLOSE.tooLarge, 'Too much sent before the analysis loaded.');
    });
    ws.on('pong', () => conn.pong());
    ws.on('error', (err: Error & { code?: string }) => {
      // ws closes the socket itself on a protocol error (1009 for a message over the limit).
      const tooLarge = err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';
      this.metrics.closed(tooLarge ? 'too_large' : 'malformed');
      this.log('warn', 'socket error', { analysisId: id, client: label, why: err.message });
    });
    ws.on('close', () => {
      closed = true;
      this.metrics.sockets.dec();
      conn.dispose();
      if (room) this.leave(room, conn);
    });

    this.open(id).then(
      (loaded) => {
        if (closed) {
          if (loaded && loaded.connections.size === 0) void this.unloadIfIdle(loaded);
          return;
        }
        if (!loaded) {
          conn.close(CLOSE.unknownAnalysis, `Unknown analysis ${id}`);
          return;
        }
        room = loaded;
        room.join(conn);
        for (const data of early.splice(0)) handle(data);
      },
      (err: Error) => {
        this.log('error', 'could not load analysis', { analysisId: id, why: err.message });
        this.metrics.closed('load_failed');
        conn.close(CLOSE.serverError, 'The analysis could not be loaded; try again shortly.');
      },
    );
  }

  /** Pings every socket; one that did not answer the previous ping is dropped. */
  async heartbeat(): Promise<void> {
    for (const roomPromise of [...this.rooms.values()]) {
      const room = await roomPromise.catch(() => undefined);
      for (const conn of room?.connections ?? []) {
        if (!conn.alive) {
          conn.terminate();
          continue;
        }
        conn.alive = false;
        conn.ws.ping();
      }
    }
  }

  private leave(room: Room, conn: Connection): void {
    room.leave(conn);
    if (room.connections.size > 0) return;
    // Nobody is left in the meeting: a running timer stops now, so the time the room stands
    // empty is not counted. Not on shutdown: people are still there and reconnect.
    if (!this.closing && !room.destroyed) {
      room.serverChange(() => pauseTimerOnEmptyRoom(room.doc, serverOrigin));
    }
    void this.unloadIfIdle(room);
  }

  persist(
    room: Room,
    update: Uint8Array,
    meta: DocumentMeta | undefined,
    message: Uint8Array,
    origin: Connection | null,
    receivedAt: number,
  ): void {
    const entry = { room, update, meta, message, origin, receivedAt };
    if (this.immediate && !this.burst) {
      // The first update of an event-loop turn is written and relayed at once; any more in the
      // same turn (a burst: the loop was busy while they came) share one commit at its end.
      this.burst = true;
      setImmediate(() => {
        this.burst = false;
        if (this.pending.length > 0) void this.flush();
      });
      const results = this.options.store.append([{ docId: room.id, update, meta }]);
      if (Array.isArray(results)) this.settle([entry], results);
      else {
        // An engine that cannot write synchronously: relay once its write resolves, in order.
        this.flushing = (this.flushing ?? Promise.resolve()).then(async () =>
          this.settle([entry], await results),
        );
      }
      return;
    }
    this.pending.push(entry);
    if (this.immediate) return; // flushed when the burst's turn ends (above)
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        void this.flush();
      });
    }
  }

  /** Relays what was stored; drops the rooms whose write failed (they reload from storage). */
  private settle(batch: PendingUpdate[], results: readonly { ok: boolean }[]): void {
    const failed = new Map<Room, Error>();
    batch.forEach((entry, i) => {
      const result = results[i] as { ok: true; seq: number } | { ok: false; error: Error };
      const { room } = entry;
      if (!result.ok) {
        if (!failed.has(room)) failed.set(room, result.error);
        return;
      }
      if (failed.has(room) || room.destroyed) return;
      room.lastSeq = Math.max(room.lastSeq, result.seq);
      room.logLength++;
      room.relay(entry.message, entry.origin);
      this.metrics.receiveToRelay.observe((performance.now() - entry.receivedAt) / 1000);
      this.options.onStored?.(room.id);
      if (room.logLength >= this.compactAfter && !room.compacting) {
        room.compacting = true;
        setTimeout(() => void this.compact(room, true), 0);
      }
    });
    for (const [room, err] of failed) this.storageFailed(room, err);
  }

  /** Writes every pending update in one transaction, then relays them. Resolves when all are stored. */
  flush(): Promise<void> {
    const run = async (): Promise<void> => {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        const results = await this.options.store.append(
          batch.map(({ room, update, meta }) => ({ docId: room.id, update, meta })),
        );
        this.settle(batch, results);
      }
    };
    // A failed run must not block every later flush: the chain always continues.
    this.flushing = (this.flushing ?? Promise.resolve())
      .catch((err: Error) => this.log('error', 'flush failed', { why: err.message }))
      .then(run);
    return this.flushing;
  }

  /**
   * A write failed: nothing of it reached the others. Drop the room so it reloads from storage,
   * and close its sockets; clients keep their edits and send them again on reconnect. Other
   * rooms are not touched.
   */
  private storageFailed(room: Room, err: Error): void {
    this.log('error', 'could not store updates', { analysisId: room.id, why: err.message });
    // The room is live, so the entry under its id is its own.
    const current = this.rooms.get(room.id);
    if (current && !room.destroyed) this.forget(room.id, current);
    for (const conn of [...room.connections]) {
      conn.close(CLOSE.serverError, 'The server could not save changes; reconnecting.');
    }
    room.destroy();
  }

  /**
   * Replaces a room's update log with a snapshot of its current state, encoded in parts a slice
   * of the event loop at a time (PartEncoder) and stored as they come: a big analysis never
   * holds the loop for the whole encoding. Updates that arrive meanwhile go to the log after
   * `upTo` as usual; the parts hold at least the state at `upTo`, so nothing is lost.
   */
  private async compact(room: Room, claimed = false): Promise<void> {
    if ((room.compacting && !claimed) || room.destroyed) return;
    room.compacting = true;
    try {
      const upTo = room.lastSeq;
      const before = room.logLength;
      const bytesBefore = room.bytes;
      const written = await this.options.store.compact(
        room.id,
        encodeInSlices(room.doc, () => room.destroyed),
        upTo,
      );
      if (written === null) return;
      room.logLength -= before;
      // What was stored meanwhile is still in the log on top of the snapshot.
      room.bytes = written + (room.bytes - bytesBefore);
    } catch (err) {
      this.log('error', 'compaction failed', { analysisId: room.id, why: (err as Error).message });
    } finally {
      room.compacting = false;
    }
  }

  private async unloadIfIdle(room: Room): Promise<void> {
    await this.flush();
    if (this.closing) return;
    const current = this.rooms.get(room.id);
    if (room.connections.size > 0 || !current || (await current.catch(() => null)) !== room) {
      return;
    }
    if (room.connections.size > 0) return;
    this.forget(room.id, current);
    const done = (async () => {
      while (room.compacting) await new Promise((resolve) => setTimeout(resolve, 5));
      if (room.logLength > 0) await this.compact(room);
      room.destroy();
    })();
    this.unloading.set(room.id, done);
    await done;
    if (this.unloading.get(room.id) === done) this.unloading.delete(room.id);
  }

  /** Closes every socket, stores what is pending and unloads every room. */
  async close(): Promise<void> {
    this.closing = true;
    const rooms = (await Promise.all(this.rooms.values())).filter((r): r is Room => !!r);
    for (const room of rooms) {
      for (const conn of [...room.connections])
        conn.close(CLOSE.shuttingDown, 'Server shutting down');
    }
    await this.flush();
    for (const room of rooms) {
      if (room.logLength > 0) await this.compact(room);
      room.destroy();
    }
    this.rooms.clear();
    await Promise.all(this.unloading.values());
  }
}
