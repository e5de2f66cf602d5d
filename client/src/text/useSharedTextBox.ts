import { useLayoutEffect, useRef } from 'react';
import { mapCaret, rebaseText } from './rebaseText';

/** Grows a text box to fit its text (measuring it: a forced layout of the page). */
export function fitHeight(element: HTMLTextAreaElement): void {
  element.style.height = 'auto';
  if (element.scrollHeight > 0) element.style.height = `${element.scrollHeight}px`;
}

/** Whether this browser grows a text box styled `field-sizing: content` by itself. */
const cssSizing =
  typeof CSS !== 'undefined' &&
  typeof CSS.supports === 'function' &&
  CSS.supports('field-sizing', 'content');

function sizedByBrowser(): void {}

interface SharedTextBoxOptions {
  /**
   * The box is styled `field-sizing: content`: where the browser supports it, the box grows with
   * its text in the page's own layout, so a keystroke forces no extra layout.
   */
  readonly sizedByCss?: boolean;
}

/**
 * Binds an uncontrolled text box to a shared text. When someone else's edit arrives, the new text
 * is written into the element and the caret and selection move along with the text around them;
 * what this user typed meanwhile is replayed on top, so concurrent typing merges instead of one
 * side overwriting the other. `onChange` writes to the document and returns false when refused,
 * which puts the document's text back.
 */
export function useSharedTextBox(
  value: string,
  onChange: (text: string) => boolean,
  { sizedByCss = false }: SharedTextBoxOptions = {},
) {
  const fit = sizedByCss && cssSizing ? sizedByBrowser : fitHeight;
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
    fit(element);
  }, [value, fit]);

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
    fit(element);
  };

  /** Props for the textarea: typing commits, except in the middle of an IME composition. */
  const bind = {
    ref,
    onChange: (event: { nativeEvent: Event }) => {
      if (!composing.current && !(event.nativeEvent as InputEvent).isComposing) commit();
    },
    onCompositionStart: () => {
      composing.current = true;
    },
    onCompositionEnd: () => {
      composing.current = false;
      commit();
    },
  };
  return { ref, bind, composing };
}
