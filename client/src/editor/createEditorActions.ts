import {
  addWhy,
  ancestorsOf,
  deleteWhy,
  editProblem,
  editWhyText,
  makeOrigin,
  moveWhy,
  neighbour,
  planMove,
  PROBLEM_ID,
  readAnalysis,
  setRootCause,
  type Origin,
  type Result,
  type TreeStep,
  type WhyId,
} from '@whychain/shared';
import type * as Y from 'yjs';
import type { EditorStore } from './createEditorStore';
import { deletionFeedFor } from './deletionFeed';

/** What the editor's buttons and keys do; each is one shared command plus its effect on the UI. */
export interface EditorActions {
  /** The document the actions write to. */
  readonly doc: Y.Doc;
  /** This user's origin for content edits: undo and redo cover exactly these. */
  readonly origin: Origin;
  /** This user's origin for status changes (submit, close, reopen): never undone by Ctrl+Z. */
  readonly workflowOrigin: Origin;
  /** Answers the problem or a why with a new, empty why, selects it and puts the caret in it. */
  addWhy(parentNodeId: string): Result<{ id: WhyId }>;
  /**
   * Adds a new, empty why right after `nodeId` under the same parent and puts the caret in it;
   * for the problem (which has no siblings) it adds its first-level answer instead.
   */
  addSibling(nodeId: string): Result<{ id: WhyId }>;
  /** Sets the text of the problem or of a why; false (with a notice) when refused. */
  editText(nodeId: string, text: string): boolean;
  /**
   * Tells the person something about their typing (what a too-long paste lost): it stays while
   * they go on typing in the text, until dismissed or another action reports.
   */
  notify(notice: string): void;
  setRootCause(whyId: WhyId, rootCause: boolean): boolean;
  /**
   * Deletes a why and everything below it, then selects what it answered; the deletion is told
   * to the editor's deletion feed (see DeletionToasts), which offers to undo it.
   */
  deleteWhy(whyId: WhyId, parentId?: WhyId | null): boolean;
  /**
   * Moves a why, with its answers, under the node it was dropped on; a move that would make a
   * loop is refused with a notice. True when the tree is as asked (moved, or already there).
   */
  moveWhy(whyId: string, targetNodeId: string): boolean;
  /** Selects the node one step from `fromId` (or the problem when nothing is selected). */
  selectStep(fromId: string | null, step: TreeStep): string | null;
  /** Folds or unfolds a node's answers on this screen; a selection inside moves up to it. */
  toggleCollapsed(nodeId: string): void;
  select(nodeId: string | null): void;
  startEditing(nodeId: string): void;
  stopEditing(): void;
  undo(): void;
  redo(): void;
  /** Opens or closes the keyboard shortcut overlay. */
  showHelp(open: boolean): void;
}

/** Something that can undo and redo this user's own changes. */
export interface UndoHistory {
  undo(): unknown;
  redo(): unknown;
  /** Ends the current undo step (structural edits are undone one by one, not with the typing). */
  stopCapturing?(): unknown;
}

interface EditorActionsDeps {
  doc: Y.Doc;
  origin: Origin;
  /** Origin for status changes; a second origin of the same person when omitted. */
  workflowOrigin?: Origin;
  store: EditorStore;
  history?: UndoHistory | null;
}

/**
 * The last notice from `notify`, per editor store: typing that goes through does not clear it.
 * Kept by store, as the actions are rebuilt whenever the undo state changes.
 */
const typingNotices = new WeakMap<EditorStore, string>();

/** One status origin per content origin, so that it stays the same object across re-renders. */
const workflowOrigins = new WeakMap<Origin, Origin>();

function workflowOriginFor(origin: Origin): Origin {
  let workflow = workflowOrigins.get(origin);
  if (!workflow) {
    workflow = makeOrigin(origin.kind, origin.actor);
    workflowOrigins.set(origin, workflow);
  }
  return workflow;
}

