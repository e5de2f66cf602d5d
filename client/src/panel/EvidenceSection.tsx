import { useState, type FormEvent } from 'react';
import {
  LIMITS,
  addEvidenceLink,
  editEvidence,
  removeEvidenceLink,
  whyTextOf,
  type Why,
} from '@whychain/shared';
import { ErrorText } from './ErrorText';
import { usePanel } from './PanelContext';
import { SharedTextArea } from './SharedTextArea';
import { useCommandResult } from './useCommandResult';

/** What backs a why up: free text that merges concurrent typing, and links to tickets or logs. */
export function EvidenceSection({ why }: { why: Why }) {
  const { doc, origin, readOnly } = usePanel();
  const text = useCommandResult();
  const links = useCommandResult();
  const [url, setUrl] = useState('');

  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    if (links.check(addEvidenceLink(doc, { whyId: why.id, url }, origin))) setUrl('');
  };

  return (
    <section className="wc-panel__group" aria-label="Evidence">
      <SharedTextArea
        label="Evidence"
        text={whyTextOf(doc, why.id, 'evidence')}
        readOnly={readOnly}
        placeholder="What shows this is true? Data, observations, who confirmed it…"
        maxLength={LIMITS.evidenceLength}
        onChange={(next) => text.check(editEvidence(doc, { whyId: why.id, text: next }, origin))}
      />
      <ErrorText error={text.error} />
      {why.links.length > 0 && (
        <ul className="wc-panel__links" aria-label="Evidence links">
          {why.links.map((link) => (
            <li key={link}>
              <a href={link} target="_blank" rel="noreferrer noopener">
                {link}
              </a>
              {!readOnly && (
                <button
                  type="button"
                  className="wc-iconbutton"
                  aria-label={`Remove link ${link}`}
                  title="Remove link"
                  onClick={() =>
                    links.check(removeEvidenceLink(doc, { whyId: why.id, url: link }, origin))
                  }
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <form className="wc-panel__inline" onSubmit={onAdd}>
          <input
            type="text"
            inputMode="url"
            aria-label="Add link"
            placeholder="https://…"
            value={url}
            onChange={(event) => {
              setUrl(event.target.value);
              if (links.error) links.setError(null);
            }}
          />
          <button type="submit" className="wc-button" disabled={url.trim() === ''}>
            Add link
          </button>
        </form>
      )}
      <ErrorText error={links.error} />
    </section>
  );
}
