import { useContext, useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import { caretToShared } from '@whychain/shared';
import { textBoxCommand } from '../keyboard/keyCommand';
import { useSharedTextBox } from '../text/useSharedTextBox';
import { CanvasPresenceContext } from './useRemoteStates';

interface NodeTextAreaProps {
  /** The node whose text this is ('problem' or a why id): where the caret is announced. */
  nodeId: string;
  /** Accessible name, e.g. "Why text". */
  label: string;
  /** The document's text right now (see useLiveText). */
  value: string;
  /** The shared text itself, so that the caret is kept as a position in it. */
  sharedText?: Y.Text;
  /** The most the text may hold; an edit past it keeps what fits and `onCut` says what did not. */
  maxLength?: number;
  onCut?: (notice: string) => void;
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

/**
 * The text box of a node, bound to its shared text (see useSharedTextBox), announcing the caret
 * to the room and handling the editing keys (Escape, Tab, Enter).
 */
export function NodeTextArea(props: NodeTextAreaProps) {
  const { nodeId, label, focus, placeholder, onChange, onFocus, onDone } = props;
  const { onAddChild, onAddSibling } = props;
  const presence = useContext(CanvasPresenceContext);
  const { value, sharedText, maxLength, onCut } = props;
  const { ref, bind, composing } = useSharedTextBox(value, onChange, {
    sizedByCss: true,
    text: sharedText,
    maxLength,
    onCut,
  });

  useEffect(() => {
    const element = ref.current!;
    if (!focus || element.ownerDocument.activeElement === element) return;
    element.focus({ preventScroll: true });
    element.setSelectionRange(element.value.length, element.value.length);
  }, [focus, ref]);

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
      ref={bind.ref}
      className="nodrag nopan nowheel wc-node__input"
      aria-label={label}
      rows={2}
      dir="auto"
      placeholder={placeholder}
      spellCheck
      onChange={(event) => {
        bind.onChange(event);
        publishCaret();
      }}
      onSelect={publishCaret}
      onKeyUp={publishCaret}
      onBlur={clearCaret}
      onCompositionStart={bind.onCompositionStart}
      onCompositionEnd={bind.onCompositionEnd}
      onFocus={() => {
        onFocus?.();
        publishCaret();
      }}
      onKeyDown={onKeyDown}
    />
  );
}
