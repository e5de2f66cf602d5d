import * as Y from 'yjs';
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

/**
 * An undo manager for one person: it tracks only transactions made with `origin`, so undo never
 * takes back a colleague's work, and keeps working when remote edits interleave. Typing within
 * half a second is undone as one step. Run status changes (close, reopen) with another origin so
 * they stay out of the undo history.
 */
export function createUndoManager(doc: Y.Doc, origin: Origin): Y.UndoManager {
  return new Y.UndoManager(
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
