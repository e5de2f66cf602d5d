import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Origin } from '@whychain/shared';
import * as Y from 'yjs';

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

export interface UndoHistoryHandle extends UndoState {
  undo(): void;
  redo(): void;
}

const NOTHING: UndoState = { canUndo: false, canRedo: false };
const noSubscription = () => () => undefined;

/**
 * Undo and redo of this user's own edits only (transactions with `origin`); edits by others,
 * arriving from the network, are never undone.
 */
export function useUndoHistory(doc: Y.Doc, origin: Origin): UndoHistoryHandle {
  const [manager, setManager] = useState<Y.UndoManager | null>(null);
  useEffect(() => {
    const created = new Y.UndoManager(doc, {
      trackedOrigins: new Set([origin]),
      captureTimeout: 600,
    });
    setManager(created);
    return () => {
      created.destroy();
      setManager((current) => (current === created ? null : current));
    };
  }, [doc, origin]);

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
  return useMemo(
    () => ({
      ...state,
      undo: () => void manager?.undo(),
      redo: () => void manager?.redo(),
    }),
    [state, manager],
  );
}
