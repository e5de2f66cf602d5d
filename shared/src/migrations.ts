import * as Y from 'yjs';
import type { Origin } from './origin';
import { fail, type Result } from './result';
import {
  actionsOf,
  DEFAULT_BLAME_WORDS,
  DEFAULT_CATEGORIES,
  metaOf,
  SCHEMA_VERSION,
  whysOf,
} from './schema';

/** One step of the document schema: brings a document from `version - 1` to `version`. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(doc: Y.Doc): void;
}

function setMissing(map: Y.Map<unknown>, key: string, value: () => unknown): void {
  if (!map.has(key)) map.set(key, value());
}

/** Makes `key` a Y.Text holding what the plain value there said (nothing when missing). */
function toSharedText(map: Y.Map<unknown>, key: string): void {
  const value = map.get(key);
  if (value instanceof Y.Text) return;
  map.set(key, new Y.Text(typeof value === 'string' ? value : ''));
}

/**
 * Ordered schema migrations. Only the server runs them, on load, before anyone syncs, so nested
 * types they create exist once. Each has a before/after fixture test in migrations.test.ts.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 2,
    name: 'meeting fields: evidence, verification, category, sign-off, timer, lists',
    up(doc) {
      whysOf(doc).forEach((why) => {
        if (!(why.get('evidence') instanceof Y.Text)) why.set('evidence', new Y.Text());
        if (!(why.get('links') instanceof Y.Array)) why.set('links', new Y.Array<string>());
        setMissing(why, 'verification', () => 'hypothesis');
        setMissing(why, 'category', () => null);
        setMissing(why, 'assumption', () => false);
        setMissing(why, 'stopReason', () => '');
      });
      const meta = metaOf(doc).raw;
      setMissing(meta, 'signedOffBy', () => null);
      setMissing(meta, 'signedOffAt', () => null);
      setMissing(meta, 'closeOverride', () => null);
      setMissing(meta, 'categories', () => [...DEFAULT_CATEGORIES]);
      setMissing(meta, 'blameWords', () => [...DEFAULT_BLAME_WORDS]);
      setMissing(meta, 'timerStartedAt', () => null);
      setMissing(meta, 'timerElapsedMs', () => 0);
    },
  },
  {
    version: 3,
    name: 'shared texts: stop reasons, action descriptions and completion notes merge typing',
    up(doc) {
      whysOf(doc).forEach((why) => toSharedText(why, 'stopReason'));
      actionsOf(doc).forEach((action) => {
        toSharedText(action, 'description');
        toSharedText(action, 'completionNote');
      });
    },
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
