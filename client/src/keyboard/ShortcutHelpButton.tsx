import { useEditorStoreApi } from '../editor/useEditorStore';

/** The header's small button that opens the keyboard shortcut overlay (also "?"). */
export function ShortcutHelpButton() {
  const store = useEditorStoreApi();
  return (
    <button
      type="button"
      className="wc-button wc-shortcuts__open"
      aria-keyshortcuts="?"
      aria-haspopup="dialog"
      onClick={() => store.getState().setHelpOpen(true)}
    >
      Keyboard shortcuts (?)
    </button>
  );
}
