import type { Connection } from '../sync/createSyncSession';
import './connection.css';

const LABELS: Record<Connection, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  offline: 'Offline: changes are saved on this device',
  refused: 'Changes refused by the server',
};

const HINTS: Record<Connection, string> = {
  connecting: 'Connecting to the server',
  connected: 'Your changes are shared live',
  offline:
    'The server cannot be reached. Keep working: your changes are kept in this browser and shared when the connection is back.',
  refused:
    'The server did not accept a change from this browser; the message below says why. You still see the others’ changes live.',
};

/** The connection state, always visible and announced when it changes. */
export function ConnectionStatus({ connection }: { connection: Connection }) {
  return (
    <p
      role="status"
      className={`wc-connection wc-connection--${connection}`}
      title={HINTS[connection]}
    >
      <span className="wc-connection__dot" aria-hidden="true" />
      {LABELS[connection]}
    </p>
  );
}
