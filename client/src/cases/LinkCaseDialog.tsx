import { useEffect, useId, useState } from 'react';
import type { CaseJson } from '@whychain/shared';
import type { CasesApi } from '../api/casesApi';
import { messageOf } from '../api/request';
import { formatDate, labelOf, SEVERITY_LABELS } from './caseFormat';
import { Modal } from './Modal';

interface LinkCaseDialogProps {
  api: CasesApi;
  linkedIds: readonly string[];
  onLink: (caseId: string) => Promise<void>;
  onClose: () => void;
}

/** Search the cases (summary, description, customer) and pick one this analysis explains. */
export function LinkCaseDialog({ api, linkedIds, onLink, onClose }: LinkCaseDialogProps) {
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<CaseJson[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    const timer = setTimeout(() => {
      api.list({ q: query.trim() || undefined, sort: '-receivedAt', limit: 20 }, abort.signal).then(
        (page) => {
          setResults(page.cases);
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
      title="Link case"
      description="Pick a customer case this analysis explains."
      onClose={onClose}
      className="wc-pickdialog"
    >
      <div className="wc-casefield">
        <label htmlFor={searchId}>Search cases</label>
        <input
          id={searchId}
          type="search"
          dir="auto"
          autoComplete="off"
          placeholder="Customer, summary or reference"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <div className="wc-picklist" aria-live="polite">
        {results === null && !error && <p className="wc-muted">Searching…</p>}
        {results?.length === 0 && <p className="wc-muted">No case matches.</p>}
        {results && results.length > 0 && (
          <ul>
            {results.map((found) => {
              const linked = linkedIds.includes(found.id);
              return (
                <li key={found.id}>
                  <button
                    type="button"
                    className="wc-picklist__option"
                    disabled={busy || linked}
                    onClick={() => void pick(found.id)}
                  >
                    <span className="wc-picklist__title" dir="auto">
                      {found.customer.name}: {found.summary}
                    </span>
                    <span className="wc-picklist__meta">
                      {linked
                        ? 'Already linked'
                        : [
                            `${labelOf(SEVERITY_LABELS, found.severity)} severity`,
                            found.externalRef,
                            formatDate(found.receivedAt),
                          ]
                            .filter(Boolean)
                            .join(' · ')}
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
