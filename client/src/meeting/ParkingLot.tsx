import { useState, type FormEvent } from 'react';
import { addParkingLotItem, removeParkingLotItem, type ParkingLotItem } from '@whychain/shared';
import { CollapsibleSection } from '../panel/CollapsibleSection';
import { ErrorText } from '../panel/ErrorText';
import { usePanel } from '../panel/PanelContext';
import { useCommandResult } from '../panel/useCommandResult';

/** Off-topic points set aside during the meeting so the discussion can stay on the chain. */
export function ParkingLot({ items }: { items: readonly ParkingLotItem[] }) {
  const { doc, origin, readOnly } = usePanel();
  const { error, check, setError } = useCommandResult();
  const [text, setText] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (check(addParkingLotItem(doc, { text }, origin))) setText('');
  };

  return (
    <CollapsibleSection
      title="Parking lot"
      summary={items.length > 0 ? <span className="wc-count">{items.length}</span> : undefined}
    >
      {items.length > 0 ? (
        <ul className="wc-parkinglot" aria-label="Parking lot items">
          {items.map((item) => (
            <li key={item.id}>
              <span className="wc-parkinglot__text" dir="auto">
                {item.text}
                {item.author && <span className="wc-muted"> · {item.author}</span>}
              </span>
              {!readOnly && (
                <button
                  type="button"
                  className="wc-iconbutton"
                  aria-label={`Remove "${item.text}" from the parking lot`}
                  title="Remove"
                  onClick={() => check(removeParkingLotItem(doc, { id: item.id }, origin))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="wc-muted wc-panel__empty">
          {readOnly ? 'Nothing was set aside.' : 'Set off-topic points aside here.'}
        </p>
      )}
      {!readOnly && (
        <form className="wc-panel__inline" onSubmit={onSubmit}>
          <input
            type="text"
            aria-label="Add to parking lot"
            dir="auto"
            placeholder="A point for later…"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              if (error) setError(null);
            }}
          />
          <button type="submit" className="wc-button" disabled={text.trim() === ''}>
            Add
          </button>
        </form>
      )}
      <ErrorText error={error} />
    </CollapsibleSection>
  );
}
