import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
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
import './meeting.css';

interface CloseDialogProps {
  doc: Y.Doc;
  snapshot: AnalysisSnapshot;
  /** The status origin, which the undo history does not track. */
  origin: Origin;
  onClose: () => void;
  onSelectWhy: (whyId: WhyId) => void;
}

/**
 * Signing off: shows the checklist; closes when it passes, or, when it does not, only with a
 * reason to close anyway, which is recorded and shown with the sign-off.
 */
export function CloseDialog({ doc, snapshot, origin, onClose, onSelectWhy }: CloseDialogProps) {
  const checklist = useMemo(() => computeChecklist(snapshot), [snapshot]);
  const { error, check } = useCommandResult();
  const [reason, setReason] = useState('');
  const titleId = useId();
  const reasonId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const canClose = checklist.passed || reason.trim() !== '';

  useEffect(() => {
    const focusable = dialog.current?.querySelector<HTMLElement>(
      'textarea, button.wc-button--primary',
    );
    focusable?.focus();
  }, []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!canClose) return;
    // Signing off ends the meeting: stop a running timer while it can still be written.
    if (snapshot.timer.startedAt !== null) pauseTimer(doc, origin);
    const overrideReason = checklist.passed ? undefined : reason;
    if (check(closeAnalysis(doc, { overrideReason }, origin))) onClose();
  };

  return (
    <div
      className="wc-backdrop wc-closedialog__backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
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
            onClose();
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
            onClose();
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
            <button type="submit" className="wc-button wc-button--primary" disabled={!canClose}>
              {checklist.passed ? 'Sign off and close' : 'Close anyway'}
            </button>
            <button type="button" className="wc-button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
