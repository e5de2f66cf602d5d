import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  addComment,
  addParkingLotItem,
  addWhy,
  createAnalysis,
  LIMITS,
  makeOrigin,
  readAnalysis,
  setRootCause,
  whyTextOf,
} from './index';
import { ROOTS, type RootName } from './records/roots';
import { repairTransaction } from './repairTransaction';
import { validateDocument } from './validateDocument';

const ada = makeOrigin('local', 'Ada');

/** A value a raw Yjs client may put anywhere, described as data so fast-check can shrink it. */
type Value =
  | { kind: 'plain'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'map'; entries: [string, unknown][] }
  | { kind: 'list'; items: unknown[] };

/** One write of a raw client (`value` null deletes). */
type Op =
  | { at: 'field'; root: RootName | 'other'; id: string | null; key: string; value: Value | null }
  | {
      at: 'inText';
      root: RootName;
      id: string | null;
      key: string;
      op: 'insert' | 'embed' | 'format' | 'delete';
      text: string;
      index: number;
    }
  | { at: 'inList'; id: string; items: unknown[]; remove: number }
  | { at: 'wrongPart'; root: RootName; items: unknown[] };

const plainValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    'problem',
    'hypothesis',
    'done',
    'https://ok.example.com',
    'javascript:x',
    '2026-01-31',
    'x'.repeat(6000),
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.integer()), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }).map((o) => ({ ...o })),
);

const value: fc.Arbitrary<Value> = fc.oneof(
  { weight: 4, arbitrary: plainValue.map((v) => ({ kind: 'plain' as const, value: v })) },
  fc.string({ maxLength: 40 }).map((text) => ({ kind: 'text' as const, text })),
  fc
    .array(fc.tuple(fc.string({ maxLength: 8 }), plainValue), { maxLength: 3 })
    .map((entries) => ({ kind: 'map' as const, entries })),
  fc.array(plainValue, { maxLength: 4 }).map((items) => ({ kind: 'list' as const, items })),
);

const IDS = ['whyaaaaaaaa1', 'whybbbbbbbb2', 'newrecord001', 'problem', 'Bad Id'];
const KEYS = [
  ...new Set(Object.values(ROOTS).flatMap((r) => ('record' in r ? r.record.keys : []))),
];
const COLLECTIONS: RootName[] = ['whys', 'actions', 'comments', 'parkingLot'];

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    at: fc.constant('wrongPart' as const),
    root: fc.constantFrom<RootName>('meta', 'problem', 'whys', 'learnings'),
    items: fc.array(plainValue, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    at: fc.constant('field' as const),
    root: fc.constantFrom<RootName | 'other'>('meta', ...COLLECTIONS, 'other'),
    id: fc.constantFrom(...IDS, null),
    key: fc.constantFrom(...KEYS, 'junk'),
    value: fc.option(value, { nil: null }),
  }),
  fc.record({
    at: fc.constant('inText' as const),
    root: fc.constantFrom<RootName>('whys', 'actions', 'problem', 'learnings'),
    id: fc.constantFrom(...IDS.slice(0, 2), 'actionaaaaa1'),
    key: fc.constantFrom('text', 'evidence', 'stopReason', 'description', 'completionNote'),
    op: fc.constantFrom('insert', 'embed', 'format', 'delete'),
    text: fc.oneof(fc.string({ maxLength: 20 }), fc.constant('t'.repeat(21_000))),
    index: fc.nat(30),
  }),
  fc.record({
    at: fc.constant('inList' as const),
    id: fc.constantFrom(...IDS.slice(0, 2)),
    items: fc.array(plainValue, { maxLength: 3 }),
    remove: fc.nat(2),
  }),
);

const round = fc.record({
  ops: fc.array(op, { minLength: 1, maxLength: 6 }),
  client: fc.constantFrom(0, 1),
  upToDate: fc.boolean(),
  /** The server edits a text itself first (by index, which leaves search markers in it). */
  serverTypes: fc.option(fc.string({ maxLength: 30 }), { nil: null }),
});

function make(v: Value): unknown {
  if (v.kind === 'plain') return v.value;
  if (v.kind === 'text') return new Y.Text(v.text);
  if (v.kind === 'map') {
    const map = new Y.Map<unknown>();
    for (const [key, item] of v.entries) map.set(key, item);
    return map;
  }
  const list = new Y.Array<unknown>();
  list.push(v.items);
  return list;
}

function container(raw: Y.Doc, root: RootName | 'other', id: string | null): unknown {
  if (root === 'other') return raw.getMap('other');
  if (ROOTS[root].kind === 'text') return raw.getText(root);
  const map = raw.getMap<unknown>(root);
  return ROOTS[root].kind === 'collection' && id !== null ? map.get(id) : map;
}

/**
 * Writes `o` into `raw`, as a raw client would; a write that does not fit is skipped. A write made
 * through another replica comes back as an update to apply after the transaction.
 */
