import { useId, useState } from 'react';
import {
  CASE_LIMITS,
  DISCOVERY_ANSWERS,
  type CaseDiscoveryItem,
  type CaseJson,
  type DiscoveryAnswer,
} from '@whychain/shared';
import type { CaseFieldsInput } from '../api/casesApi';
import { messageOf } from '../api/request';

const ANSWER_LABELS: Record<DiscoveryAnswer, string> = { yes: 'Yes', no: 'No', unsure: 'Unsure' };

type DiscoveryPatch = NonNullable<CaseFieldsInput['discovery']>;

interface DiscoveryChecklistProps {
  found: CaseJson;
  onSave: (patch: DiscoveryPatch) => Promise<void>;
}

/** The seven questions to ask before any remedy, each answered yes / no / unsure with a note. */
export function DiscoveryChecklist({ found, onSave }: DiscoveryChecklistProps) {
  const headingId = useId();
  const answered = found.discovery.filter((item) => item.answer !== null).length;
  return (
    <section className="wc-casesection" aria-labelledby={headingId}>
      <div className="wc-casesection__head">
        <h2 id={headingId}>Discovery questions</h2>
        <span className="wc-casesection__count">
          {answered} of {found.discovery.length} answered
        </span>
      </div>
      <p className="wc-casesection__hint">Ask these before choosing a remedy.</p>
      <ol className="wc-discovery">
        {found.discovery.map((item, index) => (
          <DiscoveryQuestion key={item.id} item={item} number={index + 1} onSave={onSave} />
        ))}
      </ol>
    </section>
  );
}

function DiscoveryQuestion({
  item,
  number,
  onSave,
}: {
  item: CaseDiscoveryItem;
  number: number;
  onSave: DiscoveryChecklistProps['onSave'];
}) {
  const id = useId();
  const [note, setNote] = useState(item.note);
  const [savedNote, setSavedNote] = useState(item.note);
  const [error, setError] = useState<string | null>(null);
  // A note saved from elsewhere replaces the text here unless it is being changed.
  if (item.note !== savedNote) {
    setSavedNote(item.note);
    if (note === savedNote) setNote(item.note);
  }

  const save = async (patch: { answer?: DiscoveryAnswer | null; note?: string }) => {
    setError(null);
    try {
      await onSave({ [item.id]: patch });
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return (
    <li className={`wc-discovery__item${item.answer ? ` is-${item.answer}` : ''}`}>
      <fieldset>
        <legend dir="auto">
          <span className="wc-discovery__number" aria-hidden="true">
            {number}
          </span>
          {item.question}
        </legend>
        <div className="wc-segmented">
          {DISCOVERY_ANSWERS.map((answer) => (
            <label key={answer} className={`wc-segmented__option is-${answer}`}>
              <input
                type="radio"
                name={`${id}-answer`}
                value={answer}
                checked={item.answer === answer}
                onChange={() => void save({ answer })}
              />
              <span>{ANSWER_LABELS[answer]}</span>
            </label>
          ))}
        </div>
        <label className="wc-visually-hidden" htmlFor={`${id}-note`}>
          Note on question {number}
        </label>
        <input
          id={`${id}-note`}
          className="wc-discovery__note"
          type="text"
          dir="auto"
          placeholder="Note"
          maxLength={CASE_LIMITS.note}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          onBlur={() => {
            if (note !== item.note) void save({ note });
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.currentTarget.blur();
          }}
        />
        {error && (
          <p role="alert" className="wc-casefield__error">
            {error}
          </p>
        )}
      </fieldset>
    </li>
  );
}
