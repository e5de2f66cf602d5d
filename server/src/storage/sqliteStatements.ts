import type Database from 'better-sqlite3';

/** The queries of SqliteStore, prepared once on its connection. */
export function prepareStatements(db: Database.Database) {
  return {
    insertDoc: db.prepare(
      'INSERT INTO documents (id, title, status, created_at, updated_at, snapshot) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    exists: db.prepare('SELECT 1 FROM documents WHERE id = ?'),
    doc: db.prepare('SELECT snapshot, snapshot_seq, snapshot_gen FROM documents WHERE id = ?'),
    parts: db.prepare(
      'SELECT part, data FROM snapshot_parts WHERE doc_id = ? AND gen = ? AND part > ? ORDER BY part LIMIT ?',
    ),
    nextGen: db.prepare(
      'SELECT coalesce(max(gen), 0) + 1 AS gen FROM snapshot_parts WHERE doc_id = ?',
    ),
    insertPart: db.prepare(
      'INSERT INTO snapshot_parts (doc_id, gen, part, data) VALUES (?, ?, ?, ?)',
    ),
    updates: db.prepare(
      'SELECT seq, data FROM updates WHERE doc_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    append: db.prepare('INSERT INTO updates (doc_id, seq, data) VALUES (?, ?, ?)'),
    lastSeq: db.prepare(
      'SELECT max(snapshot_seq, coalesce((SELECT max(seq) FROM updates WHERE doc_id = @id), 0)) AS seq FROM documents WHERE id = @id',
    ),
    touch: db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?'),
    touchMeta: db.prepare(
      'UPDATE documents SET updated_at = ?, title = ?, status = ? WHERE id = ?',
    ),
    setSnapshot: db.prepare(
      'UPDATE documents SET snapshot = @snapshot, snapshot_gen = @gen, snapshot_seq = @upTo WHERE id = @id AND snapshot_seq <= @upTo',
    ),
    // Parts of every generation but `keep` (NULL: all): the one replaced, or one a crash left.
    dropStaleParts: db.prepare(
      'DELETE FROM snapshot_parts WHERE rowid IN (SELECT rowid FROM snapshot_parts WHERE doc_id = @id AND gen IS NOT @keep LIMIT @limit)',
    ),
    dropGen: db.prepare(
      'DELETE FROM snapshot_parts WHERE rowid IN (SELECT rowid FROM snapshot_parts WHERE doc_id = @id AND gen = @gen LIMIT @limit)',
    ),
    dropSomeUpdates: db.prepare(
      'DELETE FROM updates WHERE doc_id = @id AND seq IN (SELECT seq FROM updates WHERE doc_id = @id AND seq <= @upTo ORDER BY seq LIMIT @limit)',
    ),
    list: db.prepare(
      'SELECT id, title, status, created_at AS createdAt, updated_at AS updatedAt FROM documents ORDER BY updated_at DESC',
    ),
  };
}
