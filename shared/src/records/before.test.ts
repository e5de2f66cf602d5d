import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { valueBefore } from './before';

/** The value `key` had before a transaction that runs `write`, read inside it. */
function readBefore(map: Y.Map<unknown>, key: string, write: () => void) {
  let seen: unknown;
  map.doc!.transact((tr) => {
    write();
    seen = valueBefore(map, key, tr);
  });
  return seen;
}

describe('valueBefore', () => {
  it('gives the value a key had before the transaction overwrote it, even twice', () => {
    const map = new Y.Doc().getMap<unknown>('meta');
    map.set('title', 'First');
    map.set('title', 'Second');
    const before = readBefore(map, 'title', () => {
      map.set('title', true);
      map.set('title', 3);
    });
    expect(before).toEqual({ found: true, value: 'Second' });
  });

  it('gives the value of a key the transaction deleted', () => {
    const map = new Y.Doc().getMap<unknown>('meta');
    map.set('schemaVersion', 3);
    expect(readBefore(map, 'schemaVersion', () => map.delete('schemaVersion'))).toEqual({
      found: true,
      value: 3,
    });
  });

  it('finds nothing for a key that was absent or deleted earlier', () => {
    const map = new Y.Doc().getMap<unknown>('meta');
    expect(readBefore(map, 'title', () => map.set('title', 'New'))).toEqual({
      found: false,
      value: undefined,
    });
    map.set('title', 'Gone');
    map.delete('title');
    expect(readBefore(map, 'title', () => map.set('title', 'Back'))).toMatchObject({
      found: false,
    });
  });

  it('sees the value another replica’s update replaced', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('status', 'draft');
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.getMap('meta').set('status', 42);
    let before: unknown;
    doc.transact((tr) => {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
      before = valueBefore(doc.getMap('meta'), 'status', tr);
    });
    expect(doc.getMap('meta').get('status')).toBe(42);
    expect(before).toEqual({ found: true, value: 'draft' });
  });
});
