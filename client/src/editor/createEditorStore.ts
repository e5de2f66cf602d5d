import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * Local UI state of one editor in this browser only: never synced, never persisted.
 * The document itself lives in Yjs; presence lives in awareness.
 */
export interface EditorState {
  /** The selected node: a why id, `'problem'`, or null. */
  selectedId: string | null;
  /** The node whose text box should have the keyboard focus, if any. */
  editingId: string | null;
  /** The last thing that could not be done, in words for the user. */
  notice: string | null;
  /** Awareness client id of the participant whose view this one follows, or null. */
  followingClientId: number | null;
  /** Nodes whose answers are folded away on this screen (the document is unaffected). */
  collapsed: ReadonlySet<string>;
  /** Whether the keyboard shortcut overlay is open. */
  helpOpen: boolean;
  /** Presentation mode: side panel folded away, larger node text, presence and timer in a bar. */
  presenting: boolean;
  /** Whether the side panel is folded away outside presentation mode. */
  sidePanelCollapsed: boolean;
  /** Whether the side panel was brought back during presentation mode (folded again each time). */
  sidePanelShownWhilePresenting: boolean;
  /**
   * Whether Tab now moves the focus on out of the tree instead of answering: the focus came onto
   * the canvas by Tab from a control outside it, or Escape was pressed with no text box to leave.
   * Any other key or a click ends it (see client/src/keyboard/tabPassage.ts).
   */
  tabLeaves: boolean;
  select(id: string | null): void;
  /** Selects a node and puts the caret into its text box. */
  startEditing(id: string): void;
  stopEditing(): void;
  setNotice(notice: string | null): void;
  /** Follows a participant's view until this user moves the canvas; null stops following. */
  follow(clientId: number | null): void;
  /** Folds a node's answers away, or unfolds them. */
  toggleCollapsed(id: string): void;
  /** Unfolds these nodes (no change when none of them is folded). */
  expand(ids: Iterable<string>): void;
  setHelpOpen(open: boolean): void;
  setPresenting(presenting: boolean): void;
  /** Shows or folds the side panel, in the current mode only. */
  setSidePanelOpen(open: boolean): void;
  setTabLeaves(leaves: boolean): void;
}

/** Whether the side panel is shown, in the current mode. */
export function sidePanelOpen(state: EditorState): boolean {
  return state.presenting ? state.sidePanelShownWhilePresenting : !state.sidePanelCollapsed;
}

export type EditorStore = StoreApi<EditorState>;

const NONE: ReadonlySet<string> = new Set();

/** A fresh store for one mounted editor. */
export function createEditorStore(
  initial: Partial<Pick<EditorState, 'selectedId' | 'editingId' | 'collapsed'>> = {},
): EditorStore {
  return createStore<EditorState>()((set) => ({
    selectedId: initial.selectedId ?? null,
    editingId: initial.editingId ?? null,
    notice: null,
    followingClientId: null,
    collapsed: initial.collapsed ?? NONE,
    helpOpen: false,
    presenting: false,
    sidePanelCollapsed: false,
    sidePanelShownWhilePresenting: false,
    tabLeaves: false,
    select: (id) =>
      set((state) =>
        state.selectedId === id
          ? state
          : { selectedId: id, editingId: state.editingId === id ? id : null },
      ),
    startEditing: (id) => set({ selectedId: id, editingId: id }),
    stopEditing: () => set({ editingId: null }),
    setNotice: (notice) => set({ notice }),
    follow: (clientId) => set({ followingClientId: clientId }),
    toggleCollapsed: (id) =>
      set((state) => {
        const collapsed = new Set(state.collapsed);
        if (!collapsed.delete(id)) collapsed.add(id);
        return { collapsed };
      }),
    expand: (ids) =>
      set((state) => {
        const collapsed = new Set(state.collapsed);
        let changed = false;
        for (const id of ids) changed = collapsed.delete(id) || changed;
        return changed ? { collapsed } : state;
      }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    setPresenting: (presenting) =>
      set((state) =>
        state.presenting === presenting
          ? state
          : { presenting, sidePanelShownWhilePresenting: false },
      ),
    setSidePanelOpen: (open) =>
      set((state) =>
        state.presenting ? { sidePanelShownWhilePresenting: open } : { sidePanelCollapsed: !open },
      ),
    setTabLeaves: (tabLeaves) =>
      set((state) => (state.tabLeaves === tabLeaves ? state : { tabLeaves })),
  }));
}
