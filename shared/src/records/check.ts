import * as Y from 'yjs';
import { valueBefore } from './before';
import {
  defaultValue,
  fieldOf,
  isSharedText,
  type Field,
  type ListField,
  type PlainField,
  type RecordType,
} from './field';
import type { CollectionRoot } from './roots';
import { cutText, describeValue } from './validators';

/** One way a document departs from its schema, with how to put it right. */
export interface Problem {
  /** Where, as a path: `meta.title`, `whys.<id>.links`, `"other root"`. */
  readonly where: string;
  /** What is wrong, in words. */
  readonly what: string;
  /** Puts it right inside the running transaction `tr`; says what it did. */
  fix(tr: Y.Transaction): string;
}

/** What every Yjs type has: a list part and a map part, either of which a replica may write to. */
export interface Container {
  readonly _start: Y.Item | null;
  readonly _map: Map<string, Y.Item>;
}

/** A Yjs type's live children in its list part. */
function liveListItems(type: Container): Y.Item[] {
  const items: Y.Item[] = [];
  for (let item = type._start; item !== null; item = item.right)
    if (!item.deleted) items.push(item);
  return items;
}

/** The keys of a Yjs type's map part that hold a live value. */
function liveKeys(type: Container): string[] {
  const keys: string[] = [];
  type._map.forEach((item, key) => {
    if (!item.deleted) keys.push(key);
  });
  return keys;
}

/**
 * Drops a text's or list's search markers (a cache of index positions) before writing to it by
 * index: Yjs moves them on local writes only, and the transaction being repaired integrated remote
 * ones, so they may point at the wrong place until the transaction ends.
 */
function forgetPositions(type: Y.Text | Y.Array<unknown>): void {
  if (type._searchMarker) type._searchMarker.length = 0;
}

function deleteItems(items: readonly Y.Item[], tr: Y.Transaction): void {
  for (const item of items) if (!item.deleted) item.delete(tr);
}

