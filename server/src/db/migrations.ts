import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { SEARCH_INDEX_SQL } from './sqlite/searchIndex';

/**
 * Every migration of the data file, in order, for the document store's tables and the relational
 * ones alike. The version a file is at is SQLite's `user_version` (the index + 1 of its last
 * migration), as it was before this list gathered them, so today's files carry on where they are.
 * A migration never changes once released: add a new one.
 *
 * The document tables are SQLite's own (WITHOUT ROWID, BLOB); a PostgreSQL store will bring its
 * own. The relational tables are written once with Kysely's schema builder and compiled for the
 * dialect at hand, so the same definitions serve PostgreSQL later.
 */
export interface FileMigration {
  name: string;
  /** The statements to run, in order, inside the migration's transaction. */
  statements(builder: Kysely<unknown>): string[];
}

/** The document store's tables, as they were numbered when the store migrated itself. */
const DOCUMENT_SQL = [
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
  // One b-tree keyed by document and sequence, without the rowid table, its index and the
  // AUTOINCREMENT counter: a commit of one update writes one page instead of three. Sequence
  // numbers now count per document (the old global ones are kept: they rise per document too).
  `CREATE TABLE updates_by_doc_seq (
     doc_id TEXT NOT NULL REFERENCES documents(id),
     seq INTEGER NOT NULL,
     data BLOB NOT NULL,
     PRIMARY KEY (doc_id, seq)
   ) WITHOUT ROWID;
   INSERT INTO updates_by_doc_seq (doc_id, seq, data) SELECT doc_id, seq, data FROM updates;
   DROP TABLE updates;
   ALTER TABLE updates_by_doc_seq RENAME TO updates;`,
  // A big document's snapshot in parts, so that it is written, read and applied a slice at a
  // time. `snapshot_gen` says which generation of parts is the snapshot; NULL means the
  // `snapshot` column is (a small document, and every file written before this migration).
  // A compaction writes a new generation beside the current one and switches over by one UPDATE,
  // so a crash midway leaves the old snapshot whole. A plain rowid table, not WITHOUT ROWID:
  // parts are tens of KiB, and SQLite advises WITHOUT ROWID only for rows far below a page.
  `CREATE TABLE snapshot_parts (
     doc_id TEXT NOT NULL REFERENCES documents(id),
     gen INTEGER NOT NULL,
     part INTEGER NOT NULL,
     data BLOB NOT NULL,
     PRIMARY KEY (doc_id, gen, part)
   );
   ALTER TABLE documents ADD COLUMN snapshot_gen INTEGER;`,
];

const sqlOf = (queries: { compile(): CompiledQuery }[]) => queries.map((q) => q.compile().sql);

/** Customers, cases, their links to analyses, and one summary row per analysis. */
function customersAndCases(k: Kysely<unknown>): string[] {
  const s = k.schema;
  return sqlOf([
    s
      .createTable('customers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_key', 'text', (c) => c.notNull().unique())
      .addColumn('external_id', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull()),
    s
      .createTable('cases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
      .addColumn('external_ref', 'text', (c) => c.unique())
      .addColumn('external_url', 'text')
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('touchpoint', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('severity_rank', 'integer', (c) => c.notNull())
      .addColumn('stakes_amount', 'double precision')
      .addColumn('stakes_currency', 'text')
      .addColumn('stakes_note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .addColumn('owner', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('recovery', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('discovery', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull()),
    s.createIndex('cases_by_customer').on('cases').columns(['customer_id', 'received_at']),
    s.createIndex('cases_by_received').on('cases').column('received_at'),
    s.createIndex('cases_by_severity').on('cases').columns(['severity_rank', 'id']),
    s.createIndex('cases_by_updated').on('cases').columns(['updated_at', 'id']),
    s
      .createTable('case_analyses')
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('analysis_id', 'text', (c) => c.notNull())
      .addColumn('linked_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_analyses_pk', ['case_id', 'analysis_id']),
    s
      .createIndex('case_analyses_by_analysis')
      .on('case_analyses')
      .columns(['analysis_id', 'case_id']),
    s
      .createTable('analysis_summaries')
      .addColumn('analysis_id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('problem', 'text', (c) => c.notNull())
      .addColumn('root_causes', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('why_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('open_actions', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('overdue_actions', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('owners', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('updated_at', 'bigint', (c) => c.notNull()),
  ]);
}

/** Every action of every analysis, as the cross-analysis actions list reads it. */
function analysisActions(k: Kysely<unknown>): string[] {
  const s = k.schema;
  return sqlOf([
    s
      .createTable('analysis_actions')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('analysis_id', 'text', (c) => c.notNull())
      .addColumn('why_id', 'text')
      .addColumn('why_text', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('owner', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('due_date', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('analysis_actions_pk', ['analysis_id', 'id']),
    s.createIndex('analysis_actions_by_owner').on('analysis_actions').columns(['owner', 'status']),
    s.createIndex('analysis_actions_by_due').on('analysis_actions').columns(['status', 'due_date']),
  ]);
}

const DOCUMENT_NAMES = ['documents and updates', 'updates keyed by document', 'snapshot parts'];

/** All migrations of the data file, in order. */
export const FILE_MIGRATIONS: readonly FileMigration[] = [
  ...DOCUMENT_SQL.map((sql, i) => ({
    name: DOCUMENT_NAMES[i] ?? `documents ${i + 1}`,
    statements: () => [sql],
  })),
  { name: 'customers and cases', statements: customersAndCases },
  { name: 'actions across analyses', statements: analysisActions },
  { name: 'search index', statements: () => [...SEARCH_INDEX_SQL] },
];

/** A Kysely that only compiles (never connects) for SQLite, to build the migrations' SQL. */
export function sqliteCompiler(): Kysely<unknown> {
  return new Kysely<unknown>({
    dialect: new SqliteDialect({ database: async () => new Database(':memory:') }),
  });
}
