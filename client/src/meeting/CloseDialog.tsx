import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type SyntheticEvent,
} from 'react';
import { createPortal } from 'react-dom';
import {
  closeAnalysis,
  computeChecklist,
  LIMITS,
  pauseTimer,
  type AnalysisSnapshot,
  type Origin,
  type WhyId,
} from '@whychain/shared';
import type * as Y from 'yjs';
import { ChecklistItems } from '../panel/ChecklistItems';
import { ErrorText } from '../panel/ErrorText';
import { useCommandResult } from '../panel/useCommandResult';
import '../panel/panel.css';
import '../panel/panelLists.css';
import { useArmedAfter } from './useArmedAfter';
import './meeting.css';

interface CloseDialogProps {
  doc: Y.Doc;
  snapshot: AnalysisSnapshot;
  /** The status origin, which the undo history does not track. */
  origin: Origin;
  /** Called when the dialog goes; `returnFocus` is false when a why was picked to look at. */
  onClose: (returnFocus: boolean) => void;
  onSelectWhy: (whyId: WhyId) => void;
}

/** Keeps a pointer event inside the dialog from reaching anything behind it. */
const keep = (event: SyntheticEvent) => event.stopPropagation();

/**
 * Signing off: shows the checklist; closes when it passes, or, when it does not, only with a
 * reason to close anyway, which is recorded and shown with the sign-off. Rendered into the
 * page's body, outside the canvas, and its pointer events stop at its backdrop; its buttons and
 * its backdrop ignore clicks for a moment after it opens, so the second click of the double
 * click that opened it neither signs off nor closes it again.
 */
export function CloseDialog({ doc, snapshot, origin, onClose, onSelectWhy }: CloseDialogProps) {
  const checklist = useMemo(() => computeChecklist(snapshot), [snapshot]);
  const { error, check } = useCommandResult();
  const [reason, setReason] = useState('');
  const titleId = useId();
  const reasonId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const canClose = checklist.passed || reason.trim() !== '';
  const armed = useArmedAfter();

  useEffect(() => {
    const focusable = dialog.current?.querySelector<HTMLElement>(
      'textarea, button.wc-button--primary',
    );
    focusable?.focus();
  }, []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!canClose || !armed) return;
    // Signing off ends the meeting: stop a running timer while it can still be written.
    if (snapshot.timer.startedAt !== null) pauseTimer(doc, origin);
    const overrideReason = checklist.passed ? undefined : reason;
    if (check(closeAnalysis(doc, { overrideReason }, origin))) onClose(true);
  };

  return createPortal(
    <div
      className="wc-backdrop wc-closedialog__backdrop"
      onMouseDown={(event) => {
        event.stopPropagation();
        if (armed && event.target === event.currentTarget) onClose(true);
      }}
      onPointerDown={keep}
      onMouseUp={keep}
      onClick={keep}
      onDoubleClick={keep}
      onContextMenu={keep}
      onWheel={keep}
    >
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="wc-card wc-dialog wc-closedialog"
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose(true);
          } else if (
            (event.ctrlKey || event.metaKey) &&
            ['z', 'y'].includes(event.key.toLowerCase())
          ) {
            // Undo here is the reason box's own, never an edit behind the dialog.
            event.stopPropagation();
          }
        }}
      >
        <h1 id={titleId}>Close analysis</h1>
        <p
          className={checklist.passed ? 'wc-closedialog__verdict is-ok' : 'wc-closedialog__verdict'}
        >
          {checklist.passed
            ? 'Everything on the checklist is done. Signing off closes the analysis for editing.'
            : 'The checklist is not complete. Fix what is missing, or give a reason to close anyway.'}
        </p>
        <ChecklistItems
          checklist={checklist}
          onSelectWhy={(id) => {
            onSelectWhy(id);
            onClose(false);
          }}
        />
        <form onSubmit={onSubmit}>
          {!checklist.passed && (
            <div className="wc-field">
              <label htmlFor={reasonId}>Reason to close anyway</label>
              <textarea
                id={reasonId}
                rows={3}
                required
                maxLength={LIMITS.commentLength}
                value={reason}
                placeholder="Recorded and shown with the sign-off"
                onChange={(event) => setReason(event.target.value)}
              />
            </div>
          )}
          <ErrorText error={error} />
          <div className="wc-form__buttons">
            <button
              type="submit"
              className={`wc-button wc-button--primary${armed ? '' : ' is-arming'}`}
              disabled={!canClose}
              aria-disabled={armed ? undefined : true}
            >
              {checklist.passed ? 'Sign off and close' : 'Close anyway'}
            </button>
            <button
              type="button"
              className="wc-button"
              aria-disabled={armed ? undefined : true}
              onClick={() => armed && onClose(true)}
            >
              Cancel
            </button>
          </div>
        </form>
      </div>
    </div>,
    document.body,
  );
}
