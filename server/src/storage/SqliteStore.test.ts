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
      await store.compact('a', [new Uint8Array([0, 0])], 2);
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

  it('opens a file of schema 2 (one snapshot blob) and replaces its snapshot by parts', async () => {
    const dir = tempDir();
    const old = new Database(join(dir, 'whychain.sqlite'));
    old.pragma('journal_mode = WAL');
    old.exec(`CREATE TABLE documents (id TEXT PRIMARY KEY, title TEXT NOT NULL, status TEXT NOT NULL,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, snapshot BLOB,
        snapshot_seq INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE updates (doc_id TEXT NOT NULL REFERENCES documents(id), seq INTEGER NOT NULL,
        data BLOB NOT NULL, PRIMARY KEY (doc_id, seq)) WITHOUT ROWID;
      PRAGMA user_version = 2;`);
    old
      .prepare("INSERT INTO documents VALUES ('a', 'A', 'draft', 1, 1, ?, 2)")
      .run(Buffer.from([7, 7]));
    old.prepare("INSERT INTO updates VALUES ('a', 3, ?)").run(Buffer.from([3]));
    old.close();

    const store = new SqliteStore(dir);
    const a = await store.load('a');
    expect(a?.snapshot.map((p) => [...p])).toEqual([[7, 7]]);
    expect(a?.updates.map((u) => [...u])).toEqual([[3]]);
    expect(a).toMatchObject({ lastSeq: 3, bytes: 3 });
    expect(await store.compact('a', parts([[1], [2], [3]]), 3)).toBe(3);
    expect(await store.load('a')).toMatchObject({ updates: [], lastSeq: 3, bytes: 3 });
    expect((await store.load('a'))?.snapshot.map((p) => [...p])).toEqual([[1], [2], [3]]);
    // Back to one part: the snapshot column again, and the parts are gone.
    expect(await store.compact('a', parts([[9]]), 3)).toBe(1);
    expect((await store.load('a'))?.snapshot.map((p) => [...p])).toEqual([[9]]);
    await store.close();
    const db = new Database(join(dir, 'whychain.sqlite'), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM snapshot_parts').get()).toEqual({ n: 0 });
    db.close();
  });

  it('keeps the old snapshot whole when a compaction fails midway, and drops its parts later', async () => {
    const dir = tempDir();
    const store = new SqliteStore(dir);
    await store.create('a', new Uint8Array([0, 0]), { title: 'A', status: 'draft' });
    store.append([{ docId: 'a', update: new Uint8Array([1]) }]);
    await store.compact('a', parts([[5], [6]]), 1);
    store.append([{ docId: 'a', update: new Uint8Array([2]) }]);
    async function* failing() {
      yield new Uint8Array([8]);
      yield new Uint8Array([9]);
      throw new Error('unloaded meanwhile');
    }
    await expect(store.compact('a', failing(), 2)).rejects.toThrow('unloaded meanwhile');
    const a = await store.load('a');
    expect(a?.snapshot.map((p) => [...p])).toEqual([[5], [6]]);
    expect(a?.updates.map((u) => [...u])).toEqual([[2]]);
    // A crash midway (rows of a generation never switched to) is cleaned by the next compaction.
    const db = new Database(join(dir, 'whychain.sqlite'));
    db.prepare("INSERT INTO snapshot_parts VALUES ('a', 99, 0, x'0101')").run();
    db.close();
    expect((await store.load('a'))?.snapshot).toHaveLength(2);
    await store.compact('a', parts([[3], [4]]), 2);
    expect((await store.load('a'))?.snapshot.map((p) => [...p])).toEqual([[3], [4]]);
    await store.close();
    const check = new Database(join(dir, 'whychain.sqlite'), { readonly: true });
    expect(check.prepare('SELECT count(*) AS n FROM snapshot_parts').get()).toEqual({ n: 2 });
    check.close();
  });

  it('a read that a compaction overtakes starts over: it never returns half of each', async () => {
    const dir = tempDir();
    const store = new SqliteStore(dir);
    await store.create('a', new Uint8Array([0, 0]), { title: 'A', status: 'draft' });
    store.append(
      Array.from({ length: 30 }, (_, i) => ({ docId: 'a', update: new Uint8Array([i]) })),
    );
    await store.compact('a', parts(Array.from({ length: 40 }, (_, i) => [i])), 30);
    store.append([{ docId: 'a', update: new Uint8Array([77]) }]);
    const reading = store.load('a'); // reads the first parts, then waits a turn
    // Meanwhile a compaction switches to new parts and drops the old ones and the log.
    const other = new Database(join(dir, 'whychain.sqlite'));
    other.exec(`INSERT INTO snapshot_parts VALUES ('a', 5, 0, x'64'), ('a', 5, 1, x'65');
      UPDATE documents SET snapshot_gen = 5, snapshot_seq = 31 WHERE id = 'a';
      DELETE FROM snapshot_parts WHERE gen <> 5; DELETE FROM updates;`);
    other.close();
    const read = await reading;
    expect(read?.snapshot.map((p) => [...p])).toEqual([[100], [101]]);
    expect(read).toMatchObject({ updates: [], lastSeq: 31, bytes: 2 });
    await store.close();
  });
});

/** Snapshot parts as the store pulls them: one at a time, a turn apart. */
async function* parts(bytes: number[][]): AsyncGenerator<Uint8Array> {
  for (const b of bytes) {
    await new Promise((resolve) => setImmediate(resolve));
    yield new Uint8Array(b);
  }
}
