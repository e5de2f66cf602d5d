import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type {
  AppendedUpdate,
  AppendResult,
  DocumentMeta,
  DocumentStore,
  DocumentSummary,
  Durability,
  StoredDocument,
} from './DocumentStore';
import { migrateFile } from '../db/migrate';
import { prepareStatements } from './sqliteStatements';
import { WalFlusher, type FlushEvents } from './WalFlusher';

/**
 * Page size of a new data file. Small pages keep the write of one update small (a WAL frame is
 * one page): measured here, 1 KiB pages commit an update in about half the time of 4 KiB ones.
 * A file made with another page size keeps it.
 */
const NEW_FILE_PAGE_SIZE = 1024;

/**
 * How stale a document's `updated_at` may get while it is being edited. Rewriting that row on
 * every keystroke would add to every commit, which sits on the path of every relayed edit.
 */
const TOUCH_INTERVAL_MS = 1000;
/**
 * Rows read per query when loading a long log, so a big document does not hold one statement:
 * measured here, 5,000 keystroke rows took 13 to 20 ms of CPU per query, 1,000 a fifth of it.
 */
const LOAD_CHUNK = 1000;
/** Rows of a compacted log deleted per statement (2,000 took 4 to 7 ms of CPU, 20 ms of wall). */
const DROP_CHUNK = 500;
/** Snapshot parts (tens of KiB each) read or deleted per statement. */
const PART_CHUNK = 8;
/** Reads of a document interrupted by a compaction before one is made in one go. */
const LOAD_ATTEMPTS = 3;
/** The encoding of an empty document, the snapshot of one compacted from nothing. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

export interface SqliteStoreOptions {
  durability?: Durability;
  /** Relaxed mode: the longest a commit waits for its fdatasync (default 100 ms). */
  flushIntervalMs?: number;
  /** Each append, with how long the write took (the relay waits for it). */
  onWrite?(seconds: number): void;
  events?: FlushEvents;
}

/**
 * The embedded store: one SQLite file in WAL mode.
 * - strict: synchronous=FULL, so a commit is on disk when it returns.
 * - relaxed: synchronous=NORMAL, so a commit is in the WAL (the OS has it; it survives kill -9)
 *   when it returns; a worker thread fdatasyncs the WAL at most `flushIntervalMs` later and runs
 *   the checkpoints on its own connection, so neither ever blocks the event loop.
 */
export class SqliteStore implements DocumentStore {
  readonly durability: Durability;
  readonly path: string;
  private readonly db: Database.Database;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly flusher: WalFlusher | undefined;
  private readonly onWrite: ((seconds: number) => void) | undefined;
  /** The last sequence number given out per document. */
  private readonly seqs = new Map<string, number>();
  /** What the `documents` row of each edited document last said, and when it was written. */
  private readonly touched = new Map<string, DocumentMeta & { at: number }>();

