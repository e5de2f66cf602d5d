import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type {
  AppendedUpdate,
  DocumentMeta,
  DocumentStore,
  DocumentSummary,
  StoredDocument,
} from './DocumentStore';

/** Ordered schema migrations of the SQLite file; the index + 1 is the `user_version` it leads to. */
const MIGRATIONS = [
  `CREATE TABLE documents (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     status TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     snapshot BLOB,
     snapshot_seq INTEGER NOT NULL DEFAULT 0
   );
   CREATE TABLE updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     doc_id TEXT NOT NULL REFERENCES documents(id),
     data BLOB NOT NULL
   );
   CREATE INDEX updates_by_doc ON updates(doc_id, seq);`,
];

/**
 * How stale a document's `updated_at` may get while it is being edited. Rewriting that row on
 * every keystroke would add to every commit, which sits on the path of every relayed edit.
 */
const TOUCH_INTERVAL_MS = 1000;

/** The embedded store: one SQLite file in WAL mode with synchronous=FULL, so a commit is on disk. */
export class SqliteStore implements DocumentStore {
  private readonly db: Database.Database;
  private readonly statements;
  /** What the `documents` row of each edited document last said, and when it was written. */
  private readonly touched = new Map<string, DocumentMeta & { at: number }>();

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'whychain.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.migrate();
    const db = this.db;
    this.statements = {
      insertDoc: db.prepare(
        'INSERT INTO documents (id, title, status, created_at, updated_at, snapshot) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      exists: db.prepare('SELECT 1 FROM documents WHERE id = ?'),
      doc: db.prepare('SELECT snapshot, snapshot_seq FROM documents WHERE id = ?'),
      updates: db.prepare(
        'SELECT seq, data FROM updates WHERE doc_id = ? AND seq > ? ORDER BY seq',
      ),
      append: db.prepare('INSERT INTO updates (doc_id, data) VALUES (?, ?)'),
      touch: db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?'),
      touchMeta: db.prepare(
        'UPDATE documents SET updated_at = ?, title = ?, status = ? WHERE id = ?',
      ),
      setSnapshot: db.prepare(
        'UPDATE documents SET snapshot = ?, snapshot_seq = ? WHERE id = ? AND snapshot_seq <= ?',
      ),
      dropUpdates: db.prepare('DELETE FROM updates WHERE doc_id = ? AND seq <= ?'),
      list: db.prepare(
        'SELECT id, title, status, created_at AS createdAt, updated_at AS updatedAt FROM documents ORDER BY updated_at DESC',
      ),
    };
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new Error(
        `The data file was written by a newer Whychain (schema ${version}, this one knows ${MIGRATIONS.length}); refusing to open it.`,
      );
    }
    for (let v = version; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  async create(id: string, state: Uint8Array, meta: DocumentMeta): Promise<void> {
    const now = Date.now();
    this.statements.insertDoc.run(id, meta.title, meta.status, now, now, state);
  }

  async exists(id: string): Promise<boolean> {
    return this.statements.exists.get(id) !== undefined;
  }

  async load(id: string): Promise<StoredDocument | undefined> {
    return this.db.transaction(() => {
      const row = this.statements.doc.get(id) as
        { snapshot: Buffer | null; snapshot_seq: number } | undefined;
      if (!row) return undefined;
      const rows = this.statements.updates.all(id, row.snapshot_seq) as Array<{
        seq: number;
        data: Buffer;
      }>;
      return {
        snapshot: row.snapshot ? new Uint8Array(row.snapshot) : null,
        updates: rows.map((r) => new Uint8Array(r.data)),
        lastSeq: rows.length > 0 ? rows[rows.length - 1]!.seq : row.snapshot_seq,
      };
    })();
  }

  async append(updates: readonly AppendedUpdate[]): Promise<number[]> {
    const touchedNow = new Map<string, DocumentMeta & { at: number }>();
    const seqs = this.db.transaction(() => {
      const now = Date.now();
      const seqs: number[] = [];
      for (const { docId, update, meta } of updates) {
        const info = this.statements.append.run(docId, update);
        seqs.push(Number(info.lastInsertRowid));
        const last = touchedNow.get(docId) ?? this.touched.get(docId);
        const changed = meta && (meta.title !== last?.title || meta.status !== last?.status);
        if (!last || changed || now - last.at >= TOUCH_INTERVAL_MS) {
          if (meta) this.statements.touchMeta.run(now, meta.title, meta.status, docId);
          else this.statements.touch.run(now, docId);
          touchedNow.set(docId, {
            title: meta?.title ?? last?.title ?? '',
            status: meta?.status ?? last?.status ?? '',
            at: now,
          });
        }
      }
      return seqs;
    })();
    // Only once the commit succeeded does the cache say what the rows say.
    for (const [docId, entry] of touchedNow) this.touched.set(docId, entry);
    return seqs;
  }

  async compact(id: string, state: Uint8Array, upToSeq: number): Promise<void> {
    this.db.transaction(() => {
      // Never move back: a late compaction of an older state leaves a newer snapshot alone.
      const changed = this.statements.setSnapshot.run(state, upToSeq, id, upToSeq).changes;
      if (changed > 0) this.statements.dropUpdates.run(id, upToSeq);
    })();
  }

  async list(): Promise<DocumentSummary[]> {
    return this.statements.list.all() as DocumentSummary[];
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
