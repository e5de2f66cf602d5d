import { describe, expect, it } from 'vitest';
import { DEFAULT_BLAME_WORDS, findBlame } from './index';

describe('findBlame', () => {
  it.each([
    ['Bob forgot to order the new forms', 'forgot'],
    ['Human error at the till', 'human error'],
    ['It was OPERATOR ERROR, plain and simple', 'operator error'],
    ['The new hire was careless.', 'careless'],
    ['Forgot.', 'forgot'],
    ['(forgot)', 'forgot'],
    ['She said "lazy"', 'lazy'],
    ['They should have known better', 'should have known'],
    ["The clerk didn't pay attention", "didn't pay attention"],
  ])('finds the blaming phrase in "%s"', (text, expected) => {
    expect(findBlame(text, DEFAULT_BLAME_WORDS)).toBe(expected);
  });

  it.each([
    'The forgotten password was reset',
    'Carelessness is not the cause here',
    'The form was unforgotable',
    'Error code forgot2 from the till',
    'Human errors are expected; the form has no check',
    'The till shows an error to the operator',
    'Éforgot is a product name',
    'The price list was out of date',
    '',
  ])('finds nothing in "%s"', (text) => {
    expect(findBlame(text, DEFAULT_BLAME_WORDS)).toBeUndefined();
  });

  it('uses the list it is given, not the defaults', () => {
    expect(findBlame('Staff rushed the order', ['rushed'])).toBe('rushed');
    expect(findBlame('Bob forgot the forms', ['rushed'])).toBeUndefined();
    expect(findBlame('Bob forgot the forms', [])).toBeUndefined();
  });

  it('returns the first phrase of the list that matches, as written in the list', () => {
    const words = ['Lazy', 'forgot'];
    expect(findBlame('Bob forgot because he was lazy', words)).toBe('Lazy');
    expect(findBlame('Bob forgot the forms', words)).toBe('forgot');
  });

  it('ignores empty and blank words instead of matching everything', () => {
    expect(findBlame('The price list was out of date.', ['', '   '])).toBeUndefined();
    expect(findBlame('Bob forgot.', ['', ' forgot '])).toBe(' forgot ');
  });

  it('treats regular-expression characters in words as plain text', () => {
    expect(findBlame('Nobody checked the c++ build', ['c++'])).toBe('c++');
    expect(findBlame('axb', ['a.b'])).toBeUndefined();
    expect(findBlame('a.b was wrong', ['a.b'])).toBe('a.b');
    expect(findBlame('a was wrong', ['a|b'])).toBeUndefined();
    expect(findBlame('costs $5 more', ['$5'])).toBe('$5');
    for (const word of ['(', '[x', '\\', '*', '?', '{2}', '^']) {
      expect(() => findBlame('some text (with [brackets]) and \\ slashes', [word])).not.toThrow();
    }
    expect(findBlame('the (x) case', ['(x)'])).toBe('(x)');
  });
});
