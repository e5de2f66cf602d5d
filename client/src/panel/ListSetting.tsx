import { useId, useState, type FormEvent } from 'react';
import type { Result } from '@whychain/shared';
import { ErrorText } from './ErrorText';
import { useCommandResult } from './useCommandResult';

interface ListSettingProps {
  label: string;
  hint: string;
  values: readonly string[];
  readOnly: boolean;
  onSave: (values: string[]) => Result;
}

/**
 * A list edited as one entry per line and saved as a whole. Until this user starts typing, the
 * box follows the list as others change it; while they type, their draft is kept.
 */
export function ListSetting({ label, hint, values, readOnly, onSave }: ListSettingProps) {
  const { error, check, setError } = useCommandResult();
  const [draft, setDraft] = useState<string | null>(null);
  const id = useId();
  const hintId = useId();
  const saved = values.join('\n');
  const text = draft ?? saved;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (check(onSave(text.split('\n')))) setDraft(null);
  };

  return (
    <form className="wc-field wc-panel__field wc-listsetting" onSubmit={onSubmit}>
      <label htmlFor={id}>{label}</label>
      <span id={hintId} className="wc-panel__hint">
        {hint}
      </span>
      <textarea
        id={id}
        rows={Math.min(8, Math.max(3, values.length + 1))}
        dir="auto"
        value={text}
        readOnly={readOnly}
        aria-describedby={hintId}
        onChange={(event) => setDraft(event.target.value)}
      />
      {!readOnly && (
        <div className="wc-form__buttons">
          <button type="submit" className="wc-button" disabled={draft === null}>
            Save {label.toLowerCase()}
          </button>
          {draft !== null && (
            <button
              type="button"
              className="wc-link"
              onClick={() => {
                setDraft(null);
                setError(null);
              }}
            >
              Cancel
            </button>
          )}
        </div>
      )}
      <ErrorText error={error} />
    </form>
  );
}
