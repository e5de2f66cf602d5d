import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from './SqliteStore';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'whychain-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('SqliteStore', () => {
  it('opens a file of schema 1 (global sequence numbers) and keeps its log in order', async () => {
    const dir = tempDir();
    const old = new Database(join(dir, 'whychain.sqlite'));
    old.pragma('journal_mode = WAL');
    old.exec(`CREATE TABLE documents (id TEXT PRIMARY KEY, title TEXT NOT NULL, status TEXT NOT NULL,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, snapshot BLOB,
        snapshot_seq INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE updates (seq INTEGER PRIMARY KEY AUTOINCREMENT,
        doc_id TEXT NOT NULL REFERENCES documents(id), data BLOB NOT NULL);
      CREATE INDEX updates_by_doc ON updates(doc_id, seq);
      PRAGMA user_version = 1;`);
    old.prepare("INSERT INTO documents VALUES ('a', 'A', 'draft', 1, 1, NULL, 0)").run();
    old.prepare("INSERT INTO documents VALUES ('b', 'B', 'closed', 1, 2, NULL, 0)").run();
    const insert = old.prepare('INSERT INTO updates (doc_id, data) VALUES (?, ?)');
    insert.run('a', Buffer.from([1]));
    insert.run('b', Buffer.from([2]));
    insert.run('a', Buffer.from([3]));
    old.close();

    const store = new SqliteStore(dir);
    const a = await store.load('a');
    expect(a?.updates.map((u) => [...u])).toEqual([[1], [3]]);
    expect(a?.lastSeq).toBe(3);
    const [appended] = store.append([{ docId: 'a', update: new Uint8Array([4]) }]);
    expect(appended).toEqual({ ok: true, seq: 4 });
    expect((await store.load('a'))?.updates.map((u) => [...u])).toEqual([[1], [3], [4]]);
    expect((await store.load('b'))?.updates.map((u) => [...u])).toEqual([[2]]);
    expect((await store.list()).map((d) => d.title).sort()).toEqual(['A', 'B']);
    await store.close();
  });

  it('numbers updates per document, after a compaction too, in both durabilities', async () => {
    for (const durability of ['relaxed', 'strict'] as const) {
      const store = new SqliteStore(tempDir(), { durability });
      await store.create('a', new Uint8Array([0, 0]), { title: 'A', status: 'draft' });
      await store.create('b', new Uint8Array([0, 0]), { title: 'B', status: 'draft' });
      const results = store.append([
        { docId: 'a', update: new Uint8Array([1]) },
        { docId: 'b', update: new Uint8Array([2]) },
        { docId: 'a', update: new Uint8Array([3]) },
      ]);
      expect(results).toEqual([
        { ok: true, seq: 1 },
        { ok: true, seq: 1 },
        { ok: true, seq: 2 },
      ]);
      await store.compact('a', new Uint8Array([0, 0]), 2);
      expect(store.append([{ docId: 'a', update: new Uint8Array([5]) }])).toEqual([
        { ok: true, seq: 3 },
      ]);
      const a = await store.load('a');
      expect(a?.updates.map((u) => [...u])).toEqual([[5]]);
      expect(a?.lastSeq).toBe(3);
      await store.close();
    }
  });

  it('stores the other documents of a batch when one fails, and says which failed', async () => {
    const store = new SqliteStore(tempDir(), { durability: 'strict' });
    await store.create('a', new Uint8Array([0, 0]), { title: 'A', status: 'draft' });
    const results = store.append([
      { docId: 'a', update: new Uint8Array([1]) },
      { docId: 'missing', update: new Uint8Array([2]) },
    ]);
    expect(results[0]).toEqual({ ok: true, seq: 1 });
    expect(results[1]).toMatchObject({ ok: false });
    expect((await store.load('a'))?.updates).toHaveLength(1);
    await store.close();
  });
});
