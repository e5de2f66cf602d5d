import { describe, expect, it } from 'vitest';
import { diffText, mapCaret, rebaseText } from './rebaseText';

describe('diffText', () => {
  it('finds the one region that changed', () => {
    expect(diffText('the price form', 'the new price form')).toEqual({
      start: 4,
      end: 4,
      inserted: 'new ',
    });
    expect(diffText('aaa', 'aa')).toEqual({ start: 2, end: 3, inserted: '' });
    expect(diffText('same', 'same')).toEqual({ start: 4, end: 4, inserted: '' });
  });
});

describe('mapCaret', () => {
  it('shifts a caret after an insertion made before it', () => {
    expect(mapCaret('Because', 'XBecause', 3)).toBe(4);
  });

  it('leaves a caret before a change where it is', () => {
    expect(mapCaret('Because', 'Because it', 3)).toBe(3);
  });

  it('pulls a caret back after a deletion made before it', () => {
    expect(mapCaret('abcdef', 'def', 5)).toBe(2);
  });

  it('puts a caret inside a replaced part at its end', () => {
    expect(mapCaret('abcdef', 'aXYf', 3)).toBe(3);
  });
});

describe('rebaseText', () => {
  it('keeps both my typing and a concurrent remote edit', () => {
    expect(rebaseText('price form', 'price form!', 'the price form')).toBe('the price form!');
    expect(rebaseText('price form', 'old price form', 'price form.')).toBe('old price form.');
  });

  it('returns my text when nothing changed remotely, and theirs when I changed nothing', () => {
    expect(rebaseText('a', 'ab', 'a')).toBe('ab');
    expect(rebaseText('a', 'a', 'ba')).toBe('ba');
  });
});
