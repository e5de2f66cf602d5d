import { useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';

/** Someone in the room, as announced through awareness. */
export interface Peer {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
  readonly isSelf: boolean;
  /** The node this person has selected, if any. */
  readonly selectedId: string | null;
}

interface PresenceSource {
  subscribe(listener: () => void): () => void;
  getSnapshot(): readonly Peer[];
}

const NOBODY: readonly Peer[] = Object.freeze([]);
const sources = new WeakMap<Awareness, PresenceSource>();

function readPeers(awareness: Awareness): readonly Peer[] {
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
    if (!user || typeof user.name !== 'string') return;
    const selectedId = (state as { selectedId?: unknown }).selectedId;
    peers.push({
      clientId,
      name: user.name,
      color: typeof user.color === 'string' ? user.color : '#868e96',
      isSelf: clientId === awareness.clientID,
      selectedId: typeof selectedId === 'string' ? selectedId : null,
    });
  });
  peers.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
  return Object.freeze(peers);
}

function samePeers(a: readonly Peer[], b: readonly Peer[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i]!;
      return (
        p.clientId === q.clientId &&
        p.name === q.name &&
        p.color === q.color &&
        p.isSelf === q.isSelf &&
        p.selectedId === q.selectedId
      );
    })
  );
}

function sourceFor(awareness: Awareness): PresenceSource {
  let source = sources.get(awareness);
  if (source) return source;
  const listeners = new Set<() => void>();
  let peers: readonly Peer[] = readPeers(awareness);
  // Pointers, carets and viewports change many times a second; the list only changes when
  // someone comes, goes, or changes name, colour or selection, so only then is it replaced.
  awareness.on('change', () => {
    const next = readPeers(awareness);
    if (samePeers(peers, next)) return;
    peers = next;
    for (const listener of [...listeners]) listener();
  });
  source = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => peers,
  };
  sources.set(awareness, source);
  return source;
}

const noSubscription = () => () => undefined;

/** Everyone in the room (yourself first), re-rendering when anyone comes, goes or changes. */
export function usePresence(awareness: Awareness | null | undefined): readonly Peer[] {
  const source = awareness ? sourceFor(awareness) : null;
  return useSyncExternalStore(
    source?.subscribe ?? noSubscription,
    source?.getSnapshot ?? (() => NOBODY),
  );
}