  constructor(
    private readonly dataDir: string,
    options: SqliteStoreOptions = {},
  ) {
    this.durability = options.durability ?? 'relaxed';
    this.onWrite = options.onWrite;
    mkdirSync(dataDir, { recursive: true });
    this.path = join(dataDir, 'whychain.sqlite');
    this.db = new Database(this.path);
    if ((this.db.pragma('user_version', { simple: true }) as number) === 0) {
      this.db.pragma(`page_size = ${NEW_FILE_PAGE_SIZE}`); // before WAL: fixed from then on
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    if (this.durability === 'strict') {
      this.db.pragma('synchronous = FULL');
    } else {
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('wal_autocheckpoint = 0'); // the flusher checkpoints, off the event loop
    }
    migrateFile(this.db);
    this.statements = prepareStatements(this.db);
    if (this.durability === 'relaxed') {
      this.flusher = new WalFlusher(this.path, options.flushIntervalMs ?? 100, options.events);
    }
  }

  /** The connection, for the relational queries (Kysely) that share this file and its flushes. */
  get connection(): Database.Database {
    return this.db;
  }

  /** Counts a commit made on `connection` by others, so that relaxed mode flushes it too. */
  committed(): void {
    this.flusher?.committed();
  }

  async create(id: string, state: Uint8Array, meta: DocumentMeta): Promise<void> {
    const now = Date.now();
    this.statements.insertDoc.run(id, meta.title, meta.status, now, now, state);
    this.flusher?.committed();
  }

  async exists(id: string): Promise<boolean> {
    return this.statements.exists.get(id) !== undefined;
  }

  async load(id: string, each?: LoadConsumer): Promise<StoredDocument | undefined> {
    // Read in chunks with a turn of the event loop between them: other rooms keep working while
    // a big document loads. A compaction that switches snapshots meanwhile (only possible for a
    // read beside the loaded room, such as a listing's) is seen at the end, and the read starts
    // over (a consumer gets the new state on top of what it had: the same updates twice change
    // nothing); the last attempt reads in one go.
    for (let attempt = 1; attempt < LOAD_ATTEMPTS; attempt++) {
      const read = await this.read(id, each, true);
      if (!read) return undefined;
      const now = this.statements.doc.get(id) as SnapshotRow | undefined;
      if (
        now?.snapshot_seq === read.row.snapshot_seq &&
        now.snapshot_gen === read.row.snapshot_gen
      ) {
        return read.stored;
      }
    }
    const read = await this.read(id, undefined, false);
    if (read && each) {
      await each(read.stored.snapshot.concat(read.stored.updates));
      read.stored.snapshot = [];
      read.stored.updates = [];
    }
    return read?.stored;
  }

  /**
   * One read of a document, chunk by chunk: handed to `each` (and not kept), so that a long log
   * is never all in memory while it is applied, or kept, `yielding` a turn between chunks.
   */
  private async read(id: string, each: LoadConsumer | undefined, yielding: boolean) {
    const row = this.statements.doc.get(id) as SnapshotRow | undefined;
    if (!row) return undefined;
    const snapshot: Uint8Array[] = [];
    const updates: Uint8Array[] = [];
    let bytes = 0;
    let logLength = 0;
    const take = async (chunk: Uint8Array[], kept: Uint8Array[]) => {
      if (each) await each(chunk);
      else kept.push(...chunk);
      if (yielding && !each) await new Promise((resolve) => setImmediate(resolve));
    };
    if (row.snapshot_gen !== null) {
      for (let after = -1; ;) {
        const parts = this.statements.parts.all(id, row.snapshot_gen, after, PART_CHUNK) as Array<{
          part: number;
          data: Buffer;
        }>;
        for (const p of parts) bytes += p.data.byteLength;
        await take(
          parts.map((p) => bytesOf(p.data)),
          snapshot,
        );
        if (parts.length < PART_CHUNK) break;
        after = parts[parts.length - 1]!.part;
      }
    } else if (row.snapshot) {
      await take([bytesOf(row.snapshot)], snapshot);
      bytes += row.snapshot.byteLength;
    }
    let lastSeq = row.snapshot_seq;
    for (;;) {
      const rows = this.statements.updates.all(id, lastSeq, LOAD_CHUNK) as Array<{
        seq: number;
        data: Buffer;
      }>;
      for (const r of rows) bytes += r.data.byteLength;
      logLength += rows.length;
      if (rows.length > 0) lastSeq = rows[rows.length - 1]!.seq;
      await take(
        rows.map((r) => bytesOf(r.data)),
        updates,
      );
      if (rows.length < LOAD_CHUNK) break;
    }
    return { row, stored: { snapshot, updates, lastSeq, bytes, logLength } };
  }

  append(updates: readonly AppendedUpdate[]): AppendResult[] {
    const started = performance.now();
    const fast = updates.length === 1 && this.appendOnly(updates[0]!, started);
    if (fast) return [fast];
    const touchedNow = new Map<string, DocumentMeta & { at: number }>();
    const results: AppendResult[] = new Array(updates.length);
    const now = Date.now();
    const seqsNow = new Map<string, number>();
    const writeOne = (i: number) => {
      const { docId, update, meta } = updates[i]!;
      const seq = (seqsNow.get(docId) ?? this.seqs.get(docId) ?? this.lastSeqOf(docId)) + 1;
      this.statements.append.run(docId, seq, update);
      seqsNow.set(docId, seq);
      results[i] = { ok: true, seq };
      const last = touchedNow.get(docId) ?? this.touched.get(docId);
      const title = meta && String(meta.title);
      const status = meta && String(meta.status);
      const changed = meta && (title !== last?.title || status !== last?.status);
      if (!last || changed || now - last.at >= TOUCH_INTERVAL_MS) {
        if (meta) this.statements.touchMeta.run(now, title, status, docId);
        else this.statements.touch.run(now, docId);
        touchedNow.set(docId, {
          title: title ?? last?.title ?? '',
          status: status ?? last?.status ?? '',
          at: now,
        });
      }
    };
    if (updates.length === 1) {
      try {
        this.db.transaction(writeOne)(0);
      } catch (err) {
        results[0] = { ok: false, error: err as Error };
        touchedNow.clear();
        seqsNow.clear();
      }
    } else {
      // One commit for the batch, each document in its own savepoint: a document whose write
      // fails is rolled back alone and the others are stored.
      const byDoc = new Map<string, number[]>();
      updates.forEach(({ docId }, i) => {
        const list = byDoc.get(docId);
        if (list) list.push(i);
        else byDoc.set(docId, [i]);
      });
      const writeDoc = this.db.transaction((indexes: number[]) => indexes.forEach(writeOne));
      this.db.transaction(() => {
        for (const [docId, indexes] of byDoc) {
          try {
            writeDoc(indexes);
          } catch (err) {
            for (const i of indexes) results[i] = { ok: false, error: err as Error };
            touchedNow.delete(docId);
            seqsNow.delete(docId);
          }
        }
      })();
    }
    this.flusher?.committed();
    // Only once the commit succeeded does the cache say what the rows say.
    for (const [docId, entry] of touchedNow) this.touched.set(docId, entry);
    for (const [docId, seq] of seqsNow) this.seqs.set(docId, seq);
    this.onWrite?.((performance.now() - started) / 1000);
    return results;
  }

  /**
   * The common case, a keystroke: one update of a document whose row needs no touch now. One
   * INSERT in autocommit, no transaction around it. Undefined when the general path is needed.
   */
  private appendOnly(appended: AppendedUpdate, started: number): AppendResult | undefined {
    const { docId, update, meta } = appended;
    const last = this.touched.get(docId);
    const seq = this.seqs.get(docId);
    if (meta || !last || seq === undefined || Date.now() - last.at >= TOUCH_INTERVAL_MS) return;
    try {
      this.statements.append.run(docId, seq + 1, update);
    } catch (err) {
      return { ok: false, error: err as Error };
    }
    this.seqs.set(docId, seq + 1);
    this.flusher?.committed();
    this.onWrite?.((performance.now() - started) / 1000);
    return { ok: true, seq: seq + 1 };
  }

  private lastSeqOf(docId: string): number {
    const row = this.statements.lastSeq.get({ id: docId }) as { seq: number } | undefined;
    if (!row) throw new Error(`No stored analysis ${docId}`);
    return row.seq;
  }

  async compact(
    id: string,
    parts: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    upToSeq: number,
  ): Promise<number | null> {
    const pull =
      Symbol.asyncIterator in parts ? parts[Symbol.asyncIterator]() : parts[Symbol.iterator]();
    const first = await pull.next();
    const second = first.done ? first : await pull.next();
    let single: Uint8Array | null = null;
    let gen: number | null = null;
    let bytes = 0;
    if (second.done) {
      // One part: the snapshot column, as before parts existed.
      single = first.done ? EMPTY_UPDATE : first.value;
      bytes = single.byteLength;
    } else {
      // Several: a new generation, a part per statement as the parts come. None of it is read
      // until the switch below; a crash before it leaves rows that the next compaction drops.
      const newGen = (this.statements.nextGen.get(id) as { gen: number }).gen;
      gen = newGen;
      let part = 0;
      const write = (data: Uint8Array) => {
        this.statements.insertPart.run(id, newGen, part++, data);
        bytes += data.byteLength;
        this.flusher?.committed();
      };
      try {
        write(first.value!);
        write(second.value);
        for (let r = await pull.next(); !r.done; r = await pull.next()) write(r.value);
      } catch (err) {
        if (this.db.open) await this.dropParts(this.statements.dropGen, { id, gen: newGen });
        throw err;
      }
    }
    // Never move back: a late compaction of an older state leaves a newer snapshot alone.
    const changed = this.statements.setSnapshot.run({
      snapshot: single,
      gen,
      upTo: upToSeq,
      id,
    }).changes;
    this.flusher?.committed();
    if (changed === 0) {
      if (gen !== null) await this.dropParts(this.statements.dropGen, { id, gen });
      return null;
    }
    // The snapshot now covers the log up to `upToSeq` (loads skip those rows) and replaces the
    // parts of any other generation, so those can go in slices, a turn of the event loop apart:
    // a big document never stalls the other rooms.
    await this.dropParts(this.statements.dropStaleParts, { id, keep: gen });
    for (;;) {
      const dropped = this.statements.dropSomeUpdates.run({
        id,
        upTo: upToSeq,
        limit: DROP_CHUNK,
      }).changes;
      this.flusher?.committed();
      if (dropped < DROP_CHUNK || !this.db.open) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return bytes;
  }

  /** Deletes the parts a statement selects, a few per statement, a turn apart. */
  private async dropParts(statement: Database.Statement, params: object): Promise<void> {
    while (this.db.open) {
      const dropped = statement.run({ ...params, limit: PART_CHUNK }).changes;
      this.flusher?.committed();
      if (dropped < PART_CHUNK) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async list(): Promise<DocumentSummary[]> {
    return this.statements.list.all() as DocumentSummary[];
  }

  /** Resolves once everything written so far is on disk (relaxed mode); at once in strict mode. */
  flushed(): Promise<void> {
    return this.flusher?.flushNow() ?? Promise.resolve();
  }

  async checkWritable(): Promise<string | null> {
    try {
      if (!this.db.open) return 'The database is closed.';
      accessSync(this.dataDir, constants.W_OK);
      // Takes the write lock and gives it back: fails when the file is read-only or locked.
      // Without waiting for a lock held elsewhere: this runs on the event loop of every room.
      this.db.pragma('busy_timeout = 0');
      try {
        this.db.exec('BEGIN IMMEDIATE');
        this.db.exec('ROLLBACK');
      } finally {
        this.db.pragma('busy_timeout = 5000');
      }
      return null;
    } catch (err) {
      return `Storage is not writable: ${(err as Error).message}`;
    }
  }

  async close(): Promise<void> {
    await this.flusher?.close();
    if (this.db.open) this.db.close();
  }
}

type LoadConsumer = (chunk: Uint8Array[]) => Promise<void>;

interface SnapshotRow {
  snapshot: Buffer | null;
  snapshot_seq: number;
  snapshot_gen: number | null;
}

/** The bytes of a blob read from SQLite, without copying them. */
function bytesOf(data: Buffer): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
