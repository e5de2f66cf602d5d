import type { ReactNode } from 'react';
import { statusLabel } from '../library/statusLabel';
import { StatusWorkflow, type StatusWorkflowProps } from '../meeting/StatusWorkflow';
import { Link } from '../router/Link';
import type { Connection } from '../sync/createSyncSession';
import { ConnectionStatus } from './ConnectionStatus';
import type { UndoHistoryHandle } from './useUndoHistory';

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
 * The editor's top bar: way back to the library, title, status with its workflow buttons,
 * undo/redo and connection state.
 */
export function EditorHeader({
  title,
  status,
  connection,
  history,
  workflow,
  children,
}: EditorHeaderProps) {
  return (
    <header className="wc-topbar">
      <Link to="/" className="wc-topbar__back">
        ← Analyses
      </Link>
      <h1 className="wc-topbar__title">{title || 'Analysis'}</h1>
      {workflow ? (
        <StatusWorkflow {...workflow} />
      ) : (
        status && <span className={`wc-status wc-status--${status}`}>{statusLabel(status)}</span>
      )}
      <div className="wc-topbar__spacer" />
      {history && (
        <div className="wc-topbar__group" role="group" aria-label="History">
          <button
            type="button"
            className="wc-button"
            disabled={!history.canUndo}
            aria-keyshortcuts="Control+Z"
            onClick={history.undo}
          >
            Undo
          </button>
          <button
            type="button"
            className="wc-button"
            disabled={!history.canRedo}
            aria-keyshortcuts="Control+Shift+Z"
            onClick={history.redo}
          >
            Redo
          </button>
        </div>
      )}
      {children}
      <ConnectionStatus connection={connection} />
    </header>
  );
}
