import { useContext, useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { caretToShared } from '@whychain/shared';
import { textBoxCommand } from '../keyboard/keyCommand';
import { mapCaret, rebaseText } from './rebaseText';
import { useLiveText } from './useLiveText';
import { CanvasPresenceContext } from './useRemoteStates';

interface NodeTextAreaProps {
  /** The node whose text this is ('problem' or a why id): where the caret is announced. */
  nodeId: string;
  /** Accessible name, e.g. "Why text". */
  label: string;
  /** The text as last drawn; the box itself follows the document's text live when it can. */
  value: string;
  /** Take the keyboard focus (with the caret at the end) when this becomes true. */
  focus: boolean;
  placeholder?: string;
  /** Writes the new text to the document; false when it was refused. */
  onChange: (text: string) => boolean;
  onFocus?: () => void;
  /** Escape: leave the text box. */
  onDone?: () => void;
  /** Tab or Ctrl/Cmd+Enter: answer this node with a new why. */
  onAddChild?: () => void;
  /** Enter: add a why next to this one (Shift+Enter types a new line). */
  onAddSibling?: () => void;
}

function fitHeight(element: HTMLTextAreaElement): void {
  element.style.height = 'auto';
  if (element.scrollHeight > 0) element.style.height = `${element.scrollHeight}px`;
}

/**
 * A text box bound to a shared text. It is not a controlled input: when someone else's edit
 * arrives, the new text is written into the element directly and the caret and selection are
 * moved along with the text around them, so the person typing is never thrown off.
 */
export function NodeTextArea(props: NodeTextAreaProps) {
  const { nodeId, label, focus, placeholder, onChange, onFocus, onDone } = props;
  const { onAddChild, onAddSibling } = props;
  const presence = useContext(CanvasPresenceContext);
  const value = useLiveText(presence?.doc, nodeId, props.value);
  const ref = useRef<HTMLTextAreaElement>(null);
  /** The document text the element last showed; the base my pending edit applies to. */
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

  useEffect(() => {
    const element = ref.current!;
    if (!focus || element.ownerDocument.activeElement === element) return;
    element.focus({ preventScroll: true });
    element.setSelectionRange(element.value.length, element.value.length);
  }, [focus]);

  /** Tells the room where my caret (and selection) is, in positions that survive others' typing. */
  const publishCaret = () => {
    const element = ref.current;
    const awareness = presence?.awareness;
    if (!element || !awareness || element.ownerDocument.activeElement !== element) return;
    const { selectionStart, selectionEnd, selectionDirection } = element;
    const backward = selectionDirection === 'backward';
    const caret = {
      nodeId,
      anchor: caretToShared(presence.doc, nodeId, backward ? selectionEnd : selectionStart),
      head: caretToShared(presence.doc, nodeId, backward ? selectionStart : selectionEnd),
    };
    // The same place (still after the same character) is not sent to the room again.
    const current = awareness.getLocalState()?.caret;
    if (JSON.stringify(current) !== JSON.stringify(caret)) {
      awareness.setLocalStateField('caret', caret);
    }
  };
  const clearCaret = () => {
    const awareness = presence?.awareness;
    const caret = awareness?.getLocalState()?.caret as { nodeId?: unknown } | null | undefined;
    if (caret && caret.nodeId === nodeId) awareness!.setLocalStateField('caret', null);
  };
  const clearCaretOnUnmount = useRef(clearCaret);
  useLayoutEffect(() => {
    clearCaretOnUnmount.current = clearCaret;
  });
  useEffect(() => () => clearCaretOnUnmount.current(), []);

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

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const command = textBoxCommand({
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      shiftKey: event.shiftKey,
      altKey: event.altKey,
      isComposing: composing.current || event.nativeEvent.isComposing,
    });
    if (command?.type === 'stopEditing') {
      event.preventDefault();
      const node = event.currentTarget.closest<HTMLElement>('.react-flow__node');
      if (node) node.focus({ preventScroll: true });
      else event.currentTarget.blur();
      onDone?.();
    } else if (command?.type === 'addChild' && onAddChild) {
      event.preventDefault();
      onAddChild();
    } else if (command?.type === 'addSibling' && onAddSibling) {
      event.preventDefault();
      onAddSibling();
    }
  };

  return (
    <textarea
      ref={ref}
      className="nodrag nopan nowheel wc-node__input"
      aria-label={label}
      rows={2}
      placeholder={placeholder}
      spellCheck
      onChange={(event) => {
        if (!composing.current && !(event.nativeEvent as InputEvent).isComposing) commit();
        publishCaret();
      }}
      onSelect={publishCaret}
      onKeyUp={publishCaret}
      onBlur={clearCaret}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={() => {
        composing.current = false;
        commit();
      }}
      onFocus={() => {
        onFocus?.();
        publishCaret();
      }}
      onKeyDown={onKeyDown}
    />
  );
}
