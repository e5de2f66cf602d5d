import { useMemo } from 'react';
import type { AnalysisSnapshot, Origin } from '@whychain/shared';
import type * as Y from 'yjs';
import { PartErrorBoundary } from '../editor/PartErrorBoundary';
import { useEditorStore } from '../editor/useEditorStore';
import { MeetingTimer } from '../meeting/MeetingTimer';
import { ParkingLot } from '../meeting/ParkingLot';
import { AnalysisDetails } from './AnalysisDetails';
import { ChecklistSection } from './ChecklistSection';
import { LinkedCases } from './LinkedCases';
import { PanelContext, type PanelEnv } from './PanelContext';
import { WhyDetails } from './WhyDetails';
import './panel.css';
import './panelLists.css';

export interface SidePanelProps {
  doc: Y.Doc;
  snapshot: AnalysisSnapshot;
  /** This user's origin for content edits: the canvas's, which the undo history tracks. */
  origin: Origin;
  /** This user's origin for the meeting timer, which the undo history does not track. */
  meetingOrigin: Origin;
  readOnly: boolean;
}

/**
 * The editor's side panel: the meeting timer, the customer cases, the "ready to close?" checklist
 * (the meeting's question, so near the top), the selected why (or, with the problem or nothing selected, the
 * analysis as a whole) and the parking lot.
 */
export function SidePanel({ doc, snapshot, origin, meetingOrigin, readOnly }: SidePanelProps) {
  const selectedId = useEditorStore((state) => state.selectedId);
  const env = useMemo<PanelEnv>(
    () => ({ doc, origin, meetingOrigin, readOnly }),
    [doc, origin, meetingOrigin, readOnly],
  );
  const why = selectedId !== null ? snapshot.whys[selectedId] : undefined;

  return (
    <PanelContext.Provider value={env}>
      <div className="wc-panel">
        <PartErrorBoundary part="The meeting timer" resetKey={snapshot.timer}>
          <MeetingTimer timer={snapshot.timer} />
        </PartErrorBoundary>
        <PartErrorBoundary part="The customer cases">
          <LinkedCases />
        </PartErrorBoundary>
        <PartErrorBoundary part="The checklist" resetKey={snapshot}>
          <ChecklistSection snapshot={snapshot} />
        </PartErrorBoundary>
        {why ? (
          <PartErrorBoundary key={why.id} part={`Why ${why.depth}`} resetKey={snapshot}>
            <WhyDetails why={why} snapshot={snapshot} />
          </PartErrorBoundary>
        ) : (
          <PartErrorBoundary part="The analysis details" resetKey={snapshot}>
            <AnalysisDetails snapshot={snapshot} />
          </PartErrorBoundary>
        )}
        <PartErrorBoundary part="The parking lot" resetKey={snapshot.parkingLot}>
          <ParkingLot items={snapshot.parkingLot} />
        </PartErrorBoundary>
      </div>
    </PanelContext.Provider>
  );
}
