import { useId, useState, type FormEvent } from 'react';
import { CASE_LIMITS, type CaseRecovery, type RecoveryStep } from '@whychain/shared';
import { messageOf } from '../api/request';
import { fromLocalInput, toLocalInput } from './caseFormat';

interface RecoveryStepFormProps {
  step: RecoveryStep;
  recovery: CaseRecovery;
  onSave: (patch: Partial<CaseRecovery>) => Promise<void>;
  onClose: () => void;
}

/** When a recovery step was done, with the gesture's note or the survey's score and comment. */
export function RecoveryStepForm({ step, recovery, onSave, onClose }: RecoveryStepFormProps) {
  const id = useId();
  const current = recovery[step];
  const currentAt = typeof current === 'string' ? current : (current?.at ?? null);
  const [at, setAt] = useState(() => toLocalInput(currentAt ?? new Date().toISOString()));
  const [note, setNote] = useState(recovery.gesture?.note ?? '');
  const [score, setScore] = useState<number | null>(recovery.survey?.score ?? null);
  const [comment, setComment] = useState(recovery.survey?.comment ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const iso = fromLocalInput(at);
    if (iso === null) return setError('Enter the date and time the step was done.');
    if (step === 'survey' && score === null) return setError('Choose a score from 1 to 5.');
    const value =
      step === 'gesture'
        ? { at: iso, note }
        : step === 'survey'
          ? { at: iso, score: score!, comment }
          : iso;
    setBusy(true);
    try {
      await onSave({ [step]: value });
      onClose();
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
    }
  };

  return (
    <form
      className="wc-stepform"
      noValidate
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="wc-casefield">
        <label htmlFor={`${id}-at`}>Done at</label>
        <input
          id={`${id}-at`}
          type="datetime-local"
          autoFocus
          value={at}
          onChange={(event) => setAt(event.target.value)}
        />
      </div>
      {step === 'gesture' && (
        <div className="wc-casefield">
          <label htmlFor={`${id}-note`}>Gesture note</label>
          <textarea
            id={`${id}-note`}
            dir="auto"
            rows={2}
            maxLength={CASE_LIMITS.note}
            placeholder="What we did beyond the call of duty"
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
      )}
      {step === 'survey' && (
        <>
          <fieldset className="wc-stepform__score">
            <legend>Score</legend>
            {[1, 2, 3, 4, 5].map((value) => (
              <label key={value} className="wc-scorechip">
                <input
                  type="radio"
                  name={`${id}-score`}
                  value={value}
                  checked={score === value}
                  onChange={() => setScore(value)}
                />
                <span>{value}</span>
              </label>
            ))}
          </fieldset>
          <div className="wc-casefield">
            <label htmlFor={`${id}-comment`}>Survey comment</label>
            <textarea
              id={`${id}-comment`}
              dir="auto"
              rows={2}
              maxLength={CASE_LIMITS.note}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
            />
          </div>
        </>
      )}
      {error && (
        <p role="alert" className="wc-casefield__error">
          {error}
        </p>
      )}
      <div className="wc-stepform__buttons">
        <button type="submit" className="wc-button wc-button--primary" disabled={busy}>
          Save
        </button>
        <button type="button" className="wc-button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
