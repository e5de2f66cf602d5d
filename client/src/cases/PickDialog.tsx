import { useEffect, useId, useState, type ReactNode } from 'react';
import { messageOf } from '../api/request';
import { Modal, ModalFooter } from './Modal';

interface PickDialogProps<Item extends { id: string }> {
  title: string;
  description: string;
  /** The search box's label, e.g. "Search cases". */
  searchLabel: string;
  placeholder: string;
  /** Shown when the search finds nothing, e.g. "No case matches.". */
  noMatch: string;
  /** Finds the items for a query (empty when none was typed); aborted when the query changes. */
  search: (query: string | undefined, signal: AbortSignal) => Promise<Item[]>;
  /** An item's name on its button. */
  titleOf: (item: Item) => ReactNode;
  /** The line under the name, for items not yet linked. */
  metaOf: (item: Item) => string;
  /** Items already linked: listed, but not offered again. */
  linkedIds: readonly string[];
  onPick: (id: string) => Promise<void>;
  onClose: () => void;
}

/** A dialog that searches as one types and links the item picked; closes once the link is made. */
export function PickDialog<Item extends { id: string }>({
  title,
  description,
  searchLabel,
  placeholder,
  noMatch,
  search,
  titleOf,
  metaOf,
  linkedIds,
  onPick,
  onClose,
}: PickDialogProps<Item>) {
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    // A short pause so typing a word sends one request, not one per letter.
    const timer = setTimeout(() => {
      search(query.trim() || undefined, abort.signal).then(
        (found) => {
          setResults(found);
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
  }, [search, query]);

  const pick = async (id: string) => {
    setBusy(true);
    try {
      await onPick(id);
      onClose();
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
    }
  };

  return (
    <Modal title={title} description={description} onClose={onClose} className="wc-pickdialog">
      <div className="wc-casefield">
        <label htmlFor={searchId}>{searchLabel}</label>
        <input
          id={searchId}
          type="search"
          dir="auto"
          autoComplete="off"
          placeholder={placeholder}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <div className="wc-picklist" aria-live="polite">
        {results === null && !error && <p className="wc-muted">Searching…</p>}
        {results?.length === 0 && <p className="wc-muted">{noMatch}</p>}
        {results && results.length > 0 && (
          <ul>
            {results.map((item) => {
              const linked = linkedIds.includes(item.id);
              return (
                <li key={item.id}>
                  <button
                    type="button"
                    className="wc-picklist__option"
                    disabled={busy || linked}
                    onClick={() => void pick(item.id)}
                  >
                    <span className="wc-picklist__title" dir="auto">
                      {titleOf(item)}
                    </span>
                    <span className="wc-picklist__meta">
                      {linked ? 'Already linked' : metaOf(item)}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <ModalFooter error={error} onCancel={onClose} />
    </Modal>
  );
}
