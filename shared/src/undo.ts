import * as Y from 'yjs';
import { whyReadOnly } from './commands/guard';
import type { Origin } from './origin';
import {
  actionsOf,
  commentsOf,
  learningsOf,
  metaOf,
  parkingLotOf,
  problemOf,
  whysOf,
} from './schema';

/** Y.UndoManager bypasses the commands, so it checks the read-only guard itself. */
class ReadOnlyAwareUndoManager extends Y.UndoManager {
  override undo(): ReturnType<Y.UndoManager['undo']> {
    return whyReadOnly(this.doc) ? null : super.undo();
  }

  override redo(): ReturnType<Y.UndoManager['redo']> {
    return whyReadOnly(this.doc) ? null : super.redo();
  }
}

/**
 * An undo manager for one person: it tracks only transactions made with `origin`, so undo never
 * takes back a colleague's work, and keeps working when remote edits interleave. Typing within
 * half a second is undone as one step. Run status changes (close, reopen) with another origin so
 * they stay out of the undo history. While the analysis is read-only (closed, or from a newer
 * version) undo and redo do nothing and keep their history for after a reopen.
 */
export function createUndoManager(doc: Y.Doc, origin: Origin): Y.UndoManager {
  return new ReadOnlyAwareUndoManager(
    [
      whysOf(doc),
      actionsOf(doc),
      problemOf(doc),
      commentsOf(doc),
      parkingLotOf(doc),
      learningsOf(doc),
      metaOf(doc).raw,
    ],
    { trackedOrigins: new Set([origin]), captureTimeout: 500 },
  );
}
