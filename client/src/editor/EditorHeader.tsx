import { useCallback, useContext, type ReactNode } from 'react';
import { editTitle } from '@whychain/shared';
import { statusLabel } from '../library/statusLabel';
import { StatusWorkflow, type StatusWorkflowProps } from '../meeting/StatusWorkflow';
import { Link } from '../router/Link';
import type { Connection } from '../sync/createSyncSession';
import { ConnectionStatus } from './ConnectionStatus';
import { RedoIcon, UndoIcon } from './icons';
import { readOnlyReason } from './readOnlyReason';
import { TitleEditor } from './TitleEditor';
import { EditorActionsContext } from './useEditorActions';
import type { UndoHistoryHandle } from './useUndoHistory';
import './header.css';

interface EditorHeaderProps {
  title: string;
  status: string | null;
  connection: Connection;
  history: UndoHistoryHandle | null;
  /** The document, snapshot and status origin once loaded: shows the status buttons. */
  workflow?: StatusWorkflowProps | null;
  /** More buttons for the right-hand side (e.g. the keyboard shortcuts button). */
  children?: ReactNode;
}

/**
 * The editor's top bar, in two rows: the way back to the library, undo/redo, the caller's
 * buttons and the connection state; then the whole title (wrapped, never cut), which can be
 * renamed in place, with the status and its one step button at the end, where it stays put.
 */
export function EditorHeader({
  title,
  status,
  connection,
  history,
  workflow,
  children,
}: EditorHeaderProps) {
  const actions = useContext(EditorActionsContext);
  const doc = workflow?.doc;
  const editable = workflow ? readOnlyReason(workflow.snapshot) === null : false;
  // A rename is a content edit of this user: the undo history tracks it, as its own step, so
  // Ctrl+Z takes back a slip of the keyboard like any other edit (status steps it never does).
  const rename = useCallback(
    (next: string) => {
      if (!doc || !actions) return { ok: false as const, reason: 'The analysis has not loaded.' };
      history?.stopCapturing();
      const result = editTitle(doc, { title: next }, actions.origin);
      history?.stopCapturing();
      return result;
    },
    [doc, actions, history],
  );

  return (
    <header className="wc-topbar wc-editorbar">
      <div className="wc-editorbar__tools">
        <Link to="/" className="wc-topbar__back">
          ← Library
        </Link>
        <div className="wc-topbar__spacer" />
        {history && (
          <div className="wc-topbar__group" role="group" aria-label="History">
            <button
              type="button"
              className="wc-button wc-toolicon"
              disabled={!history.canUndo}
              aria-label="Undo"
              title="Undo (Ctrl+Z)"
              aria-keyshortcuts="Control+Z"
              onClick={history.undo}
            >
              <UndoIcon />
            </button>
            <button
              type="button"
              className="wc-button wc-toolicon"
              disabled={!history.canRedo}
              aria-label="Redo"
              title="Redo (Ctrl+Shift+Z)"
              aria-keyshortcuts="Control+Shift+Z"
              onClick={history.redo}
            >
              <RedoIcon />
            </button>
          </div>
        )}
        {children}
        <ConnectionStatus connection={connection} />
      </div>
      <div className="wc-editorbar__main">
        <TitleEditor title={title} onRename={editable && actions ? rename : null} armKey={status} />
        {workflow ? (
          <StatusWorkflow {...workflow} />
        ) : (
          status && <span className={`wc-status wc-status--${status}`}>{statusLabel(status)}</span>
        )}
      </div>
    </header>
  );
}
