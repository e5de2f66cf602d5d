import { createContext, useContext } from 'react';
import type { EditorActions } from './createEditorActions';

export const EditorActionsContext = createContext<EditorActions | null>(null);

/** The actions of the surrounding editor; throws a clear error outside an `AnalysisEditor`. */
export function useEditorActions(): EditorActions {
  const actions = useContext(EditorActionsContext);
  if (!actions) {
    throw new Error('useEditorActions must be used inside <AnalysisEditor>.');
  }
  return actions;
}
