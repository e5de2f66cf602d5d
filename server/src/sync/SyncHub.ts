import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { makeOrigin, migrateDocument, readAnalysis, type AnalysisSnapshot } from '@whychain/shared';
import type { Logger } from '../log';
import type { DocumentStore } from '../storage/DocumentStore';
import { CLOSE, Connection } from './Connection';
import { decodeClientMessage, encodeUpdate } from './protocol';
import { Room, WriteRefused } from './Room';

export interface SyncHubOptions {
  store: DocumentStore;
  log: Logger;
  /** Compact a document's log into a snapshot once it holds this many updates. */
  compactAfter?: number;
}

const serverOrigin = makeOrigin('server', 'Whychain');
/** Messages kept per socket while its analysis loads; a client sends a handful. */
const MAX_EARLY_MESSAGES = 256;

interface PendingUpdate {
  room: Room;
  update: Uint8Array;
  origin: unknown;
}

/**
 * Loads analyses into rooms, wires sockets to them and makes every update durable before it is
 * relayed: updates received during one event-loop turn are written in one transaction, then sent
 * on. A room is loaded completely before its first socket syncs and unloaded (after compaction)
 * when its last socket leaves.
 */
export class SyncHub {
  private readonly rooms = new Map<string, Promise<Room | undefined>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private pending: PendingUpdate[] = [];
  private flushing: Promise<void> | null = null;
  private flushScheduled = false;
  private closing = false;
  private readonly compactAfter: number;

  constructor(private readonly options: SyncHubOptions) {
    this.compactAfter = options.compactAfter ?? 500;
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
      room.then(
        (r) => r === undefined && this.rooms.get(id) === room && this.rooms.delete(id),
        () => this.rooms.get(id) === room && this.rooms.delete(id),
      );
    }
    return room;
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

