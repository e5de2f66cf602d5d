import { useId } from 'react';
import type { Peer } from './usePresence';

/** Everyone in the room with their colour, yourself marked "(you)". */
export function PresenceList({ peers }: { peers: readonly Peer[] }) {
  const headingId = useId();
  return (
    <section className="wc-presence" aria-labelledby={headingId}>
      <h2 id={headingId}>In this room</h2>
      <ul aria-labelledby={headingId}>
        {peers.map((peer) => (
          <li key={peer.clientId}>
            <span
              className="wc-presence__dot"
              style={{ backgroundColor: peer.color }}
              aria-hidden="true"
            />
            <span className="wc-presence__name">{peer.name}</span>
            {peer.isSelf && <span className="wc-presence__you"> (you)</span>}
          </li>
        ))}
      </ul>
      {peers.length === 0 && <p className="wc-muted">Nobody yet.</p>}
    </section>
  );
}