/** The editor's actions for one document, origin (this user) and UI store. */
export function createEditorActions({
  doc,
  origin,
  workflowOrigin = workflowOriginFor(origin),
  store,
  history,
}: EditorActionsDeps): EditorActions {
  const ui = () => store.getState();
  const report = <T extends Result<object>>(result: T): T => {
    ui().setNotice(result.ok ? null : result.reason);
    return result;
  };

  /** Runs a structural edit as an undo step of its own. */
  const step = <T>(run: () => T): T => {
    history?.stopCapturing?.();
    const result = run();
    history?.stopCapturing?.();
    return result;
  };
  const addAt = (parentNodeId: string, index?: number) => {
    const parentId = parentNodeId === PROBLEM_ID ? null : (parentNodeId as WhyId);
    const result = report(step(() => addWhy(doc, { parentId, index }, origin)));
    if (result.ok) {
      ui().expand([parentNodeId]);
      ui().startEditing(result.id);
    }
    return result;
  };

  return {
    doc,
    origin,
    workflowOrigin,
    addWhy: (parentNodeId) => addAt(parentNodeId),
    addSibling(nodeId) {
      const snapshot = readAnalysis(doc);
      const why = snapshot.whys[nodeId];
      if (!why) return addAt(PROBLEM_ID);
      const siblings = why.parentId ? snapshot.whys[why.parentId]!.childIds : snapshot.rootIds;
      return addAt(why.parentId ?? PROBLEM_ID, siblings.indexOf(why.id) + 1);
    },
    editText(nodeId, text) {
      const result =
        nodeId === PROBLEM_ID
          ? editProblem(doc, { text }, origin)
          : editWhyText(doc, { whyId: nodeId as WhyId, text }, origin);
      if (result.ok && typingNotices.get(store) === ui().notice) return true;
      return report(result).ok;
    },
    notify(notice) {
      typingNotices.set(store, notice);
      ui().setNotice(notice);
    },
    setRootCause(whyId, rootCause) {
      return report(step(() => setRootCause(doc, { whyId, rootCause }, origin))).ok;
    },
    deleteWhy(whyId, parentId) {
      const why = readAnalysis(doc).whys[whyId];
      const parent = parentId === undefined ? why?.parentId : parentId;
      const result = report(step(() => deleteWhy(doc, { whyId }, origin)));
      if (result.ok) {
        ui().select(parent ?? PROBLEM_ID);
        const below = result.deleted.length - 1;
        deletionFeedFor(store).publish({ whyId, text: why?.text ?? '', below });
      }
      return result.ok;
    },
    moveWhy(whyId, targetNodeId) {
      const plan = planMove(readAnalysis(doc), whyId, targetNodeId);
      if (plan.kind === 'refuse') {
        ui().setNotice(plan.reason);
        return false;
      }
      if (plan.kind === 'none') return true;
      const input = { whyId: whyId as WhyId, parentId: plan.parentId };
      const result = report(step(() => moveWhy(doc, input, origin)));
      if (result.ok) {
        ui().expand([targetNodeId]);
        ui().select(whyId);
      }
      return result.ok;
    },
    selectStep(fromId, direction) {
      const snapshot = readAnalysis(doc);
      const next = fromId === null ? PROBLEM_ID : neighbour(snapshot, fromId, direction);
      if (next === null) return null;
      if (direction === 'firstChild' && fromId !== null) ui().expand([fromId]);
      ui().select(next);
      return next;
    },
    toggleCollapsed(nodeId) {
      const state = ui();
      const folding = !state.collapsed.has(nodeId);
      if (folding && state.selectedId !== null) {
        const above = ancestorsOf(readAnalysis(doc), state.selectedId);
        if (above.includes(nodeId)) state.select(nodeId);
      }
      ui().toggleCollapsed(nodeId);
    },
    select: (nodeId) => ui().select(nodeId),
    startEditing: (nodeId) => ui().startEditing(nodeId),
    stopEditing: () => ui().stopEditing(),
    undo: () => void history?.undo(),
    redo: () => void history?.redo(),
    showHelp: (open) => ui().setHelpOpen(open),
  };
}