  private async readStored(id: string) {
    await this.unloading.get(id);
    const stored = await this.options.store.load(id);
    if (!stored) return undefined;
    const doc = new Y.Doc({ gc: true });
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    });
    return { doc, stored };
  }

  private async load(id: string): Promise<Room | undefined> {
    const loaded = await this.readStored(id);
    if (!loaded) return undefined;
    const { doc, stored } = loaded;
    const room = new Room(
      id,
      doc,
      { lastSeq: stored.lastSeq, logLength: stored.updates.length },
      (room, update, origin) => this.enqueue(room, update, origin),
    );
    // Migrate before anyone syncs; the migration is stored like any other update.
    const migrated = migrateDocument(doc, serverOrigin);
    if (!migrated.ok)
      this.options.log('warn', 'not migrated', { analysisId: id, why: migrated.reason });
    else if (migrated.from !== migrated.to) {
      this.options.log('info', 'migrated', {
        analysisId: id,
        from: migrated.from,
        to: migrated.to,
      });
    }
    return room;
  }

  /**
   * Serves one sync socket for analysis `id`. Messages that arrive while the document loads are
   * kept and handled in order once it has loaded.
   */
  connect(ws: WebSocket, id: string, canWrite: boolean, label: string): void {
    const conn = new Connection(ws, canWrite, label);
    if (this.closing) {
      conn.close(CLOSE.shuttingDown, 'Server shutting down');
      return;
    }
    const early: Uint8Array[] = [];
    let room: Room | undefined;
    let closed = false;

    const handle = (data: Uint8Array) => {
      if (!room) return;
      let message;
      try {
        message = decodeClientMessage(data);
      } catch (err) {
        const why = `Malformed sync message: ${(err as Error).message}`;
        this.options.log('warn', 'closing socket', { analysisId: id, client: label, why });
        conn.close(CLOSE.malformed, why);
        return;
      }
      try {
        room.receive(conn, message);
      } catch (err) {
        if (err instanceof WriteRefused) {
          this.options.log('info', 'write refused', {
            analysisId: id,
            client: label,
            why: err.message,
          });
          conn.close(CLOSE.readOnly, err.message);
          return;
        }
        const why = `Sync message rejected: ${(err as Error).message}`;
        this.options.log('warn', 'closing socket', { analysisId: id, client: label, why });
        conn.close(CLOSE.malformed, why);
      }
    };

    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      if (!isBinary) {
        conn.close(CLOSE.malformed, 'Malformed sync message: expected binary frames');
        return;
      }
      if (room) handle(bytes);
      else if (early.length < MAX_EARLY_MESSAGES) early.push(bytes);
      else conn.close(CLOSE.tooLarge, 'Too many messages before the analysis loaded.');
    });
    ws.on('pong', () => conn.pong());
    ws.on('error', (err) => {
      this.options.log('warn', 'socket error', {
        analysisId: id,
        client: label,
        why: err.message,
      });
    });
    ws.on('close', () => {
      closed = true;
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
        this.options.log('error', 'could not load analysis', { analysisId: id, why: err.message });
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
          conn.ws.terminate();
          continue;
        }
        conn.alive = false;
        conn.ws.ping();
      }
    }
  }

  private leave(room: Room, conn: Connection): void {
    room.leave(conn);
    if (room.connections.size === 0) void this.unloadIfIdle(room);
  }

  private enqueue(room: Room, update: Uint8Array, origin: unknown): void {
    this.pending.push({ room, update, origin });
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        void this.flush();
      });
    }
  }

  /** Writes every pending update in one transaction, then relays them. Resolves when all are stored. */
  flush(): Promise<void> {
    const run = async (): Promise<void> => {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        const metaOf = new Map<Room, ReturnType<Room['meta']>>();
        for (const { room } of batch) if (!metaOf.has(room)) metaOf.set(room, room.meta());
        let seqs: number[];
        try {
          seqs = await this.options.store.append(
            batch.map(({ room, update }) => ({ docId: room.id, update, meta: metaOf.get(room) })),
          );
        } catch (err) {
          this.storageFailed(batch, err as Error);
          continue;
        }
        batch.forEach(({ room, update, origin }, i) => {
          room.lastSeq = Math.max(room.lastSeq, seqs[i]!);
          room.logLength++;
          room.relay(encodeUpdate(update), origin);
        });
        for (const room of metaOf.keys()) {
          if (room.logLength >= this.compactAfter && !room.compacting) {
            setTimeout(() => void this.compact(room), 0);
          }
        }
      }
    };
    // A failed run must not block every later flush: the chain always continues.
    this.flushing = (this.flushing ?? Promise.resolve())
      .catch((err: Error) => this.options.log('error', 'flush failed', { why: err.message }))
      .then(run);
    return this.flushing;
  }

  /**
   * A write failed: nothing of it reached the others. Drop the rooms concerned so they reload from
   * disk, and close their sockets; clients keep their edits and send them again on reconnect.
   */
  private storageFailed(batch: PendingUpdate[], err: Error): void {
    const rooms = new Set(batch.map((p) => p.room));
    for (const room of rooms) {
      this.options.log('error', 'could not store updates', {
        analysisId: room.id,
        why: err.message,
      });
      this.rooms.delete(room.id);
      for (const conn of [...room.connections]) {
        conn.close(CLOSE.serverError, 'The server could not save changes; reconnecting.');
      }
      room.destroy();
    }
  }

  /** Replaces a room's update log with one snapshot of its current state. */
  private async compact(room: Room): Promise<void> {
    if (room.compacting || room.destroyed) return;
    room.compacting = true;
    try {
      const upTo = room.lastSeq;
      const before = room.logLength;
      await this.options.store.compact(room.id, Y.encodeStateAsUpdate(room.doc), upTo);
      room.logLength -= before;
    } catch (err) {
      this.options.log('error', 'compaction failed', {
        analysisId: room.id,
        why: (err as Error).message,
      });
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
    this.rooms.delete(room.id);
    const done = (async () => {
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
