import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { createUndoManager, readAnalysis, type Origin } from '@whychain/shared';
import type * as Y from 'yjs';
import { selectionAfterHistory } from '../flow/selectionAfterHistory';
import { useEditorStoreApi } from './useEditorStore';

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

export interface UndoHistoryHandle extends UndoState {
  undo(): void;
  redo(): void;
  /** Ends the current undo step, so that the next change is undone on its own. */
  stopCapturing(): void;
}

const NOTHING: UndoState = { canUndo: false, canRedo: false };
const noSubscription = () => () => undefined;
/** Key of an undo step's meta entry: the node selected when the change was made. */
const SELECTED = 'whychain.selectedId';

interface StackEvent {
  stackItem: { meta: Map<unknown, unknown> };
}

/**
 * Undo and redo of this user's own edits only (transactions with `origin`, through shared's
 * `createUndoManager`); edits by others, arriving from the network, are never undone. After an
 * undo or redo the selection follows the change: a why brought back is selected, and a selected
 * why that went away hands the selection to the node above it.
 */
export function useUndoHistory(doc: Y.Doc, origin: Origin): UndoHistoryHandle {
  const store = useEditorStoreApi();
  const [manager, setManager] = useState<Y.UndoManager | null>(null);
  useEffect(() => {
    const created = createUndoManager(doc, origin);
    const remember = ({ stackItem }: StackEvent) => {
      if (!stackItem.meta.has(SELECTED)) stackItem.meta.set(SELECTED, store.getState().selectedId);
    };
    created.on('stack-item-added', remember);
    setManager(created);
    return () => {
      created.off('stack-item-added', remember);
      created.destroy();
      setManager((current) => (current === created ? null : current));
    };
  }, [doc, origin, store]);

  const [source] = useState(() => {
    let cached = NOTHING;
    return {
      subscribe(target: Y.UndoManager, listener: () => void) {
        const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
        for (const event of events) target.on(event, listener);
        return () => {
          for (const event of events) target.off(event, listener);
        };
      },
      read(target: Y.UndoManager | null): UndoState {
        const canUndo = target?.canUndo() ?? false;
        const canRedo = target?.canRedo() ?? false;
        if (canUndo !== cached.canUndo || canRedo !== cached.canRedo) cached = { canUndo, canRedo };
        return cached;
      },
    };
  });

  const subscribe = useCallback(
    (listener: () => void) => (manager ? source.subscribe(manager, listener) : noSubscription()),
    [manager, source],
  );
  const getSnapshot = useCallback(() => source.read(manager), [manager, source]);
  const state = useSyncExternalStore(subscribe, getSnapshot);
  return useMemo(() => {
    const replay = (direction: 'undo' | 'redo') => {
      if (!manager) return;
      const before = readAnalysis(doc);
      const item = direction === 'undo' ? manager.undo() : manager.redo();
      if (!item) return;
      const ui = store.getState();
      const recorded = item.meta.get(SELECTED);
      const next = selectionAfterHistory(
        before,
        readAnalysis(doc),
        ui.selectedId,
        typeof recorded === 'string' ? recorded : null,
      );
      if (next !== ui.selectedId) ui.select(next);
    };
    return {
      ...state,
      undo: () => replay('undo'),
      redo: () => replay('redo'),
      stopCapturing: () => manager?.stopCapturing(),
    };
  }, [state, manager, doc, store]);
}
