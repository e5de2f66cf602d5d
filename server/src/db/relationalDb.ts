import Database from 'better-sqlite3';
import {
  Kysely,
  SqliteDialect,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { migrateFile } from './migrate';
import type { Database as Tables } from './schema';

/** Tells the store's flusher about every write, so relaxed mode puts it on disk like an edit. */
class CountWrites implements KyselyPlugin {
  constructor(private readonly onWrite: () => void) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if ((args.result.numAffectedRows ?? 0n) > 0n) this.onWrite();
    return args.result;
  }
}

/**
 * The relational side of the data file (customers, cases, summaries) through Kysely, on the
 * document store's own connection: one file, one migration list, one flush schedule.
 *
 * better-sqlite3 runs each query synchronously, so a Kysely transaction is atomic with respect
 * to the relay path as long as it awaits nothing but its own queries (no fetch, no timers, no
 * file reads): keep transactions to queries only.
 */
export function relationalDb(connection: Database.Database, onWrite: () => void): Kysely<Tables> {
  return new Kysely<Tables>({
    dialect: new SqliteDialect({ database: connection }),
    plugins: [new CountWrites(onWrite)],
  });
}

/** An in-memory relational database, for a server given a document store that is not SQLite. */
export function memoryRelationalDb(): Kysely<Tables> {
  const connection = new Database(':memory:');
  migrateFile(connection);
  return relationalDb(connection, () => {});
}
