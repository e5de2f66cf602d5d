import * as Y from 'yjs';
import { REOPEN_FIELDS } from './commands/status';
import { fail, type Result } from './result';
import { metaOf, SCHEMA_VERSION } from './schema';

const reopenFields: ReadonlySet<string> = new Set(REOPEN_FIELDS);

/**
 * Whether an update from a client may be applied to `doc`. A viewer (`canWrite` false) may change
 * nothing; while the analysis is closed (or saved by a newer version) the only change let through
 * is a reopen; an update that changes nothing (as every client sends when it first syncs) is
 * always fine. Used by the server, which must enforce this whatever a client sends.
 */
export function checkIncomingUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  access: { canWrite: boolean } = { canWrite: true },
): Result {
  const meta = metaOf(doc);
  const version = meta.get('schemaVersion') ?? 0;
  const closed = meta.get('status') === 'closed';
  if (access.canWrite && !closed && version <= SCHEMA_VERSION) return { ok: true };

  const trial = new Y.Doc({ gc: false });
  Y.applyUpdate(trial, Y.encodeStateAsUpdate(doc));
  const trialMeta = metaOf(trial).raw;
  let onlyReopen = true;
  let changed = false;
  trial.on('afterTransaction', (tr: Y.Transaction) => {
    for (const [type, keys] of tr.changed) {
      changed = true;
      if (
        (type as unknown) !== trialMeta ||
        [...keys].some((k) => k === null || !reopenFields.has(k))
      ) {
        onlyReopen = false;
      }
    }
    if (tr.deleteSet.clients.size > 0 && tr.changed.size === 0) changed = true;
  });
  Y.applyUpdate(trial, update);
  const pending = trial.store.pendingStructs !== null || trial.store.pendingDs !== null;
  const after = metaOf(trial);
  const reopened = after.get('status') === 'draft' && after.get('signedOffBy') == null;
  trial.destroy();
  if (!changed && !pending) return { ok: true };
  if (!access.canWrite) return fail('You can view this analysis but not change it.');
  if (version > SCHEMA_VERSION) {
    return fail('This analysis was saved by a newer version of Whychain; it is read-only here.');
  }
  if (onlyReopen && reopened && !pending) return { ok: true };
  return fail('This analysis is closed; reopen it to make changes.');
}
