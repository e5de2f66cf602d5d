import { useCallback, type KeyboardEvent } from 'react';
import type { EditorActions } from './createEditorActions';

/** Keys that work anywhere in the editor, text boxes included: undo and redo. */
export function useEditorShortcuts(actions: EditorActions) {
  return useCallback(
    (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        actions.undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        actions.redo();
      }
    },
    [actions],
  );
}
