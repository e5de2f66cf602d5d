import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PartEncoder } from './PartEncoder';

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
}

/**
 * Three replicas editing the same texts, maps and a list of nested maps, syncing with each other
 * now and then in a random order: interleaved clients, deletions, overwritten map entries and
 * deleted subtrees (which a collected document keeps as GC structs).
 */
function editedDocument(seed: number, steps: number): Y.Doc {
  const rand = random(seed);
  const replicas = [0, 1, 2].map(() => new Y.Doc({ gc: true }));
  for (let step = 0; step < steps; step++) {
    const doc = replicas[rand(3)]!;
    const text = doc.getText(`t${rand(2)}`);
    const list = doc.getArray<Y.Map<unknown>>('list');
    switch (rand(6)) {
      case 0:
      case 1:
        text.insert(rand(text.length + 1), 'abcdefgh'.slice(0, 1 + rand(8)));
        break;
      case 2:
        if (text.length > 0) text.delete(rand(text.length), 1 + rand(3));
        break;
      case 3:
        doc.getMap('meta').set(`k${rand(4)}`, rand(1000));
        break;
      case 4: {
        const item = new Y.Map<unknown>();
        item.set('text', new Y.Text(`item ${step}`));
        list.insert(rand(list.length + 1), [item]);
        break;
      }
      case 5:
        if (list.length > 0) list.delete(rand(list.length), 1);
        break;
    }
    if (rand(4) === 0) {
      const [a, b] = [replicas[rand(3)]!, replicas[rand(3)]!];
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    }
  }
  const all = new Y.Doc({ gc: true });
  for (const r of replicas) Y.applyUpdate(all, Y.encodeStateAsUpdate(r));
  return all;
}

/** What a reader sees in a document made by `editedDocument`. */
function contents(doc: Y.Doc) {
  return {
    t0: doc.getText('t0').toString(),
    t1: doc.getText('t1').toString(),
    meta: doc.getMap('meta').toJSON(),
    list: doc.getArray('list').toJSON(),
  };
}

function partsOf(encoder: PartEncoder): Uint8Array[] {
  const parts: Uint8Array[] = [];
  for (let part = encoder.next(); part; part = encoder.next()) parts.push(part);
  return parts;
}

/** Applies the parts in order, checking that none of them has to wait for a later one. */
function applyAll(doc: Y.Doc, parts: Uint8Array[]): void {
  for (const part of parts) {
    Y.applyUpdate(doc, part);
    expect(doc.store.pendingStructs).toBeNull();
    expect(doc.store.pendingDs).toBeNull();
  }
}

const tiny = { structs: 5, chars: 20 };

describe('PartEncoder', () => {
  it('encodes a document as parts that rebuild it exactly, each applying on its own', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const doc = editedDocument(seed, 400);
      const parts = partsOf(new PartEncoder(doc, new Map(), tiny));
      expect(parts.length).toBeGreaterThan(20);
      const rebuilt = new Y.Doc();
      applyAll(rebuilt, parts);
      expect(Y.encodeStateAsUpdate(rebuilt)).toEqual(Y.encodeStateAsUpdate(doc));
      expect(contents(rebuilt)).toEqual(contents(doc));
    }
  });

  it('with the default budget, a small document is one part equal to encodeStateAsUpdate', () => {
    const doc = editedDocument(7, 60);
    const parts = partsOf(new PartEncoder(doc));
    expect(parts).toEqual([Y.encodeStateAsUpdate(doc)]);
  });

  it('sends a replica only what it lacks, and the deletions of what it had', () => {
    for (const seed of [11, 12, 13]) {
      const doc = editedDocument(seed, 300);
      const replica = new Y.Doc();
      Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
      // The document moves on: more text, and deletions of parts the replica already has.
      const text = doc.getText('t0');
      text.delete(0, Math.min(10, text.length));
      text.insert(0, 'later');
      doc.getArray('list').delete(0, Math.min(2, doc.getArray('list').length));
      const encoder = new PartEncoder(doc, Y.decodeStateVector(Y.encodeStateVector(replica)), tiny);
      const parts = partsOf(encoder);
      const sent = parts.reduce((n, p) => n + p.byteLength, 0);
      expect(sent).toBeLessThan(Y.encodeStateAsUpdate(doc).byteLength);
      applyAll(replica, parts);
      expect(contents(replica)).toEqual(contents(doc));
      expect(Y.encodeStateAsUpdate(replica)).toEqual(Y.encodeStateAsUpdate(doc));
    }
  });

  it('holds at least the starting state when the document changes between parts', () => {
    const doc = editedDocument(21, 300);
    const before = Y.encodeStateAsUpdate(doc);
    const later: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => later.push(u));
    const encoder = new PartEncoder(doc, new Map(), tiny);
    const parts: Uint8Array[] = [];
    const rand = random(5);
    for (let part = encoder.next(); part; part = encoder.next()) {
      parts.push(part);
      // Another socket edits meanwhile: inside texts already written, and deletes.
      const t = doc.getText(`t${rand(2)}`);
      if (rand(2) === 0) t.insert(rand(t.length + 1), 'xy');
      else if (t.length > 2) t.delete(rand(t.length - 1), 2);
    }
    const fromParts = new Y.Doc();
    applyAll(fromParts, parts);
    // Everything the document held when the encoder started is in the parts...
    const start = new Y.Doc();
    Y.applyUpdate(start, before);
    expect(Y.encodeStateVector(fromParts)).not.toEqual(new Uint8Array([0]));
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(start))) {
      expect(Y.getState(fromParts.store, client)).toBeGreaterThanOrEqual(clock);
    }
    // ...and with the updates made meanwhile (the log after the compacted sequence) it is whole.
    for (const u of later) Y.applyUpdate(fromParts, u);
    expect(contents(fromParts)).toEqual(contents(doc));
  });

  it('keeps updates the document could not integrate yet', () => {
    const source = new Y.Doc();
    source.getText('t').insert(0, 'first');
    const missing = Y.encodeStateAsUpdate(source);
    const sv = Y.encodeStateVector(source);
    source.getText('t').insert(5, ' second');
    const waiting = Y.encodeStateAsUpdate(source, sv);
    const doc = new Y.Doc();
    doc.getMap('m').set('a', 1);
    Y.applyUpdate(doc, waiting); // waits on `missing`
    expect(doc.store.pendingStructs).not.toBeNull();
    const rebuilt = new Y.Doc();
    for (const part of partsOf(new PartEncoder(doc))) Y.applyUpdate(rebuilt, part);
    Y.applyUpdate(rebuilt, missing);
    expect(rebuilt.getText('t').toString()).toBe('first second');
    expect(rebuilt.getMap('m').get('a')).toBe(1);
  });
});
