import { useEffect, useId, useState } from 'react';
import type { AnalysisRow, AnalysisRowsApi } from '../api/analysisRowsApi';
import { messageOf } from '../api/request';
import { Modal } from './Modal';

interface LinkAnalysisDialogProps {
  api: AnalysisRowsApi;
  /** Analyses already linked: listed, but not offered again. */
  linkedIds: readonly string[];
  onLink: (analysisId: string) => Promise<void>;
  onClose: () => void;
}

/** Search the analyses by title and pick the one that explains this case. */
export function LinkAnalysisDialog({ api, linkedIds, onLink, onClose }: LinkAnalysisDialogProps) {
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<AnalysisRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    const timer = setTimeout(() => {
      api.list({ q: query.trim() || undefined, sort: '-updatedAt', limit: 20 }, abort.signal).then(
        (page) => {
          setResults(page.analyses);
          setError(null);
        },
        (failure: unknown) => {
          if (!abort.signal.aborted) setError(messageOf(failure));
        },
      );
    }, 200);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [api, query]);

  const pick = async (id: string) => {
    setBusy(true);
    try {
      await onLink(id);
      onClose();
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
    }
  };

  return (
    <Modal
      title="Link analysis"
      description="Pick the analysis that explains this case."
      onClose={onClose}
      className="wc-pickdialog"
    >
      <div className="wc-casefield">
        <label htmlFor={searchId}>Search analyses</label>
        <input
          id={searchId}
          type="search"
          dir="auto"
          autoComplete="off"
          placeholder="Title"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <div className="wc-picklist" aria-live="polite">
        {results === null && !error && <p className="wc-muted">Searching…</p>}
        {results?.length === 0 && <p className="wc-muted">No analysis matches.</p>}
        {results && results.length > 0 && (
          <ul>
            {results.map((row) => {
              const linked = linkedIds.includes(row.id);
              return (
                <li key={row.id}>
                  <button
                    type="button"
                    className="wc-picklist__option"
                    disabled={busy || linked}
                    onClick={() => void pick(row.id)}
                  >
                    <span className="wc-picklist__title" dir="auto">
                      {row.title || 'Untitled analysis'}
                    </span>
                    <span className="wc-picklist__meta">
                      {linked
                        ? 'Already linked'
                        : `${row.whyCount} ${row.whyCount === 1 ? 'why' : 'whys'} · ${row.rootCauses.length} root ${row.rootCauses.length === 1 ? 'cause' : 'causes'}`}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {error && (
        <p role="alert" className="wc-error">
          {error}
        </p>
      )}
      <div className="wc-form__buttons">
        <button type="button" className="wc-button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
