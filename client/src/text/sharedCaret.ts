import * as Y from 'yjs';

/** A text box's selection, held as positions in the shared text rather than as indexes. */
export interface SharedSelection {
  readonly text: Y.Text;
  readonly start: Y.RelativePosition;
  readonly end: Y.RelativePosition;
  readonly direction: 'forward' | 'backward' | 'none' | null;
}

/**
 * Pins a selection of `text` (as indexes into its current content) to the characters around it.
 * A caret sticks to the character before it (assoc -1): that is what this person just typed, so
 * when someone else types at the same spot their characters go after the caret, not between the
 * person and their own last word. A range sticks to its own first and last characters, so text
 * added at either edge stays outside it.
 */
export function pinSelection(
  text: Y.Text,
  start: number,
  end: number,
  direction: SharedSelection['direction'],
): SharedSelection {
  return {
    text,
    start: Y.createRelativePositionFromTypeIndex(text, start, start === end ? -1 : 0),
    end: Y.createRelativePositionFromTypeIndex(text, end, -1),
    direction,
  };
}

/** Where a pinned selection is now, as indexes; null when its text is gone from the document. */
export function resolveSelection(pinned: SharedSelection): { start: number; end: number } | null {
  const doc = pinned.text.doc;
  if (!doc) return null;
  const start = Y.createAbsolutePositionFromRelativePosition(pinned.start, doc);
  const end = Y.createAbsolutePositionFromRelativePosition(pinned.end, doc);
  if (!start || !end || start.type !== pinned.text || end.type !== pinned.text) return null;
  return { start: start.index, end: Math.max(start.index, end.index) };
}
