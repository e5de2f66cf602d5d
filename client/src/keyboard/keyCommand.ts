import type { TreeStep } from '@whychain/shared';

/** What a key press asks the editor to do. */
export type KeyCommand =
  | { readonly type: 'addChild' }
  | { readonly type: 'addSibling' }
  | { readonly type: 'edit' }
  | { readonly type: 'stopEditing' }
  | { readonly type: 'step'; readonly step: TreeStep }
  | { readonly type: 'delete' }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  | { readonly type: 'help' };

/** The parts of a keyboard event the commands depend on. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  /** True while an input method is composing: its Enter and Tab belong to it. */
  readonly isComposing?: boolean;
}

const STEPS: Readonly<Record<string, TreeStep>> = {
  ArrowUp: 'parent',
  ArrowDown: 'firstChild',
  ArrowLeft: 'previous',
  ArrowRight: 'next',
};

const plain = (e: KeyPress) => !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey;
const command = (e: KeyPress) => (e.ctrlKey || e.metaKey) && !e.altKey;

/** Ctrl/Cmd+Z undoes; Ctrl/Cmd+Shift+Z and Ctrl+Y redo. Works everywhere, text boxes included. */
export function historyCommand(e: KeyPress): KeyCommand | null {
  if (!command(e)) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return { type: e.shiftKey ? 'redo' : 'undo' };
  if (key === 'y' && !e.shiftKey) return { type: 'redo' };
  return null;
}

/** Enter and Tab: add a sibling or an answer (Ctrl/Cmd+Enter also adds an answer). */
function addCommand(e: KeyPress): KeyCommand | null {
  if (e.isComposing) return null;
  if (e.key === 'Tab' && plain(e)) return { type: 'addChild' };
  if (e.key === 'Enter' && plain(e)) return { type: 'addSibling' };
  if (e.key === 'Enter' && command(e) && !e.shiftKey) return { type: 'addChild' };
  return null;
}

/**
 * The command of a key pressed in a node's text box. Keys that edit text (arrows, Delete,
 * Backspace, Shift+Enter for a new line, "?") are left to the text box.
 */
export function textBoxCommand(e: KeyPress): KeyCommand | null {
  if (e.key === 'Escape' && !e.isComposing) return { type: 'stopEditing' };
  return addCommand(e) ?? historyCommand(e);
}

/** The command of a key pressed on the canvas or on a node, outside any text box. */
export function canvasCommand(e: KeyPress): KeyCommand | null {
  const add = addCommand(e);
  if (add) return add;
  if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey) return { type: 'help' };
  if (!plain(e)) return historyCommand(e);
  const step = STEPS[e.key];
  if (step) return { type: 'step', step };
  if (e.key === 'Delete' || e.key === 'Backspace') return { type: 'delete' };
  if (e.key === 'F2') return { type: 'edit' };
  if (e.key === 'Escape') return { type: 'stopEditing' };
  return null;
}
