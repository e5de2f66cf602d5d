import * as Y from 'yjs';
import type { Validator } from './validators';

/** A plain value (last writer wins), checked at runtime by its validator. */
export interface PlainField<T> {
  readonly kind: 'plain';
  readonly check: Validator<T>;
  /** The value a missing or malformed field takes; `defaultValue` gives a fresh copy. */
  readonly fallback: T;
  /** Only the server writes it (the schema version): a client's change is undone on arrival. */
  readonly serverOnly: boolean;
}

/** A Y.Text people type in together; longer than `max` is cut at the end. */
export interface TextField {
  readonly kind: 'text';
  readonly max: number;
}

/** A Y.Array of strings, each passing `item`, at most `maxItems` of them. */
export interface ListField {
  readonly kind: 'list';
  readonly item: Validator<string>;
  readonly maxItems: number;
}

export type Field = PlainField<unknown> | TextField | ListField;

/** The type a validator lets through. */
export type Checked<V> = V extends Validator<infer T> ? T : never;

/** A plain field checked by `check`, `fallback` when missing or malformed. */
export function plain<V extends Validator<unknown>>(
  check: V,
  fallback: Checked<V>,
  options: { serverOnly?: boolean } = {},
): PlainField<Checked<V>> {
  return {
    kind: 'plain',
    check: check as Validator<Checked<V>>,
    fallback,
    serverOnly: options.serverOnly ?? false,
  };
}

/** A shared text field of at most `max` characters; empty by default. */
export function sharedText(max: number): TextField {
  return { kind: 'text', max };
}

/** A shared list of strings; empty by default. */
export function sharedList(item: Validator<string>, maxItems: number): ListField {
  return { kind: 'list', item, maxItems };
}

export type Fields = { readonly [key: string]: Field };

/** One record type: its name (for messages) and its fields, each declared once. */
export interface RecordType<D extends Fields = Fields> {
  readonly name: string;
  readonly fields: D;
  /** The field names, in declaration order. */
  readonly keys: readonly string[];
}

/** Declares a record type from its fields. */
export function defineRecord<D extends Fields>(name: string, fields: D): RecordType<D> {
  return Object.freeze({ name, fields, keys: Object.keys(fields) });
}

/** The declared field `key` of `record`, or undefined (never a property of Object.prototype). */
export function fieldOf(record: RecordType, key: string): Field | undefined {
  return Object.hasOwn(record.fields, key) ? record.fields[key] : undefined;
}

/** What a field holds in the Y.Map. */
export type FieldValue<F> =
  F extends PlainField<infer T>
    ? T
    : F extends TextField
      ? Y.Text
      : F extends ListField
        ? Y.Array<string>
        : never;

/** What a field reads as in a snapshot: shared texts as strings, shared lists as arrays. */
export type ReadValue<F> =
  F extends PlainField<infer T>
    ? T
    : F extends TextField
      ? string
      : F extends ListField
        ? readonly string[]
        : never;

type DeclOf<R> = R extends RecordType<infer D> ? D : never;

/** The fields of a record's Y.Map and their types, derived from its declaration. */
export type FieldsOf<R> = { -readonly [K in keyof DeclOf<R>]: FieldValue<DeclOf<R>[K]> };

/** A record as read into a snapshot, derived from its declaration. */
export type ReadValuesOf<R> = { readonly [K in keyof DeclOf<R>]: ReadValue<DeclOf<R>[K]> };

type KeysOf<D, Kind> = { [K in keyof D]: D[K] extends Kind ? K : never }[keyof D] & string;

/** The names of a record's shared text fields. */
export type TextKeysOf<R> = KeysOf<DeclOf<R>, TextField>;

/** What makes a new record: every plain value, and texts and lists as plain strings if not empty. */
export type NewRecordInput<R> = {
  [K in KeysOf<DeclOf<R>, PlainField<unknown>>]: FieldValue<DeclOf<R>[K]>;
} & { [K in KeysOf<DeclOf<R>, TextField>]?: string } & {
  [K in KeysOf<DeclOf<R>, ListField>]?: readonly string[];
};

/** Whether `value` is a Y.Text proper (not a subclass such as Y.XmlText). */
export function isSharedText(value: unknown): value is Y.Text {
  return value instanceof Y.Text && value.constructor === Y.Text;
}

/** Whether `value` may stand in `field`, by kind and validator (a list's items are not walked). */
export function accepts(field: Field, value: unknown): boolean {
  if (field.kind === 'plain') return field.check.test(value);
  if (field.kind === 'text') return isSharedText(value);
  return value instanceof Y.Array;
}

/** A fresh default value for `field`: its fallback, an empty Y.Text or an empty Y.Array. */
export function defaultValue(field: Field): unknown {
  if (field.kind === 'plain') {
    const value = field.fallback;
    return Array.isArray(value) ? [...(value as unknown[])] : value;
  }
  return field.kind === 'text' ? new Y.Text() : new Y.Array<string>();
}

/** The value to store for `field` given `input` (a plain string for a text, an array for a list). */
function storedValue(field: Field, input: unknown): unknown {
  if (input === undefined) return defaultValue(field);
  if (field.kind === 'plain') return input;
  if (field.kind === 'text') return new Y.Text(String(input));
  const list = new Y.Array<string>();
  list.push([...(input as readonly string[])]);
  return list;
}

/** Sets every field of `map` to what `input` gives, or its default; returns `map`. */
export function fillRecord<R extends RecordType>(
  record: R,
  map: Y.Map<unknown>,
  input: Partial<NewRecordInput<R>>,
): Y.Map<unknown> {
  const given = input as Record<string, unknown>;
  for (const key of record.keys) map.set(key, storedValue(record.fields[key]!, given[key]));
  return map;
}

/** A new, unattached Y.Map for a record: `input` where given, defaults elsewhere. */
export function newRecordMap<R extends RecordType>(
  record: R,
  input: Partial<NewRecordInput<R>>,
): Y.Map<unknown> {
  return fillRecord(record, new Y.Map<unknown>(), input);
}
