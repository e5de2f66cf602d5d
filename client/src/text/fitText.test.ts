import { describe, expect, it } from 'vitest';
import { cutNotice, fitText } from './fitText';

describe('fitText', () => {
  it('keeps the start of a paste that is too long for an empty box, and says what was cut', () => {
    const fitted = fitText('', 'x'.repeat(20_000), 5_000)!;
    expect(fitted.text).toBe('x'.repeat(5_000));
    expect(fitted).toMatchObject({ caret: 5_000, kept: 5_000, cut: 15_000 });
    expect(cutNotice(fitted, 5_000)).toBe('Only the first 5,000 characters fit; 15,000 were cut.');
  });

  it('keeps what was there before and the part of the paste that fits, where it was pasted', () => {
    const fitted = fitText('ab', 'a123456b', 5)!;
    expect(fitted).toEqual({ text: 'a123b', caret: 4, kept: 3, cut: 3 });
    expect(cutNotice(fitted, 5)).toBe(
      'Only the first 3 characters of that fit (5 in all); 3 were cut.',
    );
  });

  it('says so when nothing more fits, and counts one character in the singular', () => {
    const fitted = fitText('abc', 'abcd', 3)!;
    expect(fitted).toEqual({ text: 'abc', caret: 3, kept: 0, cut: 1 });
    expect(cutNotice(fitted, 3)).toBe(
      'No more fits: this box holds at most 3 characters; 1 was cut.',
    );
    expect(cutNotice(fitText('', 'ab', 1)!, 1)).toBe('Only the first character fit; 1 was cut.');
  });

  it('leaves a text that fits alone, and never keeps half an emoji', () => {
    expect(fitText('', 'short', 5)).toBeNull();
    expect(fitText('', 'ab😀c', 3)).toMatchObject({ text: 'ab', cut: 3 });
  });

  it('gives up when the text is too long even without the new part (nothing to keep)', () => {
    expect(fitText('abcdef', 'abcdefg', 3)).toBeNull();
  });
});
