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
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of the last stored update (0 when none). */
  lastSeq: number;
}

export interface AppendedUpdate {
  docId: string;
  update: Uint8Array;
  /** Meta as it stands after this update, when known. */
  meta?: DocumentMeta;
}

/**
 * Durable storage of analysis documents as an append-only update log plus compacted snapshots.
 * The sync layer knows nothing about the engine: SQLite now, PostgreSQL or others later.
 * A resolved `append` means the updates are on disk.
 */
export interface DocumentStore {
  create(id: string, state: Uint8Array, meta: DocumentMeta): Promise<void>;
  exists(id: string): Promise<boolean>;
  load(id: string): Promise<StoredDocument | undefined>;
  /** Stores the updates of many documents in one durable transaction; returns their sequence numbers. */
  append(updates: readonly AppendedUpdate[]): Promise<number[]>;
  /** Replaces the log up to `upToSeq` with `state`, a full encoding of the document. */
  compact(id: string, state: Uint8Array, upToSeq: number): Promise<void>;
  list(): Promise<DocumentSummary[]>;
  close(): Promise<void>;
}
