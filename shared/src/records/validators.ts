import * as Y from 'yjs';
import { isIdShaped } from '../ids';
import { PROBLEM_ID } from './constants';

/** A runtime check of a plain value, saying in words what it expects. */
export interface Validator<T> {
  /** What a valid value is, for messages: "text of at most 200 characters". */
  readonly expected: string;
  test(value: unknown): value is T;
  /** The obvious valid value for an invalid one (a too long text cut to size), when there is one. */
  coerce?(value: unknown): T | undefined;
}

/** `text` cut to at most `max` UTF-16 units, never between the two halves of an emoji. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** A string of at most `max` characters; a longer one is cut. */
export function textUpTo(max: number): Validator<string> {
  return {
    expected: `text of at most ${max} characters`,
    test: (value): value is string => typeof value === 'string' && value.length <= max,
    coerce: (value) => (typeof value === 'string' ? cutText(value, max) : undefined),
  };
}

export const trueOrFalse: Validator<boolean> = {
  expected: 'true or false',
  test: (value): value is boolean => typeof value === 'boolean',
};

export const finiteNumber: Validator<number> = {
  expected: 'a number',
  test: (value): value is number => typeof value === 'number' && Number.isFinite(value),
};

export const nonNegativeNumber: Validator<number> = {
  expected: 'a number of at least 0',
  test: (value): value is number => finiteNumber.test(value) && value >= 0,
};

export const positiveWholeNumber: Validator<number> = {
  expected: 'a whole number of at least 1',
  test: (value): value is number => Number.isSafeInteger(value) && (value as number) >= 1,
};

/** One of the given strings. */
export function oneOf<T extends string>(values: readonly T[]): Validator<T> {
  return {
    expected: `one of ${values.join(', ')}`,
    test: (value): value is T => values.includes(value as T),
  };
}

/** What `inner` accepts, or null. */
export function orNull<T>(inner: Validator<T>): Validator<T | null> {
  const coerce = inner.coerce;
  return {
    expected: `${inner.expected}, or null`,
    test: (value): value is T | null => value === null || inner.test(value),
    ...(coerce && { coerce: (value: unknown) => coerce(value) }),
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is YYYY-MM-DD and names a day that exists (not 2025-02-30). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const isoDate: Validator<string> = {
  expected: 'a date written YYYY-MM-DD',
  test: (value): value is string => typeof value === 'string' && isIsoDate(value),
};

/** The id of a record, as `newId` makes them. */
export const recordId: Validator<string> = {
  expected: 'a record id',
  test: (value): value is string => isIdShaped(value),
};

/** Where a why hangs: the id of another why, or PROBLEM_ID. */
export const parentRef: Validator<string> = {
  expected: `a why id or "${PROBLEM_ID}"`,
  test: (value): value is string => value === PROBLEM_ID || isIdShaped(value),
};

/** Whether `value` is a full http or https address of at most `max` characters. */
export function isWebLink(value: unknown, max: number): value is string {
  if (typeof value !== 'string' || value.length > max || value.trim() !== value) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** A web link (http or https) of at most `max` characters: never a `javascript:` address. */
export function webLink(max: number): Validator<string> {
  return {
    expected: `a web link (http or https) of at most ${max} characters`,
    test: (value): value is string => isWebLink(value, max),
  };
}

/** A plain list of at most `maxItems` strings of at most `maxLength`; the valid ones are kept. */
export function wordList(maxItems: number, maxLength: number): Validator<string[]> {
  const fits = (item: unknown): item is string =>
    typeof item === 'string' && item.length <= maxLength;
  return {
    expected: `a list of at most ${maxItems} texts of at most ${maxLength} characters`,
    test: (value): value is string[] =>
      Array.isArray(value) && value.length <= maxItems && value.every(fits),
    coerce: (value) => (Array.isArray(value) ? value.filter(fits).slice(0, maxItems) : undefined),
  };
}

/** A stored value in a few words, for messages: "the number 4", "a shared text". */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string')
    return `text of ${value.length} character${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Y.Text) return value.constructor === Y.Text ? 'a shared text' : 'shared XML';
  if (value instanceof Y.Array) return 'a shared list';
  if (value instanceof Y.Map) return 'a shared map';
  if (value instanceof Y.AbstractType) return 'a shared type';
  if (value instanceof Y.Doc) return 'a sub-document';
  if (value instanceof Uint8Array) return 'binary data';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