function write(raw: Y.Doc, o: Op): Uint8Array | void {
  if (o.at === 'wrongPart') {
    // A replica that never asked for a root may type it as it likes: a list for a map, a map for
    // a text. Its writes land in the part of the root the schema never uses.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(raw));
    if (ROOTS[o.root].kind === 'text') other.getMap(o.root).set('k', o.items);
    else other.getArray(o.root).push(o.items);
    return Y.encodeStateAsUpdate(other, Y.encodeStateVector(raw));
  }
  if (o.at === 'inList') {
    const links = (raw.getMap('whys').get(o.id) as Y.Map<unknown> | undefined)?.get('links');
    if (!(links instanceof Y.Array)) return;
    links.push(o.items);
    if (links.length > 0) links.delete(0, Math.min(o.remove, links.length));
    return;
  }
  const parent = container(raw, o.root, o.id);
  if (o.at === 'inText') {
    const text =
      parent instanceof Y.Text ? parent : parent instanceof Y.Map ? parent.get(o.key) : null;
    if (!(text instanceof Y.Text)) return;
    const index = Math.min(o.index, text.length);
    if (o.op === 'insert') text.insert(index, o.text);
    else if (o.op === 'embed') text.insertEmbed(index, { image: o.text });
    else if (o.op === 'format') text.format(0, index, { bold: true });
    else text.delete(0, Math.min(index, text.length));
    return;
  }
  if (parent instanceof Y.Text) {
    if (o.value !== null) parent.insertEmbed(0, make(o.value) as object);
  } else if (parent instanceof Y.Map) {
    if (o.value === null) parent.delete(o.key);
    else parent.set(o.key, make(o.value));
  } else if (o.root !== 'other' && ROOTS[o.root].kind === 'collection' && o.id !== null) {
    raw.getMap(o.root).set(o.id, o.value === null ? new Y.Map() : make(o.value));
  }
}

function serverDoc(): Y.Doc {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Pricing', problem: 'Why are customers angry?' }, ada);
  for (const id of IDS.slice(0, 2))
    addWhy(doc, { parentId: null, text: `Why ${id}`, id: id as never }, ada);
  setRootCause(doc, { whyId: IDS[0] as never, rootCause: true }, ada);
  addAction(doc, { whyId: IDS[0] as never, kind: 'corrective', description: 'Fix' }, ada);
  addComment(doc, { whyId: IDS[0] as never, text: 'Sure?' }, ada);
  addParkingLotItem(doc, { text: 'Later' }, ada);
  return doc;
}

describe('repairTransaction under random writes', () => {
  it('keeps the server valid and every replica converging, whatever two raw clients write', () => {
    fc.assert(
      fc.property(fc.array(round, { minLength: 1, maxLength: 6 }), (rounds) => {
        const server = serverDoc();
        const clients = [new Y.Doc(), new Y.Doc()];
        const watcher = new Y.Doc();
        for (const d of [...clients, watcher]) Y.applyUpdate(d, Y.encodeStateAsUpdate(server));
        // What the server sent and a client has not received yet: its writes are concurrent.
        const inbox: Uint8Array[][] = [[], []];
        server.on('update', (update: Uint8Array) => {
          Y.applyUpdate(watcher, update);
          inbox.forEach((queue) => queue.push(update));
        });
        const deliver = (i: number) =>
          inbox[i]!.splice(0).forEach((u) => Y.applyUpdate(clients[i]!, u));
        for (const { ops, client, upToDate, serverTypes } of rounds) {
          if (serverTypes !== null) {
            const at = whyTextOf(server, IDS[0]!, 'text');
            // As the commands do, within the limit: nothing repairs the server's own writes.
            if (at && at.length + serverTypes.length <= LIMITS.whyTextLength) {
              server.transact(() => at.insert(Math.min(3, at.length), serverTypes), ada);
            }
          }
          const raw = clients[client]!;
          if (upToDate) deliver(client);
          const vector = Y.encodeStateVector(raw);
          const later: Uint8Array[] = [];
          raw.transact(() => ops.forEach((o) => later.push(write(raw, o) ?? new Uint8Array())));
          later.filter((u) => u.length > 0).forEach((u) => Y.applyUpdate(raw, u));
          expect(() => readAnalysis(raw)).not.toThrow();
          const update = Y.encodeStateAsUpdate(raw, vector);
          server.transact((tr) => {
            Y.applyUpdate(server, update, 'client');
            repairTransaction(server, tr);
          }, 'client');
          expect(validateDocument(server)).toEqual([]);
        }
        deliver(0);
        deliver(1);
        for (const d of [...clients, watcher]) {
          expect(Y.encodeStateVector(d)).toEqual(Y.encodeStateVector(server));
          expect(validateDocument(d)).toEqual([]);
          expect(readAnalysis(d)).toEqual(readAnalysis(server));
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
