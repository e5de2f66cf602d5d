import { useId, useLayoutEffect, useRef } from 'react';
import { mapCaret, rebaseText } from '../flow/rebaseText';

interface SharedTextAreaProps {
  /** Visible label, also the text box's accessible name. */
  label: string;
  /** The text as the document has it now. */
  value: string;
  /** Writes the new text to the document; false when it was refused. */
  onChange: (text: string) => boolean;
  readOnly?: boolean;
  placeholder?: string;
  rows?: number;
  /** A line of help under the label. */
  hint?: string;
}

function fitHeight(element: HTMLTextAreaElement): void {
  element.style.height = 'auto';
  if (element.scrollHeight > 0) element.style.height = `${element.scrollHeight + 2}px`;
}

/**
 * A labelled text box bound to a shared text (evidence, learnings). Like the canvas's text boxes
 * it is not controlled: someone else's edit is written into the element with the caret moved
 * along, and what this user typed meanwhile is replayed on top, so concurrent typing merges.
 */
export function SharedTextArea(props: SharedTextAreaProps) {
  const { label, value, onChange, readOnly = false, placeholder, rows = 3, hint } = props;
  const id = useId();
  const hintId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  /** The document text the element last showed; the base a pending edit applies to. */
  const shown = useRef<string | null>(null);
  const latest = useRef(value);
  const composing = useRef(false);

  useLayoutEffect(() => {
    latest.current = value;
    const element = ref.current!;
    if (composing.current || element.value === value) {
      if (!composing.current) shown.current = value;
      return;
    }
    const before = element.value;
    const focused = element.ownerDocument.activeElement === element;
    const { selectionStart, selectionEnd, selectionDirection } = element;
    element.value = value;
    shown.current = value;
    if (focused) {
      element.setSelectionRange(
        mapCaret(before, value, selectionStart),
        mapCaret(before, value, selectionEnd),
        selectionDirection ?? undefined,
      );
    }
    fitHeight(element);
  }, [value]);

  const commit = () => {
    const element = ref.current!;
    const next = rebaseText(shown.current ?? latest.current, element.value, latest.current);
    if (next !== element.value) {
      const { selectionStart, selectionEnd } = element;
      const before = element.value;
      element.value = next;
      element.setSelectionRange(
        mapCaret(before, next, selectionStart),
        mapCaret(before, next, selectionEnd),
      );
    }
    if (onChange(next)) {
      shown.current = next;
    } else {
      element.value = latest.current;
      shown.current = latest.current;
    }
    fitHeight(element);
  };

  return (
    <div className="wc-field wc-panel__field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={hintId} className="wc-panel__hint">
          {hint}
        </span>
      )}
      <textarea
        ref={ref}
        id={id}
        rows={rows}
        readOnly={readOnly}
        placeholder={readOnly ? undefined : placeholder}
        aria-describedby={hint ? hintId : undefined}
        spellCheck
        onChange={(event) => {
          if (!composing.current && !(event.nativeEvent as InputEvent).isComposing) commit();
        }}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={() => {
          composing.current = false;
          commit();
        }}
      />
    </div>
  );
}
