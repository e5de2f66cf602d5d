import { useEffect, useLayoutEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { cutNotice, fitText } from './fitText';
import { mapCaret, rebaseText } from './rebaseText';
import { pinSelection, resolveSelection, type SharedSelection } from './sharedCaret';

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
  /**
   * The shared text the box shows. With it the caret is kept as a position in that text (see
   * sharedCaret), so it stays after what this person typed when someone types at the same spot.
   */
  readonly text?: Y.Text;
  /**
   * The most the text may hold. An edit that would make it longer keeps what fits (the start
   * of what was typed or pasted) and `onCut` is told, in words for the person, what was cut.
   */
  readonly maxLength?: number;
  readonly onCut?: (notice: string) => void;
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
  { sizedByCss = false, text, maxLength, onCut }: SharedTextBoxOptions = {},
) {
  const fit = sizedByCss && cssSizing ? sizedByBrowser : fitHeight;
  const ref = useRef<HTMLTextAreaElement>(null);
  /** The document text the element last showed; the base a pending edit applies to. */
  const shown = useRef<string | null>(null);
  const latest = useRef(value);
  const composing = useRef(false);
  /** The selection as it was just before the last change by someone else (see below). */
  const pinned = useRef<SharedSelection | null>(null);

  // Right before each change to the document, while the box shows exactly the shared text, the
  // selection is pinned to the characters around it. A change that arrives from elsewhere then
  // moves it along with them (an index cannot tell whose character is whose at the same spot).
  // Local edits are skipped by the check: the box holds the new text before it is written.
  useEffect(() => {
    const doc = text?.doc;
    if (!text || !doc) return;
    const pin = () => {
      const element = ref.current;
      if (!element || composing.current || element.ownerDocument.activeElement !== element) return;
      if (element.value !== text.toString()) return;
      const { selectionStart, selectionEnd, selectionDirection } = element;
      pinned.current = pinSelection(text, selectionStart, selectionEnd, selectionDirection);
    };
    doc.on('beforeTransaction', pin);
    return () => {
      doc.off('beforeTransaction', pin);
      pinned.current = null;
    };
  }, [text]);

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
      const moved = pinned.current?.text === text ? resolveSelection(pinned.current!) : null;
      element.setSelectionRange(
        moved?.start ?? mapCaret(before, value, selectionStart),
        moved?.end ?? mapCaret(before, value, selectionEnd),
        selectionDirection ?? undefined,
      );
    }
    fit(element);
  }, [value, fit, text]);

  const commit = () => {
    const element = ref.current!;
    let next = rebaseText(shown.current ?? latest.current, element.value, latest.current);
    const fitted = maxLength === undefined ? null : fitText(latest.current, next, maxLength);
    if (fitted) {
      // Too long (a large paste, most often): what fits is kept and the person is told, rather
      // than the whole edit being refused and lost.
      next = fitted.text;
      element.value = next;
      element.setSelectionRange(fitted.caret, fitted.caret);
    } else if (next !== element.value) {
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
      if (fitted) onCut?.(cutNotice(fitted, maxLength!));
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
