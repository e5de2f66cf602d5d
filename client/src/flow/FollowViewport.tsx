import { useCallback, useEffect } from 'react';
import { Panel, useReactFlow } from '@xyflow/react';
import { useEditorStore, useEditorStoreApi } from '../editor/useEditorStore';
import { sameJson, useCanvasPresence, useRemoteStates, type RemoteState } from './useRemoteStates';

/**
 * While this user follows someone (`followingClientId`), moves the canvas along with that
 * person's view (centred on the same point, at the same zoom) and says so; their leaving the room ends it, as does any pan or zoom here.
 */
export function FollowViewport() {
  const store = useEditorStoreApi();
  const following = useEditorStore((state) => state.followingClientId);
  const { awareness } = useCanvasPresence();
  const flow = useReactFlow();
  const select = useCallback(
    (states: readonly RemoteState[]) => {
      const person = states.find((state) => state.clientId === following);
      return person ? { name: person.name, color: person.color, viewport: person.viewport } : null;
    },
    [following],
  );
  const leader = useRemoteStates(following === null ? null : awareness, select, sameJson);
  const gone = following !== null && leader === null;
  const { x, y, zoom, width = 0, height = 0 } = leader?.viewport ?? { x: NaN, y: NaN, zoom: NaN };

  useEffect(() => {
    if (gone) store.getState().follow(null);
  }, [gone, store]);
  useEffect(() => {
    if (!Number.isFinite(x) || !Number.isFinite(y) || !(zoom > 0)) return;
    // The same zoom, centred on the middle of the leader's view: with another window size the
    // same part of the tree is in the middle. Without the leader's size, their pan as it is.
    if (width > 0 && height > 0) {
      void flow.setCenter((width / 2 - x) / zoom, (height / 2 - y) / zoom, { zoom });
    } else {
      void flow.setViewport({ x, y, zoom });
    }
  }, [flow, x, y, zoom, width, height]);

  if (!leader) return null;
  return (
    <Panel position="top-center" className="wc-follow" aria-live="polite">
      <span
        className="wc-follow__dot"
        style={{ backgroundColor: leader.color }}
        aria-hidden="true"
      />
      Following {leader.name} — move the canvas to stop
      <button type="button" className="wc-link" onClick={() => store.getState().follow(null)}>
        Stop
      </button>
    </Panel>
  );
}
