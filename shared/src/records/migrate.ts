import * as Y from 'yjs';
import { defaultValue, isSharedText, type Fields, type RecordType, type TextKeysOf } from './field';

/** One step of a record's migrations: changes one record's Y.Map in place. */
export type RecordMigration = (map: Y.Map<unknown>) => void;

/** A record type's migrations, keyed by the schema version each brings the record to. */
export type RecordMigrations = Readonly<Partial<Record<number, RecordMigration>>>;

/**
 * A step that gives the named fields their defaults where they are missing: a plain field that is
 * absent, a text that is neither a Y.Text nor a plain string (a plain string is kept for a later
 * step to turn into a Y.Text), a list that is not a Y.Array.
 */
export function fillMissing<D extends Fields>(
  record: RecordType<D>,
  keys: readonly (keyof D & string)[],
): RecordMigration {
  return (map) => {
    for (const key of keys) {
      const field = record.fields[key]!;
      const value = map.get(key);
      const present =
        field.kind === 'plain'
          ? map.has(key)
          : field.kind === 'text'
            ? isSharedText(value) || typeof value === 'string'
            : value instanceof Y.Array;
      if (!present) map.set(key, defaultValue(field));
    }
  };
}

/** A step that turns the named text fields into Y.Texts holding what their plain value said. */
export function toSharedTexts<R extends RecordType>(
  _record: R,
  keys: readonly TextKeysOf<R>[],
): RecordMigration {
  return (map) => {
    for (const key of keys) {
      const value = map.get(key);
      if (isSharedText(value)) continue;
      map.set(key, new Y.Text(typeof value === 'string' ? value : ''));
    }
  };
}
