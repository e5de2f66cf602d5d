import type { PeerMark } from '../flow/toFlow';
import type { Peer } from './usePresence';

/** The other people in the room, grouped by the node each has selected. */
export function peersByNode(peers: readonly Peer[]): ReadonlyMap<string, readonly PeerMark[]> {
  const byNode = new Map<string, PeerMark[]>();
  for (const peer of peers) {
    if (peer.isSelf || !peer.selectedId) continue;
    const marks = byNode.get(peer.selectedId) ?? [];
    marks.push({ name: peer.name, color: peer.color });
    byNode.set(peer.selectedId, marks);
  }
  return byNode;
}
