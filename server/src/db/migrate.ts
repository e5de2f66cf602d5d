import type Database from 'better-sqlite3';
import { FILE_MIGRATIONS, sqliteCompiler, type FileMigration } from './migrations';

/**
 * Brings the data file to the newest schema, each migration in its own transaction with the
 * version it leads to, so a crash midway leaves the file at the last whole step. A file from a
 * newer Whychain is refused rather than changed.
 */
export function migrateFile(
  db: Database.Database,
  migrations: readonly FileMigration[] = FILE_MIGRATIONS,
): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > migrations.length) {
    throw new Error(
      `The data file was written by a newer Whychain (schema ${from}, this one knows ${migrations.length}); refusing to open it.`,
    );
  }
  const compiler = sqliteCompiler();
  for (let v = from; v < migrations.length; v++) {
    const statements = migrations[v]!.statements(compiler);
    db.transaction(() => {
      for (const statement of statements) db.exec(statement);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  void compiler.destroy();
  return { from, to: migrations.length };
}
