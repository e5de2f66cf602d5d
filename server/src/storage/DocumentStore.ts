/** What the library lists about a stored analysis without loading it. */
export interface DocumentSummary {
  id: string;
  title: string;
  status: string;
  createdAt: number;
  updatedAt: number;
}

/** Fields kept next to the document so that lists need not load it. */
export interface DocumentMeta {
  title: string;
  status: string;
}

/** Everything needed to rebuild a document: the last snapshot, then the updates after it. */
export interface StoredDocument {
  /**
   * The last snapshot as updates to apply in order: several small parts for a big document (so
   * that no single apply holds the event loop long), one for a small one, none before the first.
   */
  snapshot: Uint8Array[];
  updates: Uint8Array[];
  /** Sequence number of the last stored update (0 when none). */
  lastSeq: number;
  /** Number of updates in the log after the snapshot. */
  logLength: number;
  /** Bytes of the snapshot and the updates together: what the document costs in storage. */
  bytes: number;
}

export interface AppendedUpdate {
  docId: string;
  update: Uint8Array;
  /** Meta as it stands after this update, when the update touched it. */
  meta?: DocumentMeta;
}

/** Per appended update: its sequence number, or why it could not be stored. */
export type AppendResult = { ok: true; seq: number } | { ok: false; error: Error };

/**
 * When a stored update is safe:
 * - `relaxed` (default): written to the log (in the operating system, so it survives a crash or
 *   kill -9 of the server) before `append` returns, and on the disk at most the flush interval
 *   later; an OS crash or power loss can cost that window, which the clients' own copies fill
 *   when they reconnect.
 * - `strict`: on the disk (fdatasync) before `append` returns.
 */
export type Durability = 'relaxed' | 'strict';

/**
 * Durable storage of analysis documents as an append-only update log plus compacted snapshots.
 * The sync layer knows nothing about the engine: SQLite now, PostgreSQL or others later.
 */
export interface DocumentStore {
  readonly durability: Durability;
  create(id: string, state: Uint8Array, meta: DocumentMeta): Promise<void>;
  exists(id: string): Promise<boolean>;
  /**
   * Reads a document. With `each`, the snapshot and the log are handed to it in order, a chunk
   * at a time as they are read, and left out of the result (so a long log is never held whole);
   * it may be handed a newer state on top of what it had (a compaction moved meanwhile), which
   * applying updates takes in as they are idempotent.
   */
  load(
    id: string,
    each?: (chunk: Uint8Array[]) => Promise<void>,
  ): Promise<StoredDocument | undefined>;
  /**
   * Stores the updates, each document on its own: one document's failure never fails another's.
   * An engine that can write synchronously (SQLite) returns the results at once, so the relay
   * path need not wait an event-loop turn.
   */
  append(updates: readonly AppendedUpdate[]): AppendResult[] | Promise<AppendResult[]>;
  /**
   * Replaces the snapshot and the log up to `upToSeq` with `parts`, the whole document encoded as
   * updates applied in order. The parts are pulled one at a time and written as they come, so a
   * big document is stored in slices; nothing changes until the last is written. Resolves to the
   * bytes stored, or null when a newer snapshot was there already (it is kept).
   */
  compact(
    id: string,
    parts: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    upToSeq: number,
  ): Promise<number | null>;
  list(): Promise<DocumentSummary[]>;
  /** Null when storage accepts writes now, else what is wrong. */
  checkWritable(): Promise<string | null>;
  close(): Promise<void>;
}
