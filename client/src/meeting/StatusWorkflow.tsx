import { useState } from 'react';
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
import { signOffText } from './signOffText';
import './meeting.css';

export interface StatusWorkflowProps {
  doc: Y.Doc;
  snapshot: AnalysisSnapshot;
  /** An origin of this user that the undo history does not track, so Ctrl+Z never reopens. */
  origin: Origin;
}

/** The status badge and the buttons that move an analysis through draft, review and closed. */
export function StatusWorkflow({ doc, snapshot, origin }: StatusWorkflowProps) {
  const store = useEditorStoreApi();
  const [closing, setClosing] = useState(false);
  const report = (result: Result) => store.getState().setNotice(result.ok ? null : result.reason);
  const { status } = snapshot;
  const locked = snapshot.fromNewerVersion;

  return (
    <div className="wc-workflow" role="group" aria-label="Status">
      <span
        className={`wc-status wc-status--${status}`}
        title={status === 'closed' ? (signOffText(snapshot) ?? undefined) : undefined}
      >
        {statusLabel(status)}
      </span>
      {!locked && status === 'draft' && (
        <button
          type="button"
          className="wc-button"
          onClick={() => report(submitForReview(doc, origin))}
        >
          Submit for review
        </button>
      )}
      {!locked && status === 'in_review' && (
        <>
          <button
            type="button"
            className="wc-button"
            onClick={() => report(returnToDraft(doc, origin))}
          >
            Back to draft
          </button>
          <button
            type="button"
            className="wc-button wc-button--primary"
            onClick={() => setClosing(true)}
          >
            Close analysis
          </button>
        </>
      )}
      {!locked && status === 'closed' && (
        <button
          type="button"
          className="wc-button"
          onClick={() => report(reopenAnalysis(doc, origin))}
        >
          Reopen
        </button>
      )}
      {closing && status === 'in_review' && (
        <CloseDialog
          doc={doc}
          snapshot={snapshot}
          origin={origin}
          onClose={() => setClosing(false)}
          onSelectWhy={(id) => store.getState().select(id)}
        />
      )}
    </div>
  );
}
