import { useContext } from 'react';
import { useStore } from 'zustand';
import type { EditorState, EditorStore } from './createEditorStore';
import { EditorStoreContext } from './EditorStoreProvider';

/** The editor's store itself, for event handlers that read state without re-rendering. */
export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) {
    throw new Error(
      'useEditorStore must be used inside <EditorStoreProvider>: render the component within an <AnalysisEditor>.',
    );
  }
  return store;
}

/** Reads the editor's local UI state; throws a clear error outside an `EditorStoreProvider`. */
export function useEditorStore<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStoreApi(), selector);
}
