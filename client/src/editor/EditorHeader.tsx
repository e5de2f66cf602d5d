import { statusLabel } from '../library/statusLabel';
import { Link } from '../router/Link';
import type { Connection } from '../sync/createSyncSession';
import { ConnectionStatus } from './ConnectionStatus';
import type { UndoHistoryHandle } from './useUndoHistory';

interface EditorHeaderProps {
  title: string;
  status: string | null;
  connection: Connection;
  history: UndoHistoryHandle | null;
}

/** The editor's top bar: way back to the library, title, undo/redo and connection state. */
export function EditorHeader({ title, status, connection, history }: EditorHeaderProps) {
  return (
    <header className="wc-topbar">
      <Link to="/" className="wc-topbar__back">
        ← Analyses
      </Link>
      <h1 className="wc-topbar__title">{title || 'Analysis'}</h1>
      {status && <span className={`wc-status wc-status--${status}`}>{statusLabel(status)}</span>}
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
      <ConnectionStatus connection={connection} />
    </header>
  );
}
