import { useId, useState, type FormEvent } from 'react';
import { ACTION_KINDS, addAction, type ActionKind, type WhyId } from '@whychain/shared';
import { KIND_HINTS, KIND_LABELS } from './actionLabels';
import { ErrorText } from './ErrorText';
import { usePanel } from './PanelContext';
import { useCommandResult } from './useCommandResult';

interface AddActionFormProps {
  /** The root cause the action removes, or null for a containment action on the analysis. */
  whyId: WhyId | null;
  kinds: readonly ActionKind[];
  /** Called after adding or on Cancel; without it the form stays open and has no Cancel. */
  onDone?: () => void;
}

/** A small form for a new action: kind, description, owner and due date. */
export function AddActionForm({ whyId, kinds, onDone }: AddActionFormProps) {
  const { doc, origin } = usePanel();
  const { error, check, setError } = useCommandResult();
  const [kind, setKind] = useState<ActionKind>(
    kinds.includes('corrective') ? 'corrective' : kinds[0]!,
  );
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const ids = { kind: useId(), description: useId(), owner: useId(), due: useId() };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (description.trim() === '') {
      setError('Describe the action first.');
      return;
    }
    const result = addAction(
      doc,
      {
        whyId,
        kind,
        description: description.trim(),
        owner: owner.trim(),
        dueDate: dueDate || null,
      },
      origin,
    );
    if (check(result)) {
      setDescription('');
      setOwner('');
      setDueDate('');
      onDone?.();
    }
  };

  return (
    <form className="wc-addaction" aria-label="Add action" onSubmit={onSubmit}>
      <fieldset>
        {kinds.length > 1 && (
          <div className="wc-field wc-panel__field">
            <label htmlFor={ids.kind}>Kind</label>
            <select
              id={ids.kind}
              value={kind}
              onChange={(event) => setKind(event.target.value as ActionKind)}
            >
              {ACTION_KINDS.filter((k) => kinds.includes(k)).map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}: {KIND_HINTS[k]}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="wc-field wc-panel__field">
          <label htmlFor={ids.description}>Description</label>
          <textarea
            id={ids.description}
            rows={2}
            dir="auto"
            value={description}
            placeholder={kinds.length === 1 ? `What to do to ${KIND_HINTS[kinds[0]!]}` : undefined}
            onChange={(event) => setDescription(event.target.value)}
          />
        </div>
        <div className="wc-panel__row">
          <div className="wc-field wc-panel__field">
            <label htmlFor={ids.owner}>Owner</label>
            <input
              id={ids.owner}
              type="text"
              dir="auto"
              value={owner}
              onChange={(event) => setOwner(event.target.value)}
            />
          </div>
          <div className="wc-field wc-panel__field">
            <label htmlFor={ids.due}>Due date</label>
            <input
              id={ids.due}
              type="date"
              value={dueDate}
              onChange={(event) => setDueDate(event.target.value)}
            />
          </div>
        </div>
        <div className="wc-form__buttons">
          <button type="submit" className="wc-button wc-button--primary">
            Add action
          </button>
          {onDone && (
            <button type="button" className="wc-button" onClick={onDone}>
              Cancel
            </button>
          )}
        </div>
      </fieldset>
      <ErrorText error={error} />
    </form>
  );
}
