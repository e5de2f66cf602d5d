import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateFile } from './migrate';
import { FILE_MIGRATIONS } from './migrations';

const tables = (db: Database.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((row) => row.name);

describe('the data file migrations', () => {
  it('bring an empty file to the newest schema', () => {
    const db = new Database(':memory:');
    expect(migrateFile(db)).toEqual({ from: 0, to: FILE_MIGRATIONS.length });
    expect(db.pragma('user_version', { simple: true })).toBe(FILE_MIGRATIONS.length);
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'documents',
        'updates',
        'snapshot_parts',
        'customers',
        'cases',
        'case_analyses',
        'analysis_summaries',
      ]),
    );
  });

  it('bring a file from every earlier version to the newest, keeping its documents', () => {
    for (let version = 1; version < FILE_MIGRATIONS.length; version++) {
      const db = new Database(':memory:');
      migrateFile(db, FILE_MIGRATIONS.slice(0, version));
      db.prepare(
        "INSERT INTO documents (id, title, status, created_at, updated_at, snapshot) VALUES ('doc1', 'Kept', 'draft', 1, 2, x'00')",
      ).run();
      db.prepare("INSERT INTO updates (doc_id, seq, data) VALUES ('doc1', 1, x'01')").run();
      expect(migrateFile(db)).toEqual({ from: version, to: FILE_MIGRATIONS.length });
      expect(db.prepare('SELECT title FROM documents').get()).toEqual({ title: 'Kept' });
      expect(db.prepare('SELECT seq FROM updates').all()).toEqual([{ seq: 1 }]);
      db.prepare(
        "INSERT INTO customers (id, name, name_key, created_at, updated_at) VALUES ('c1', 'Acme', 'acme', 1, 1)",
      ).run();
      expect(() =>
        db
          .prepare(
            "INSERT INTO customers (id, name, name_key, created_at, updated_at) VALUES ('c2', 'ACME', 'acme', 1, 1)",
          )
          .run(),
      ).toThrow(/UNIQUE/);
    }
  });

  it('do nothing the second time', () => {
    const db = new Database(':memory:');
    migrateFile(db);
    expect(migrateFile(db)).toEqual({ from: FILE_MIGRATIONS.length, to: FILE_MIGRATIONS.length });
  });

  it('refuse a file from a newer Whychain without touching it', () => {
    const db = new Database(':memory:');
    migrateFile(db);
    db.pragma(`user_version = ${FILE_MIGRATIONS.length + 1}`);
    expect(() => migrateFile(db)).toThrow(/written by a newer Whychain/);
    expect(db.pragma('user_version', { simple: true })).toBe(FILE_MIGRATIONS.length + 1);
  });
});
