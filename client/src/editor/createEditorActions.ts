import {
  addWhy,
  deleteWhy,
  editProblem,
  editWhyText,
  PROBLEM_ID,
  setRootCause,
  type Origin,
  type Result,
  type WhyId,
} from '@whychain/shared';
import type * as Y from 'yjs';
import type { EditorStore } from './createEditorStore';

/** What the editor's buttons and keys do; each is one shared command plus its effect on the UI. */
export interface EditorActions {
  /** Answers the problem or a why with a new, empty why, selects it and puts the caret in it. */
  addWhy(parentNodeId: string): Result<{ id: WhyId }>;
  /** Sets the text of the problem or of a why; false (with a notice) when refused. */
  editText(nodeId: string, text: string): boolean;
  setRootCause(whyId: WhyId, rootCause: boolean): boolean;
  /** Deletes a why and everything below it, then selects what it answered. */
  deleteWhy(whyId: WhyId, parentId: WhyId | null): boolean;
  select(nodeId: string | null): void;
  startEditing(nodeId: string): void;
  stopEditing(): void;
  undo(): void;
  redo(): void;
}

/** Something that can undo and redo this user's own changes. */
export interface UndoHistory {
  undo(): unknown;
  redo(): unknown;
}

interface EditorActionsDeps {
  doc: Y.Doc;
  origin: Origin;
  store: EditorStore;
  history?: UndoHistory | null;
}

/** The editor's actions for one document, origin (this user) and UI store. */
export function createEditorActions({
  doc,
  origin,
  store,
  history,
}: EditorActionsDeps): EditorActions {
  const ui = () => store.getState();
  const report = <T extends Result<object>>(result: T): T => {
    ui().setNotice(result.ok ? null : result.reason);
    return result;
  };

  return {
    addWhy(parentNodeId) {
      const parentId = parentNodeId === PROBLEM_ID ? null : (parentNodeId as WhyId);
      const result = report(addWhy(doc, { parentId }, origin));
      if (result.ok) ui().startEditing(result.id);
      return result;
    },
    editText(nodeId, text) {
      const result =
        nodeId === PROBLEM_ID
          ? editProblem(doc, { text }, origin)
          : editWhyText(doc, { whyId: nodeId as WhyId, text }, origin);
      return report(result).ok;
    },
    setRootCause(whyId, rootCause) {
      return report(setRootCause(doc, { whyId, rootCause }, origin)).ok;
    },
    deleteWhy(whyId, parentId) {
      const result = report(deleteWhy(doc, { whyId }, origin));
      if (result.ok) ui().select(parentId ?? PROBLEM_ID);
      return result.ok;
    },
    select: (nodeId) => ui().select(nodeId),
    startEditing: (nodeId) => ui().startEditing(nodeId),
    stopEditing: () => ui().stopEditing(),
    undo: () => void history?.undo(),
    redo: () => void history?.redo(),
  };
}
