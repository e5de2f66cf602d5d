import { describe, expect, it } from 'vitest';
import { canvasCommand, historyCommand, textBoxCommand, type KeyPress } from './keyCommand';

const key = (k: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('textBoxCommand', () => {
  it('adds an answer on Tab and Ctrl/Cmd+Enter, a sibling on Enter, and leaves on Escape', () => {
    expect(textBoxCommand(key('Tab'))).toEqual({ type: 'addChild' });
    expect(textBoxCommand(key('Enter', { ctrlKey: true }))).toEqual({ type: 'addChild' });
    expect(textBoxCommand(key('Enter', { metaKey: true }))).toEqual({ type: 'addChild' });
    expect(textBoxCommand(key('Enter'))).toEqual({ type: 'addSibling' });
    expect(textBoxCommand(key('Escape'))).toEqual({ type: 'stopEditing' });
  });

  it('leaves text keys to the text box: Shift+Enter, Shift+Tab, arrows, Delete, "?"', () => {
    for (const press of [
      key('Enter', { shiftKey: true }),
      key('Tab', { shiftKey: true }),
      key('ArrowUp'),
      key('Delete'),
      key('Backspace'),
      key('?', { shiftKey: true }),
      key('a'),
    ]) {
      expect(textBoxCommand(press)).toBeNull();
    }
  });

  it('leaves Enter and Tab to an input method that is composing', () => {
    expect(textBoxCommand(key('Enter', { isComposing: true }))).toBeNull();
    expect(textBoxCommand(key('Tab', { isComposing: true }))).toBeNull();
  });
});

describe('canvasCommand', () => {
  it('moves through the tree with the arrow keys', () => {
    expect(canvasCommand(key('ArrowUp'))).toEqual({ type: 'step', step: 'parent' });
    expect(canvasCommand(key('ArrowDown'))).toEqual({ type: 'step', step: 'firstChild' });
    expect(canvasCommand(key('ArrowLeft'))).toEqual({ type: 'step', step: 'previous' });
    expect(canvasCommand(key('ArrowRight'))).toEqual({ type: 'step', step: 'next' });
    expect(canvasCommand(key('ArrowRight', { altKey: true }))).toBeNull();
  });

  it('deletes with Delete and Backspace, opens the help with "?", edits with F2', () => {
    expect(canvasCommand(key('Delete'))).toEqual({ type: 'delete' });
    expect(canvasCommand(key('Backspace'))).toEqual({ type: 'delete' });
    expect(canvasCommand(key('?', { shiftKey: true }))).toEqual({ type: 'help' });
    expect(canvasCommand(key('F2'))).toEqual({ type: 'edit' });
    expect(canvasCommand(key('Tab'))).toEqual({ type: 'addChild' });
    expect(canvasCommand(key('Enter'))).toEqual({ type: 'addSibling' });
    expect(canvasCommand(key('Tab', { shiftKey: true }))).toBeNull();
  });
});

describe('historyCommand', () => {
  it('undoes with Ctrl/Cmd+Z and redoes with Ctrl/Cmd+Shift+Z or Ctrl+Y', () => {
    expect(historyCommand(key('z', { ctrlKey: true }))).toEqual({ type: 'undo' });
    expect(historyCommand(key('z', { metaKey: true }))).toEqual({ type: 'undo' });
    expect(historyCommand(key('Z', { ctrlKey: true, shiftKey: true }))).toEqual({ type: 'redo' });
    expect(historyCommand(key('y', { ctrlKey: true }))).toEqual({ type: 'redo' });
    expect(historyCommand(key('z'))).toBeNull();
    expect(historyCommand(key('z', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});
