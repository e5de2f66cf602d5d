import { useMemo } from 'react';
import type { AnalysisSnapshot, Origin } from '@whychain/shared';
import type * as Y from 'yjs';
import { MeetingTimer } from '../meeting/MeetingTimer';
import { PanelContext, type PanelEnv } from '../panel/PanelContext';
import { PartErrorBoundary } from './PartErrorBoundary';
import { PresenceList } from './PresenceList';
import { useEditorStore, useEditorStoreApi } from './useEditorStore';
import type { Peer } from './usePresence';
import './presentation.css';

/** The header's toggle for presentation mode (also the key P outside text boxes). */
export function PresentationToggle() {
  const store = useEditorStoreApi();
  const presenting = useEditorStore((state) => state.presenting);
  return (
    <button
      type="button"
      className="wc-button wc-presentation-toggle"
      aria-pressed={presenting}
      aria-keyshortcuts="P"
      aria-label="Presentation mode"
      title="Presentation mode (P)"
      onClick={() => store.getState().setPresenting(!presenting)}
    >
      {/* A screen on a stand. */}
      <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
        <rect
          x="2"
          y="3"
          width="16"
          height="10"
          rx="1.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
        />
        <path d="M10 13v3M6 17h8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
    </button>
  );
}

/**
 * Presence and the meeting timer in a small bar over the canvas, while the side panel (where they
 * otherwise are) is folded away in presentation mode. The same components as the panel's, made
 * compact by presentation.css.
 */
export function PresentationBar(props: {
  doc: Y.Doc;
  snapshot: AnalysisSnapshot;
  peers: readonly Peer[];
  meetingOrigin: Origin;
  origin: Origin;
  readOnly: boolean;
}) {
  const { doc, snapshot, peers, origin, meetingOrigin, readOnly } = props;
  const env = useMemo<PanelEnv>(
    () => ({ doc, origin, meetingOrigin, readOnly }),
    [doc, origin, meetingOrigin, readOnly],
  );
  return (
    <div className="wc-presentbar" role="region" aria-label="Presence and meeting timer">
      <PartErrorBoundary part="The meeting timer" resetKey={snapshot.timer}>
        <PanelContext.Provider value={env}>
          <MeetingTimer timer={snapshot.timer} />
        </PanelContext.Provider>
      </PartErrorBoundary>
      <PartErrorBoundary part="The list of people in the room" resetKey={peers}>
        <PresenceList peers={peers} snapshot={snapshot} />
      </PartErrorBoundary>
    </div>
  );
}
