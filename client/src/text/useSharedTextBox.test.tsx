import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { replaceText } from '@whychain/shared';
import { SharedTextArea } from '../panel/SharedTextArea';

const START = 'The night shift ignores alarms ';

/** Sends what each document lacks to the other, as the network would once both have typed. */
function exchange(a: Y.Doc, b: Y.Doc) {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  act(() => {
    Y.applyUpdate(b, toB, 'remote');
    Y.applyUpdate(a, toA, 'remote');
  });
}

/**
 * Bob, typing in his own copy of the text the way a Yjs editor does: his caret is a position in
 * the shared text that stays after what he typed.
 */
function typist(text: Y.Text) {
  let caret = Y.createRelativePositionFromTypeIndex(text, text.length, -1);
  const index = () => Y.createAbsolutePositionFromRelativePosition(caret, text.doc!)!.index;
  return {
    toEnd() {
      caret = Y.createRelativePositionFromTypeIndex(text, text.length, -1);
    },
    type(char: string) {
      const at = index();
      text.insert(at, char);
      caret = Y.createRelativePositionFromTypeIndex(text, at + 1, -1);
    },
  };
}

/** Ada types one character at her caret in the real text box, as the browser would. */
function typeInBox(box: HTMLTextAreaElement, char: string) {
  const at = box.selectionStart;
  const value = box.value.slice(0, at) + char + box.value.slice(box.selectionEnd);
  fireEvent.input(box, { target: { value } });
  box.setSelectionRange(at + 1, at + 1);
}

function renderBox(text: Y.Text, options: { maxLength?: number } = {}) {
  render(
    <SharedTextArea
      label="Why text"
      text={text}
      maxLength={options.maxLength}
      onChange={(next) => {
        text.doc!.transact(() => replaceText(text, next), 'ada');
        return true;
      }}
    />,
  );
  return screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Why text' });
}

describe('a shared text box with two people typing at the same spot', () => {
  // Two characters typed at the same spot at once are put in the order of their authors' client
  // ids, so both orders are tried. With the same first letter (and the same last one, the space)
  // only a position in the shared text tells one's own "a" from the other's.
  it.each([
    ['alpha ', 'omega ', 'Ada first'],
    ['alpha ', 'omega ', 'Bob first'],
    ['alpha ', 'amber ', 'Ada first'],
    ['alpha ', 'amber ', 'Bob first'],
  ])("keeps each person's words together, ten times over (%j, %j, %s)", (mine, his, first) => {
    const ada = new Y.Doc();
    const bob = new Y.Doc();
    ada.clientID = first === 'Ada first' ? 1 : 2;
    bob.clientID = first === 'Ada first' ? 2 : 1;
    ada.getText('why').insert(0, START);
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(ada));
    const box = renderBox(ada.getText('why'));
    const bobTypes = typist(bob.getText('why'));
    box.focus();

    for (let round = 0; round < 10; round++) {
      // Both put the caret at the end of the why, then type a word at the same moment.
      box.setSelectionRange(box.value.length, box.value.length);
      bobTypes.toEnd();
      for (let i = 0; i < mine.length; i++) {
        typeInBox(box, mine[i]!);
        bobTypes.type(his[i]!);
        exchange(ada, bob);
      }
    }

    expect(box.value).toBe(bob.getText('why').toString());
    expect(box.value).toBe(ada.getText('why').toString());
    // Every word whole: what was added is twenty words, ten of each.
    const words = box.value.slice(START.length).match(/[a-z]+ /g) ?? [];
    expect(words.join('')).toBe(box.value.slice(START.length));
    expect(words.filter((word) => word === mine)).toHaveLength(10);
    expect(words.filter((word) => word === his)).toHaveLength(10);
  });

  it('keeps the start of a paste that is too long, and says under the box what was cut', () => {
    const doc = new Y.Doc();
    const box = renderBox(doc.getText('why'), { maxLength: 5_000 });
    box.focus();
    typeInBox(box, 'y'.repeat(20_000));
    expect(doc.getText('why').toString()).toBe('y'.repeat(5_000));
    expect(box.value).toHaveLength(5_000);
    expect(screen.getByRole('status').textContent).toBe(
      'Only the first 5,000 characters fit; 15,000 were cut.',
    );
    fireEvent.blur(box);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
