import type { Connection } from '../sync/createSyncSession';

const LABELS: Record<Connection, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  offline: 'Offline',
};

const HINTS: Record<Connection, string> = {
  connecting: 'Connecting to the server',
  connected: 'Your changes are shared live',
  offline: 'Your changes are kept and will be shared when the connection is back',
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
