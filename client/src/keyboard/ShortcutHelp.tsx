import { Fragment, useEffect, useId, useRef } from 'react';
import { useEditorStore, useEditorStoreApi } from '../editor/useEditorStore';
import { SHORTCUT_GROUPS } from './shortcuts';
import './keyboard.css';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Ctrl+Shift+Z" as separate keys, with ⌘ for Ctrl on a Mac. */
function Keys({ combo }: { combo: string }) {
  const keys = combo === '+' ? ['+'] : combo.split('+');
  return (
    <span className="wc-keys">
      {keys.map((key, index) => (
        <Fragment key={index}>
          {index > 0 && <span aria-hidden="true">+</span>}
          <kbd>{isMac && key === 'Ctrl' ? '⌘' : key}</kbd>
        </Fragment>
      ))}
    </span>
  );
}

/** The keyboard shortcut overlay ("?"): every shortcut of the editor; Escape closes it. */
export function ShortcutHelp() {
  const open = useEditorStore((state) => state.helpOpen);
  const store = useEditorStoreApi();
  const titleId = useId();
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const before = document.activeElement;
    closeButton.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' || (event.key === '?' && !event.ctrlKey && !event.metaKey)) {
        event.preventDefault();
        event.stopPropagation();
        store.getState().setHelpOpen(false);
      } else if (event.key === 'Tab') {
        // The close button is the only thing to focus in here.
        event.preventDefault();
        closeButton.current?.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      if (before instanceof HTMLElement && before.isConnected)
        before.focus({ preventScroll: true });
    };
  }, [open, store]);

  if (!open) return null;
  const close = () => store.getState().setHelpOpen(false);
  return (
    <div
      className="wc-backdrop wc-shortcuts__backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) close();
      }}
    >
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="wc-card wc-dialog wc-shortcuts"
      >
        <h1 id={titleId}>Keyboard shortcuts</h1>
        {/* The rule of tabPassage.ts in a sentence: Tab builds the tree but never traps anyone. */}
        <p className="wc-shortcuts__intro">
          Tab answers the why you are typing in or have selected. To leave the tree, press Esc twice
          (out of the text box, then off the selection) and Tab on, or press F6.
        </p>
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} aria-label={group.title}>
            <h2>{group.title}</h2>
            <dl>
              {group.shortcuts.map((shortcut) => (
                <div key={shortcut.id} className="wc-shortcuts__row">
                  <dt>
                    {shortcut.keys.map((combo, index) => (
                      <Fragment key={combo}>
                        {index > 0 && <span className="wc-shortcuts__or">or</span>}
                        <Keys combo={combo} />
                      </Fragment>
                    ))}
                  </dt>
                  <dd>{shortcut.label}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <div className="wc-form__buttons">
          <button ref={closeButton} type="button" className="wc-button" onClick={close}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
