import { useId, useState } from 'react';
import type * as Y from 'yjs';
import { useLiveText } from '../text/useLiveText';
import { useSharedTextBox } from '../text/useSharedTextBox';

interface SharedTextAreaProps {
  /** Visible label, also the text box's accessible name. */
  label: string;
  /** The shared text shown and edited; the box follows it live. */
  text: Y.Text | undefined;
  /**
   * What to show when there is no shared text (yet): a field a document from before schema 3
   * still holds as a plain string, until the first edit turns it into a shared text.
   */
  fallback?: string;
  /** Writes the new text to the document; false when it was refused. */
  onChange: (text: string) => boolean;
  readOnly?: boolean;
  placeholder?: string;
  rows?: number;
  /** A line of help under the label. */
  hint?: string;
  /** The label is for assistive technology only (the context says what the box is). */
  hideLabel?: boolean;
  /** Class of the text box itself. */
  className?: string;
  /**
   * The most the text may hold (see LIMITS): an edit past it keeps what fits and says under the
   * box what was cut, instead of being refused whole.
   */
  maxLength?: number;
}

/**
 * A labelled text box bound to a shared text (evidence, learnings, action descriptions...). Like the canvas's text boxes
 * it is not controlled: someone else's edit is written into the element with the caret moved
 * along, and what this user typed meanwhile is replayed on top, so concurrent typing merges.
 */
export function SharedTextArea(props: SharedTextAreaProps) {
  const { label, onChange, readOnly = false, placeholder, rows = 3, hint } = props;
  const { hideLabel = false, className, maxLength } = props;
  const value = useLiveText(props.text, props.fallback ?? '');
  const id = useId();
  const hintId = useId();
  const cutId = useId();
  // What a too-long edit lost: shown until the person leaves the box, so it cannot be missed.
  const [cut, setCut] = useState<string | null>(null);
  const { bind } = useSharedTextBox(value, onChange, {
    text: props.text,
    maxLength,
    onCut: setCut,
  });
  const describedBy = [hint ? hintId : null, cut ? cutId : null].filter(Boolean).join(' ');

  return (
    <div className="wc-field wc-panel__field">
      <label htmlFor={id} className={hideLabel ? 'wc-visually-hidden' : undefined}>
        {label}
      </label>
      {hint && (
        <span id={hintId} className="wc-panel__hint">
          {hint}
        </span>
      )}
      <textarea
        ref={bind.ref}
        id={id}
        rows={rows}
        className={className}
        readOnly={readOnly}
        placeholder={readOnly ? undefined : placeholder}
        aria-describedby={describedBy || undefined}
        dir="auto"
        spellCheck
        onChange={bind.onChange}
        onCompositionStart={bind.onCompositionStart}
        onCompositionEnd={bind.onCompositionEnd}
        onBlur={() => setCut(null)}
      />
      {cut && (
        <p id={cutId} role="status" className="wc-panel__hint wc-panel__hint--cut">
          {cut}
        </p>
      )}
    </div>
  );
}
