import * as Y from 'yjs';
import { defaultValue, isSharedText, type RecordType, type ReadValuesOf } from './field';

const NO_ITEMS: readonly string[] = Object.freeze([]);

/** What `readRecord` gives: the values, and whether any of them had to replace a malformed one. */
export interface ReadRecord<V> {
  readonly values: V;
  /**
   * True when a field held a value of the wrong kind or outside its rule (a faulty or hostile
   * writer's work) and reads as its default or a cut-down version. A missing field (a document
   * from before the field existed) and a plain string in a text field (before schema 3) are not
   * damage: they read as the default and as that string.
   */
  readonly damaged: boolean;
}

/**
 * Reads the `keys` (all by default) of a record's Y.Map into plain values, never throwing: shared
 * texts as strings, shared lists as frozen arrays of their valid items, plain values as stored when
 * valid, else coerced (a too long text cut) or the default.
 */
export function readRecord<R extends RecordType, K extends keyof ReadValuesOf<R> & string>(
  record: R,
  map: Y.Map<unknown>,
  keys: readonly K[] = record.keys as K[],
): ReadRecord<Pick<ReadValuesOf<R>, K>> {
  const values: Record<string, unknown> = {};
  let damaged = false;
  for (const key of keys) {
    const field = record.fields[key]!;
    const value = map.get(key);
    if (field.kind === 'plain') {
      if (field.check.test(value)) {
        values[key] = value;
        continue;
      }
      const coerced = value === undefined ? undefined : field.check.coerce?.(value);
      values[key] = coerced !== undefined ? coerced : defaultValue(field);
      if (value !== undefined) damaged = true;
    } else if (field.kind === 'text') {
      if (isSharedText(value)) values[key] = value.toString();
      else if (typeof value === 'string') values[key] = value;
      else {
        values[key] = '';
        if (value !== undefined) damaged = true;
      }
    } else if (value instanceof Y.Array) {
      const items: unknown[] = value.toArray();
      const valid = items.filter((item): item is string => field.item.test(item));
      if (valid.length !== items.length) damaged = true;
      values[key] = valid.length === 0 ? NO_ITEMS : Object.freeze(valid);
    } else {
      values[key] = NO_ITEMS;
      if (value !== undefined) damaged = true;
    }
  }
  return { values: values as Pick<ReadValuesOf<R>, K>, damaged };
}
