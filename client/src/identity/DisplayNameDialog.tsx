import { useId, useState, type FormEvent } from 'react';
import { MAX_NAME_LENGTH } from './userIdentity';

/** Asks for the name others will see before joining a room. */
export function DisplayNameDialog({ onSubmit }: { onSubmit: (name: string) => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const inputId = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') setError('Please enter a name so the others know who is typing.');
    else if (trimmed.length > MAX_NAME_LENGTH) {
      setError(`Please keep the name under ${MAX_NAME_LENGTH} characters.`);
    } else onSubmit(trimmed);
  };

  return (
    <div className="wc-backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby={titleId} className="wc-card wc-dialog">
        <h1 id={titleId}>Join the analysis</h1>
        <p>Choose the name the others in the room will see next to your edits.</p>
        <form onSubmit={submit} noValidate>
          <div className="wc-field">
            <label htmlFor={inputId}>Display name</label>
            <input
              id={inputId}
              value={name}
              autoFocus
              autoComplete="nickname"
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          {error && (
            <p role="alert" className="wc-error">
              {error}
            </p>
          )}
          <div className="wc-form__buttons">
            <button type="submit" className="wc-button wc-button--primary">
              Join
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
