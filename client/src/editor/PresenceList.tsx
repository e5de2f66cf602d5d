import { useEffect, useId } from 'react';
import { PROBLEM_ID, type AnalysisSnapshot } from '@whychain/shared';
import { useEditorStore, useEditorStoreApi } from './useEditorStore';
import type { Peer } from './usePresence';
import './presence.css';

interface PresenceListProps {
  peers: readonly Peer[];
  /** The analysis, to say where each person is ("on Why 3"); null while it loads. */
  snapshot?: AnalysisSnapshot | null;
}

/** Where on the tree a node is, in the words of the canvas: "the problem", "Why 3". */
export function placeOf(snapshot: AnalysisSnapshot, nodeId: string | null): string | null {
  if (nodeId === null) return null;
  if (nodeId === PROBLEM_ID) return 'the problem';
  const why = snapshot.whys[nodeId as keyof typeof snapshot.whys];
  return why ? `Why ${why.depth}` : null;
}

/**
 * Everyone in the room with their colour and where they are, yourself marked "(you)"; each other
 * person can be followed, which makes this view track theirs.
 */
export function PresenceList({ peers, snapshot = null }: PresenceListProps) {
  const headingId = useId();
  const store = useEditorStoreApi();
  const following = useEditorStore((state) => state.followingClientId);
  const followedIsHere =
    following === null || peers.some((peer) => peer.clientId === following && !peer.isSelf);

  // Someone who left the room can no longer be followed.
  useEffect(() => {
    if (!followedIsHere) store.getState().follow(null);
  }, [followedIsHere, store]);

  return (
    <section className="wc-presence" aria-labelledby={headingId}>
      <h2 id={headingId}>In this room</h2>
      <ul aria-labelledby={headingId}>
        {peers.map((peer) => {
          const place = snapshot ? placeOf(snapshot, peer.selectedId) : null;
          const followed = !peer.isSelf && peer.clientId === following;
          const whyText =
            snapshot && place && peer.selectedId !== PROBLEM_ID
              ? snapshot.whys[peer.selectedId as keyof typeof snapshot.whys]?.text
              : undefined;
          return (
            <li key={peer.clientId} className={followed ? 'is-followed' : undefined}>
              <span
                className="wc-presence__dot"
                style={{ backgroundColor: peer.color }}
                aria-hidden="true"
              />
              <span className="wc-presence__who">
                <span className="wc-presence__name">{peer.name}</span>
                {peer.isSelf && <span className="wc-presence__you"> (you)</span>}
                {place && (
                  <span className="wc-presence__place" title={whyText || undefined}>
                    {' '}
                    on {place}
                  </span>
                )}
              </span>
              {!peer.isSelf && (
                <button
                  type="button"
                  className="wc-button wc-presence__follow"
                  aria-label={followed ? 'Stop following' : `Follow ${peer.name}`}
                  onClick={() => store.getState().follow(followed ? null : peer.clientId)}
                >
                  {followed ? 'Stop following' : 'Follow'}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {peers.length === 0 && <p className="wc-muted">Nobody yet.</p>}
    </section>
  );
}
