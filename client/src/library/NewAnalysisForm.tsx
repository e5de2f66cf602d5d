import { useId, useState, type FormEvent } from 'react';
import { validateCreateAnalysis } from '@whychain/shared';
import type { AnalysesApi } from '../api/analysesApi';

interface NewAnalysisFormProps {
  api: AnalysesApi;
  onCreated: (id: string) => void;
  onCancel: () => void;
}

/** The small form that starts a new analysis: a title and the problem statement. */
export function NewAnalysisForm({ api, onCreated, onCancel }: NewAnalysisFormProps) {
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const problemId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = { title, problem };
    const bad = validateCreateAnalysis(input);
    if (bad) {
      setError(bad);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { id } = await api.create(input);
      onCreated(id);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  };

  return (
    <form
      className="wc-card wc-form"
      aria-label="New analysis"
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <div className="wc-field">
        <label htmlFor={titleId}>Title</label>
        <input
          id={titleId}
          value={title}
          autoFocus
          maxLength={400}
          aria-invalid={error !== null && title.trim() === ''}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setTitle(event.target.value)}
        />
      </div>
      <div className="wc-field">
        <label htmlFor={problemId}>Problem statement</label>
        <textarea
          id={problemId}
          value={problem}
          rows={3}
          placeholder="Why are the customers angry?"
          onChange={(event) => setProblem(event.target.value)}
        />
      </div>
      {error && (
        <p id={errorId} role="alert" className="wc-error">
          {error}
        </p>
      )}
      <div className="wc-form__buttons">
        <button type="submit" className="wc-button wc-button--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create analysis'}
        </button>
        <button type="button" className="wc-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
