import { useId, useState } from 'react';
import {
  RECOVERY_STEPS,
  RECOVERY_STEP_LABELS,
  type CaseJson,
  type CaseRecovery,
  type RecoveryStep,
} from '@whychain/shared';
import { messageOf } from '../api/request';
import { formatDateTime, sinceReceipt } from './caseFormat';
import { RecoveryStepForm } from './RecoveryStepForm';

interface RecoveryTimelineProps {
  found: CaseJson;
  onSave: (patch: Partial<CaseRecovery>) => Promise<void>;
}

function doneAt(recovery: CaseRecovery, step: RecoveryStep): string | null {
  const value = recovery[step];
  return typeof value === 'string' ? value : (value?.at ?? null);
}

/**
 * The repair of the relationship, step by step from receipt: when each step was done and how
 * long after the complaint arrived, so slow acknowledgements show at a glance.
 */
export function RecoveryTimeline({ found, onSave }: RecoveryTimelineProps) {
  const headingId = useId();
  const [editing, setEditing] = useState<RecoveryStep | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { recovery, receivedAt } = found;
  const done = RECOVERY_STEPS.filter((step) => doneAt(recovery, step) !== null).length;

  const clear = async (step: RecoveryStep) => {
    setError(null);
    try {
      await onSave({ [step]: null });
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return (
    <section className="wc-casesection" aria-labelledby={headingId}>
      <div className="wc-casesection__head">
        <h2 id={headingId}>Recovery</h2>
        <span className="wc-casesection__count">
          {done} of {RECOVERY_STEPS.length} steps done
        </span>
      </div>
      <ol className="wc-timeline">
        <li className="wc-timeline__item is-done is-start">
          <span className="wc-timeline__dot" aria-hidden="true" />
          <div className="wc-timeline__body">
            <span className="wc-timeline__label">Received</span>
            <span className="wc-timeline__when">
              <time dateTime={receivedAt}>{formatDateTime(receivedAt)}</time>
            </span>
          </div>
        </li>
        {RECOVERY_STEPS.map((step) => {
          const at = doneAt(recovery, step);
          const label = RECOVERY_STEP_LABELS[step];
          const labelId = `${headingId}-${step}`;
          return (
            <li
              key={step}
              className={`wc-timeline__item${at ? ' is-done' : ''}`}
              aria-labelledby={labelId}
            >
              <span className="wc-timeline__dot" aria-hidden="true" />
              <div className="wc-timeline__body">
                <span className="wc-timeline__label" id={labelId}>
                  {label}
                </span>
                {at ? (
                  <span className="wc-timeline__when">
                    <strong>{sinceReceipt(receivedAt, at)}</strong>
                    {' · '}
                    <time dateTime={at}>{formatDateTime(at)}</time>
                  </span>
                ) : (
                  <span className="wc-timeline__when is-pending">Not done yet</span>
                )}
                {step === 'gesture' && recovery.gesture?.note && (
                  <p className="wc-timeline__note" dir="auto">
                    {recovery.gesture.note}
                  </p>
                )}
                {step === 'survey' && recovery.survey && (
                  <p className="wc-timeline__note">
                    <span className="wc-score">Score {recovery.survey.score} of 5</span>
                    {recovery.survey.comment && (
                      <span dir="auto"> · {recovery.survey.comment}</span>
                    )}
                  </p>
                )}
                {editing === step ? (
                  <RecoveryStepForm
                    step={step}
                    recovery={recovery}
                    onSave={onSave}
                    onClose={() => setEditing(null)}
                  />
                ) : (
                  <div className="wc-timeline__actions">
                    <button
                      type="button"
                      className={at ? 'wc-textbutton' : 'wc-button wc-button--small'}
                      aria-describedby={labelId}
                      onClick={() => setEditing(step)}
                    >
                      {at ? 'Change' : 'Mark done'}
                    </button>
                    {at && (
                      <button
                        type="button"
                        className="wc-textbutton"
                        aria-describedby={labelId}
                        onClick={() => void clear(step)}
                      >
                        Mark not done
                      </button>
                    )}
                  </div>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {error && (
        <p role="alert" className="wc-error">
          {error}
        </p>
      )}
    </section>
  );
}
