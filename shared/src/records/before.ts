import type * as Y from 'yjs';

/** The value a map key had before the transaction `tr`: `found` false when it had none. */
export interface ValueBefore {
  readonly found: boolean;
  readonly value: unknown;
}

const NOT_FOUND: ValueBefore = Object.freeze({ found: false, value: undefined });

/** Whether `item` was created by `tr` (it was not yet known when `tr` started). */
function isNew(item: Y.Item, tr: Y.Transaction): boolean {
  return item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0);
}

/** Whether `tr` deleted `item` (the delete set is not sorted until the transaction ends). */
function deletedBy(item: Y.Item, tr: Y.Transaction): boolean {
  const ranges = tr.deleteSet.clients.get(item.id.client) ?? [];
  const clock = item.id.clock;
  return ranges.some((range) => range.clock <= clock && clock < range.clock + range.len);
}

/**
 * What `map.get(key)` returned before `tr`, read while `tr` is still running. Every write to a key
 * is a new item to the left of which the previous ones sit (deleted): the first item from the
 * right that existed before `tr` held the value, unless it had been deleted before `tr` too (the
 * key was absent). Contents deleted by `tr` are still there until it ends.
 */
export function valueBefore(
  map: { readonly _map: Map<string, Y.Item> },
  key: string,
  tr: Y.Transaction,
): ValueBefore {
  let item = map._map.get(key) ?? null;
  while (item !== null && isNew(item, tr)) item = item.left;
  if (item === null || (item.deleted && !deletedBy(item, tr))) return NOT_FOUND;
  const content = item.content.getContent();
  return { found: true, value: content[content.length - 1] };
}
