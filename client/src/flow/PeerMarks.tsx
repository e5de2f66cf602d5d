import type { PeerMark } from './toFlow';

/** Small name tags of the other people who have this node selected. */
export function PeerMarks({ peers }: { peers: readonly PeerMark[] }) {
  if (peers.length === 0) return null;
  return (
    <ul className="wc-peermarks" aria-label="Also here">
      {peers.map((peer, index) => (
        <li key={`${peer.name}-${index}`} style={{ backgroundColor: peer.color }}>
          {peer.name}
        </li>
      ))}
    </ul>
  );
}