/** `name` with its indefinite article: "a why", "an action". */
const aName = (name: string) => `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Map entries on a list-like type (a text or a list), which never has any. */
function mapPartProblems(type: Container, keys: readonly string[], where: string): Problem[] {
  const present = keys.filter((key) => type._map.get(key)?.deleted === false);
  if (present.length === 0) return [];
  return [
    {
      where,
      what: `holds ${plural(present.length, 'keyed entry', 'keyed entries')}, which it never has`,
      fix: (tr) => {
        deleteItems(
          present.map((key) => type._map.get(key)!),
          tr,
        );
        return 'deleted them';
      },
    },
  ];
}

/**
 * Problems of a shared text of at most `max` characters. `deep` walks all of it (for content that
 * is not text); otherwise only `keys`, the keys a transaction changed, are looked at besides the
 * length: `repairTransaction` finds content other than text among the items a transaction added.
 */
export function textProblems(
  text: Y.Text,
  max: number,
  where: string,
  options: { deep: boolean; keys?: ReadonlySet<string | null> },
): Problem[] {
  const problems: Problem[] = [];
  if (options.deep) {
    problems.push(...mapPartProblems(text, liveKeys(text), where));
    const foreign = liveListItems(text).filter(
      (item) => !(item.content instanceof Y.ContentString),
    );
    if (foreign.length > 0) problems.push(foreignContentProblem(foreign, where));
  } else if (options.keys && (options.keys.size > 1 || !options.keys.has(null))) {
    const keys = [...options.keys].filter((key): key is string => key !== null);
    problems.push(...mapPartProblems(text, keys, where));
  }
  if (text.length > max) {
    problems.push({
      where,
      what: `${text.length} characters, at most ${max}`,
      fix: () => {
        if (text.length <= max) return 'already fits';
        const keep = cutText(text.toString(), max).length;
        forgetPositions(text);
        text.delete(keep, text.length - keep);
        return `cut to ${keep}`;
      },
    });
  }
  return problems;
}

/** The problem of `items` (live, in one text) holding something other than text. */
export function foreignContentProblem(items: readonly Y.Item[], where: string): Problem {
  return {
    where,
    what: `holds ${plural(items.length, 'piece')} that ${items.length === 1 ? 'is' : 'are'} not text (formatting, embeds or shared types)`,
    fix: (tr) => {
      deleteItems(items, tr);
      return 'deleted them';
    },
  };
}

/** Problems of a shared list of strings. */
export function listProblems(list: Y.Array<unknown>, field: ListField, where: string): Problem[] {
  const problems = mapPartProblems(list, liveKeys(list), where);
  const invalid = list.toArray().filter((item) => !field.item.test(item)).length;
  if (invalid > 0) {
    problems.push({
      where,
      what: `${plural(invalid, 'item')} that ${invalid === 1 ? 'is' : 'are'} not ${field.item.expected}`,
      fix: () => {
        const items = list.toArray();
        forgetPositions(list);
        for (let i = items.length - 1; i >= 0; i--)
          if (!field.item.test(items[i])) list.delete(i, 1);
        return 'deleted them';
      },
    });
  }
  if (list.length - invalid > field.maxItems) {
    problems.push({
      where,
      what: `${list.length - invalid} items, at most ${field.maxItems}`,
      fix: () => {
        if (list.length <= field.maxItems) return 'already fits';
        forgetPositions(list);
        list.delete(field.maxItems, list.length - field.maxItems);
        return `deleted the items after the first ${field.maxItems}`;
      },
    });
  }
  return problems;
}

function plainProblems(
  field: PlainField<unknown>,
  map: Y.Map<unknown>,
  key: string,
  where: string,
): Problem[] {
  const value = map.get(key);
  if (field.check.test(value)) return [];
  const what = map.has(key)
    ? `${describeValue(value)} where ${field.check.expected} belongs`
    : 'missing';
  return [
    {
      where,
      what,
      fix: (tr) => {
        const now = map.get(key);
        if (field.check.test(now)) return 'already valid';
        const coerced = now === undefined ? undefined : field.check.coerce?.(now);
        if (coerced !== undefined) {
          map.set(key, coerced);
          return `kept what fits (${describeValue(coerced)})`;
        }
        const before = valueBefore(map, key, tr);
        if (before.found && field.check.test(before.value)) {
          map.set(key, before.value);
          return `put back the value it had before (${describeValue(before.value)})`;
        }
        const fallback = defaultValue(field);
        map.set(key, fallback);
        return `set to the default (${describeValue(fallback)})`;
      },
    },
  ];
}

function wrongKindProblem(field: Field, map: Y.Map<unknown>, key: string, where: string): Problem {
  const value = map.get(key);
  const kind =
    field.kind === 'text' ? `a shared text of at most ${field.max} characters` : 'a shared list';
  return {
    where,
    what: map.has(key) ? `${describeValue(value)} where ${kind} belongs` : 'missing',
    fix: () => {
      const now = map.get(key);
      if (field.kind === 'text') {
        if (typeof now === 'string') {
          map.set(key, new Y.Text(cutText(now, field.max)));
          return 'made it a shared text holding that text';
        }
        map.set(key, new Y.Text());
        return 'set to an empty shared text';
      }
      const list = new Y.Array<string>();
      if (Array.isArray(now) && field.kind === 'list') {
        const valid = now.filter((item): item is string => field.item.test(item));
        list.push(valid.slice(0, field.maxItems));
      }
      map.set(key, list);
      return list.length > 0
        ? 'made it a shared list of its valid items'
        : 'set to an empty shared list';
    },
  };
}

/**
 * Problems of field `key` of a record's map. For a shared text, `deep` and `keys` are as for
 * `textProblems`; a shared list is always looked at whole (it is short).
 */
export function fieldProblems(
  field: Field,
  map: Y.Map<unknown>,
  key: string,
  where: string,
  options: { deep: boolean; keys?: ReadonlySet<string | null> } = { deep: true },
): Problem[] {
  if (field.kind === 'plain') return plainProblems(field, map, key, where);
  const value = map.get(key);
  if (field.kind === 'text') {
    return isSharedText(value)
      ? textProblems(value, field.max, where, options)
      : [wrongKindProblem(field, map, key, where)];
  }
  return value instanceof Y.Array
    ? listProblems(value, field, where)
    : [wrongKindProblem(field, map, key, where)];
}

/** Live children in the list part of a map (a record or a collection), which never has any. */
export function listPartProblems(map: Y.Map<unknown>, where: string): Problem[] {
  const items = liveListItems(map);
  if (items.length === 0) return [];
  return [
    {
      where,
      what: `holds ${plural(
        items.reduce((n, item) => n + item.length, 0),
        'list item',
      )}, which it never has`,
      fix: (tr) => {
        deleteItems(items, tr);
        return 'deleted them';
      },
    },
  ];
}

function unknownKeyProblem(
  record: RecordType,
  map: Y.Map<unknown>,
  key: string,
  where: string,
): Problem {
  return {
    where: `${where}.${key}`,
    what: `not a field of ${aName(record.name)}`,
    fix: () => {
      map.delete(key);
      return 'deleted';
    },
  };
}

const isDeclared = (record: RecordType, key: string) => fieldOf(record, key) !== undefined;

/** Problems of the `keys` of a record's map (null: its list part), each looked at whole. */
export function recordKeyProblems(
  record: RecordType,
  map: Y.Map<unknown>,
  where: string,
  keys: Iterable<string | null>,
): Problem[] {
  const problems: Problem[] = [];
  for (const key of keys) {
    if (key === null) problems.push(...listPartProblems(map, where));
    else if (isDeclared(record, key)) {
      problems.push(...fieldProblems(fieldOf(record, key)!, map, key, `${where}.${key}`));
    } else if (map.has(key)) problems.push(unknownKeyProblem(record, map, key, where));
  }
  return problems;
}

/** Every problem of a record's map: each field, unknown keys and list content. */
export function recordProblems(record: RecordType, map: Y.Map<unknown>, where: string): Problem[] {
  const unknown = liveKeys(map).filter((key) => !isDeclared(record, key));
  return [
    ...recordKeyProblems(record, map, where, record.keys),
    ...unknown.map((key) => unknownKeyProblem(record, map, key, where)),
    ...listPartProblems(map, where),
  ];
}

/** Problems of the entry `id` of a collection root: not a valid id, not a Y.Map, or its fields. */
export function entryProblems(
  root: CollectionRoot,
  collection: Y.Map<unknown>,
  id: string,
  where: string,
): Problem[] {
  if (!collection.has(id)) return [];
  const value = collection.get(id);
  const name = root.record.name;
  const bad = !root.isKey(id)
    ? `not a valid id for ${aName(name)}`
    : !(value instanceof Y.Map)
      ? `${describeValue(value)} where ${aName(name)} belongs`
      : undefined;
  if (bad === undefined) return recordProblems(root.record, value as Y.Map<unknown>, where);
  return [
    {
      where,
      what: bad,
      fix: () => {
        collection.delete(id);
        return 'deleted';
      },
    },
  ];
}

/** The problem of a root that is not part of an analysis but holds something. */
export function unknownRootProblems(root: Container, name: string): Problem[] {
  const keys = liveKeys(root);
  const items = liveListItems(root);
  if (keys.length === 0 && items.length === 0) return [];
  return [
    {
      where: JSON.stringify(name),
      what: 'not a part of an analysis, yet written to',
      fix: (tr) => {
        deleteItems([...keys.map((key) => root._map.get(key)!), ...items], tr);
        return 'deleted what was written there';
      },
    },
  ];
}
