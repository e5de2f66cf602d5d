import { useRef, useState } from 'react';
import {
  reopenAnalysis,
  returnToDraft,
  submitForReview,
  type AnalysisSnapshot,
  type Origin,
  type Result,
} from '@whychain/shared';
import type * as Y from 'yjs';
import { useEditorStoreApi } from '../editor/useEditorStore';
import { statusLabel } from '../library/statusLabel';
import { CloseDialog } from './CloseDialog';
import { PointerShield } from './PointerShield';
import { signOffText } from './signOffText';
import { useArmedAfter } from './useArmedAfter';
import './meeting.css';

export interface StatusWorkflowProps {
  doc: Y.Doc;
  snapshot: AnalysisSnapshot;
  /** An origin of this user that the undo history does not track, so Ctrl+Z never reopens. */
  origin: Origin;
}

type Status = AnalysisSnapshot['status'];

/** The label of each status's step button; the widest one sets the width of all of them. */
const STEP_LABEL: Record<Status, string> = {
  draft: 'Submit for review',
  in_review: 'Close analysis',
  closed: 'Reopen',
};
const WIDEST_LABEL = Object.values(STEP_LABEL).reduce((a, b) => (b.length > a.length ? b : a));

/**
 * The status badge and the buttons that move an analysis through draft, review and closed. The
 * step's button is one element that stays at the end of the group with the same width in every
 * status, so the next step never slides under the pointer; after each step it ignores clicks
 * for a moment, so the second click of a double click does not take the next step too.
 */
export function StatusWorkflow({ doc, snapshot, origin }: StatusWorkflowProps) {
  const store = useEditorStoreApi();
  const [closing, setClosing] = useState(false);
  const [shielded, setShielded] = useState(false);
  const stepButton = useRef<HTMLButtonElement>(null);
  const { status } = snapshot;
  const armed = useArmedAfter(undefined, status);
  const report = (result: Result) => store.getState().setNotice(result.ok ? null : result.reason);
  const locked = snapshot.fromNewerVersion;
  // A dialog left open when someone else moves the analysis on must not come back later.
  const [dialogStatus, setDialogStatus] = useState(status);
  if (dialogStatus !== status) {
    setDialogStatus(status);
    setClosing(false);
  }

  const takeStep = () => {
    if (!armed) return;
    if (status === 'draft') report(submitForReview(doc, origin));
    else if (status === 'in_review') setClosing(true);
    else report(reopenAnalysis(doc, origin));
  };
  const closeDialog = (returnFocus: boolean) => {
    setClosing(false);
    setShielded(true);
    if (returnFocus) stepButton.current?.focus();
  };

  return (
    <div className="wc-workflow" role="group" aria-label="Status">
      <span
        className={`wc-status wc-status--${status}`}
        title={status === 'closed' ? (signOffText(snapshot) ?? undefined) : undefined}
      >
        {statusLabel(status)}
      </span>
      {!locked && status === 'in_review' && (
        <button
          type="button"
          className="wc-button wc-button--quiet"
          aria-disabled={armed ? undefined : true}
          onClick={() => armed && report(returnToDraft(doc, origin))}
        >
          Back to draft
        </button>
      )}
      {!locked && (
        <button
          ref={stepButton}
          type="button"
          className={`wc-button wc-workflow__step${status === 'closed' ? '' : ' wc-button--primary'}${armed ? '' : ' is-arming'}`}
          data-room={WIDEST_LABEL}
          aria-disabled={armed ? undefined : true}
          aria-haspopup={status === 'in_review' ? 'dialog' : undefined}
          onClick={takeStep}
        >
          {STEP_LABEL[status]}
        </button>
      )}
      {closing && status === 'in_review' && (
        <CloseDialog
          doc={doc}
          snapshot={snapshot}
          origin={origin}
          onClose={closeDialog}
          onSelectWhy={(id) => store.getState().select(id)}
        />
      )}
      {shielded && <PointerShield onDone={() => setShielded(false)} />}
    </div>
  );
}
