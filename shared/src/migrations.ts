import * as Y from 'yjs';
import type { Origin } from './origin';
import { actionMigrations } from './records/action';
import { commentMigrations } from './records/comment';
import { metaMigrations } from './records/meta';
import type { RecordMigrations } from './records/migrate';
import { parkingLotItemMigrations } from './records/parkingLotItem';
import { whyMigrations } from './records/why';
import { fail, type Result } from './result';
import { actionsOf, commentsOf, metaOf, parkingLotOf, SCHEMA_VERSION, whysOf } from './schema';

/** One step of the document schema: brings a document from `version - 1` to `version`. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(doc: Y.Doc): void;
}

/** Runs every record's own step to `version` (declared in its file under `records/`). */
function migrateRecords(doc: Y.Doc, version: number): void {
  metaMigrations[version]?.(metaOf(doc).raw);
  const collections: [Y.Map<Y.Map<unknown>>, RecordMigrations][] = [
    [whysOf(doc), whyMigrations],
    [actionsOf(doc), actionMigrations],
    [commentsOf(doc), commentMigrations],
    [parkingLotOf(doc), parkingLotItemMigrations],
  ];
  for (const [collection, migrations] of collections) {
    const step = migrations[version];
    if (!step) continue;
    collection.forEach((map) => {
      if (map instanceof Y.Map) step(map);
    });
  }
}

/**
 * Ordered schema migrations. Only the server runs them, on load, before anyone syncs, so nested
 * types they create exist once. Each has a before/after fixture test in migrations.test.ts.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 2,
    name: 'meeting fields: evidence, verification, category, sign-off, timer, lists',
    up: (doc) => migrateRecords(doc, 2),
  },
  {
    version: 3,
    name: 'shared texts: stop reasons, action descriptions and completion notes merge typing',
    up: (doc) => migrateRecords(doc, 3),
  },
  {
    version: 4,
    name: "customer's version: internal flags on whys and actions, shareable owners, override",
    up: (doc) => migrateRecords(doc, 4),
  },
];

/**
 * Brings a stored document up to `SCHEMA_VERSION` in one transaction. A document from a newer
 * version is refused untouched; one that is current or not yet created is left as it is.
 */
export function migrateDocument(doc: Y.Doc, origin: Origin): Result<{ from: number; to: number }> {
  const meta = metaOf(doc);
  const from = meta.get('schemaVersion');
  if (from === undefined) return { ok: true, from: 0, to: 0 };
  if (from > SCHEMA_VERSION) {
    return fail(`Schema ${from} is newer than this Whychain (${SCHEMA_VERSION}); not migrating.`);
  }
  if (from === SCHEMA_VERSION) return { ok: true, from, to: from };
  doc.transact(() => {
    for (const migration of MIGRATIONS) {
      if (migration.version > from && migration.version <= SCHEMA_VERSION) migration.up(doc);
    }
    meta.set('schemaVersion', SCHEMA_VERSION);
  }, origin);
  return { ok: true, from, to: SCHEMA_VERSION };
}
