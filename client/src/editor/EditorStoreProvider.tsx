import { createContext, useState, type ReactNode } from 'react';
import { createEditorStore, type EditorStore } from './createEditorStore';

export const EditorStoreContext = createContext<EditorStore | null>(null);

/** Gives the editor below it its own local UI store (or the one passed in, for tests). */
export function EditorStoreProvider({
  store,
  children,
}: {
  store?: EditorStore;
  children: ReactNode;
}) {
  const [own] = useState(() => store ?? createEditorStore());
  return <EditorStoreContext.Provider value={store ?? own}>{children}</EditorStoreContext.Provider>;
}
