import { useCallback, useEffect, type KeyboardEvent } from 'react';
import { PROBLEM_ID, type WhyId } from '@whychain/shared';
import { focusNode } from '../keyboard/focusNode';
import { canvasCommand, historyCommand, type KeyCommand } from '../keyboard/keyCommand';
import { passTab } from '../keyboard/tabPassage';
import type { EditorActions } from './createEditorActions';
import type { EditorStore } from './createEditorStore';
import { useEditorStoreApi } from './useEditorStore';

const EDITABLE = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
/** Keys these elements act on themselves. */
const ACTIVATES = 'button, a[href], summary, [role="button"], [role="link"], [role="menuitem"]';
/** Commands that act on the tree: only for keys pressed on the canvas (or with nothing focused). */
const TREE_COMMANDS = new Set<KeyCommand['type']>([
  'addChild',
  'addSibling',
  'edit',
  'stopEditing',
  'step',
  'delete',
]);

/** P (either case, no Ctrl, Cmd or Alt) toggles presentation mode. */
function isPresentationKey(event: globalThis.KeyboardEvent): boolean {
  return (
    (event.key === 'p' || event.key === 'P') &&
    !event.ctrlKey &&
    !event.metaKey &&
    !event.altKey &&
    !event.isComposing
  );
}

/**
 * What a key pressed outside the text boxes does, or false when the key is not the editor's:
 * tree keys act on the focused node (or the selected one), "?" opens the help, P presents,
 * Ctrl+Z undoes.
 */
export function runCanvasKey(
  event: globalThis.KeyboardEvent,
  actions: EditorActions,
  store: EditorStore,
): boolean {
  const target = event.target instanceof Element ? event.target : null;
  const ui = store.getState();
  if (event.defaultPrevented || ui.helpOpen || !target) return false;
  if (target.closest(EDITABLE) || target.closest('[role="dialog"]')) return false;
  const page =
    target === target.ownerDocument.body || target === target.ownerDocument.documentElement;
  if (!page && !target.closest('.wc-editor')) return false;
  if (isPresentationKey(event)) {
    ui.setPresenting(!ui.presenting);
    return true;
  }
  const command = canvasCommand(event);
  if (!command) return false;
  // Tab only passing through (see keyboard/tabPassage.ts) is the browser's: it answers nothing.
  if (command.type === 'addChild' && event.key === 'Tab' && ui.tabLeaves) return false;
  if (TREE_COMMANDS.has(command.type)) {
    if (!page && !target.closest('.react-flow')) return false;
    const activates = target.closest(ACTIVATES);
    if (activates && ['Enter', ' ', 'Tab'].includes(event.key)) return false;
  }
  const node = target.closest<HTMLElement>('.react-flow__node')?.dataset.id;
  const current = node ?? ui.selectedId;
  switch (command.type) {
    case 'addChild':
    case 'addSibling':
      if (current === null) return false;
      if (command.type === 'addChild') actions.addWhy(current);
      else actions.addSibling(current);
      return true;
    case 'edit':
      if (current !== null) actions.startEditing(current);
      return current !== null;
    case 'stopEditing':
      if (ui.editingId === null) {
        // Nothing to leave: Escape lets go of the selection too, and Tab then moves on out of the
        // tree instead of answering (the way off the tree, see keyboard/tabPassage.ts).
        ui.select(null);
        ui.setTabLeaves(true);
      }
      actions.stopEditing();
      return true;
    case 'step': {
      const next = actions.selectStep(current, command.step);
      if (next !== null) focusNode(next);
      return true;
    }
    case 'delete':
      if (current !== null && current !== PROBLEM_ID) actions.deleteWhy(current as WhyId);
      return true;
    case 'undo':
      actions.undo();
      return true;
    case 'redo':
      actions.redo();
      return true;
    case 'help':
      actions.showHelp(true);
      return true;
  }
}

/**
 * The editor's keyboard. Keys pressed on the canvas (or with nothing focused) are caught before
 * React Flow sees them, so arrows select instead of nudging nodes; the returned handler, for the
 * editor's root element, gives undo and redo to every text box too (text box keys such as Tab
 * and Enter are handled by the node's text box itself).
 */
export function useEditorShortcuts(actions: EditorActions) {
  const store = useEditorStoreApi();
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!passTab(event, store) && !runCanvasKey(event, actions, store)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    // A click picks what one works on: Tab answers it again (it no longer only passes through).
    const onPointerDown = () => store.getState().setTabLeaves(false);
    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [actions, store]);

  return useCallback(
    (event: KeyboardEvent) => {
      const command = historyCommand(event);
      if (!command) return;
      event.preventDefault();
      if (command.type === 'undo') actions.undo();
      else actions.redo();
    },
    [actions],
  );
}
