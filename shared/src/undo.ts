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

/** Whether a Y.Text holds characters written by another replica than `clientID`. */
function hasOthersText(text: Y.Text, clientID: number): boolean {
  for (let item = text._start; item !== null; item = item.right) {
    if (!item.deleted && item.id.client !== clientID) return true;
  }
  return false;
}

/** Whether a record (a why, a comment, ...) holds text a colleague has typed. */
function holdsOthersWords(record: Y.Map<unknown>, clientID: number): boolean {
  for (const field of record._map.values()) {
    const content = field.content;
    if (!field.deleted && content instanceof Y.ContentType && content.type instanceof Y.Text) {
      if (hasOthersText(content.type, clientID)) return true;
    }
  }
  return false;
}

/**
 * Keeps a record alive through undo when a colleague has typed into it: undoing "add why" after
 * someone else wrote in that why must not take their words away. The record and its fields stay;
 * the undoing person's own characters still go.
 */
function keepOthersWords(doc: Y.Doc) {
  return (item: Y.Item): boolean => {
    const content = item.content;
    if (content instanceof Y.ContentType && content.type instanceof Y.Map) {
      return !holdsOthersWords(content.type, doc.clientID);
    }
    const parent = item.parent;
    if (parent instanceof Y.Map && item.parentSub !== null) {
      return !holdsOthersWords(parent, doc.clientID);
    }
    return true;
  };
}

/**
 * An undo manager for one person: it tracks only transactions made with `origin`, so undo never
 * takes back a colleague's work, and keeps working when remote edits interleave. Typing within
 * half a second is undone as one step. Run status changes (close, reopen) with another origin so
 * they stay out of the undo history. While the analysis is read-only (closed, or from a newer
 * version) undo and redo do nothing and keep their history for after a reopen. Undo never
 * deletes a why (or other record) that a colleague has typed into.
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
    { trackedOrigins: new Set([origin]), captureTimeout: 500, deleteFilter: keepOthersWords(doc) },
  );
}
