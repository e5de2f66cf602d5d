import * as Y from 'yjs';
import { fail, type Result } from './result';
import { metaOf, SCHEMA_VERSION } from './schema';

/**
 * Whether an update from a client may be applied to `doc`. A viewer (`canWrite` false) may change
 * nothing; while the analysis is closed (or saved by a newer version) the only updates let through
 * are those that reopen it, with whatever else they carry (a writer may reopen and then edit
 * anyway; this is how edits someone kept while it was closed go through once they reopen it); an
 * update that changes nothing (as every client sends when it first syncs) is always fine. Used by
 * the server, which must enforce this whatever a client sends.
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
  const pendingBefore = pendingState(trial);
  let changed = false;
  trial.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.changed.size > 0 || tr.deleteSet.clients.size > 0) changed = true;
    // Filler structs (GC, skip) change no type, yet advance a client's clock: any advance counts,
    // or a viewer could mark a writer's future edits as already known and so drop them.
    for (const [client, clock] of tr.afterState) {
      if ((tr.beforeState.get(client) ?? 0) !== clock) changed = true;
    }
  });
  Y.applyUpdate(trial, update);
  // Parts that cannot be applied yet wait as pending; only what this update added counts.
  const pending = pendingState(trial) !== pendingBefore;
  const after = metaOf(trial);
  const reopened = after.get('status') === 'draft' && after.get('signedOffBy') == null;
  trial.destroy();
  if (!changed && !pending) return { ok: true };
  if (!access.canWrite) return fail('You can view this analysis but not change it.');
  if (version > SCHEMA_VERSION) {
    return fail('This analysis was saved by a newer version of Whychain; it is read-only here.');
  }
  if (reopened && !pending) return { ok: true };
  return fail('This analysis is closed; reopen it to make changes.');
}

/** The document's waiting (not yet applicable) updates, as comparable text. */
function pendingState(doc: Y.Doc): string {
  const structs = doc.store.pendingStructs?.update;
  const ds = doc.store.pendingDs;
  return `${structs ? structs.join(',') : ''}|${ds ? ds.join(',') : ''}`;
}
