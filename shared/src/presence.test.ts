import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addWhy,
  caretFromShared,
  caretToShared,
  createAnalysis,
  deleteWhy,
  editProblem,
  editWhyText,
  makeOrigin,
  nodeTextOf,
  PROBLEM_ID,
  readAnalysis,
  whyOf,
  type WhyId,
} from './index';

const ada = makeOrigin('local', 'Ada');
const bob = makeOrigin('local', 'Bob');
const remote = makeOrigin('remote');

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), remote);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), remote);
}

/** Two synced replicas of an analysis with one why. */
function replicas(): { a: Y.Doc; b: Y.Doc; why: WhyId } {
  const a = new Y.Doc();
  createAnalysis(a, { title: 'Angry customers', problem: 'Customers were overcharged' }, ada);
  const added = addWhy(a, { parentId: null, text: 'Price form wrong' }, ada);
  if (!added.ok) throw new Error(added.reason);
  const b = new Y.Doc();
  sync(a, b);
  return { a, b, why: added.id };
}

/** A caret as it travels through awareness: plain JSON. */
function overTheWire(caret: unknown): unknown {
  return JSON.parse(JSON.stringify(caret));
}

describe('nodeTextOf', () => {
  it('gives the text a node shows: the problem statement or a why', () => {
    const { a, why } = replicas();
    expect(nodeTextOf(a, PROBLEM_ID)?.toString()).toBe('Customers were overcharged');
    expect(nodeTextOf(a, why)?.toString()).toBe('Price form wrong');
  });

  it('gives nothing for a node that does not exist or was deleted', () => {
    const { a, why } = replicas();
    expect(nodeTextOf(a, 'nosuchwhy01')).toBeUndefined();
    deleteWhy(a, { whyId: why }, ada);
    expect(nodeTextOf(a, why)).toBeUndefined();
  });
});

describe('caretToShared and caretFromShared', () => {
  it('keeps a caret on the same character after someone types before it', () => {
    const { a, b, why } = replicas();
    const caret = overTheWire(caretToShared(a, why, 6)); // before "form"
    expect(caretFromShared(b, caret)).toBe(6);

    editWhyText(b, { whyId: why, text: 'The old Price form wrong' }, bob);
    sync(a, b);

    for (const doc of [a, b]) {
      const index = caretFromShared(doc, caret);
      expect(index).toBe(14);
      expect(readAnalysis(doc).whys[why]!.text.slice(index!)).toBe('form wrong');
    }
  });

  it('moves a caret back when text before it is deleted, and not when text after it changes', () => {
    const { a, b, why } = replicas();
    const caret = overTheWire(caretToShared(a, why, 6));
    editWhyText(b, { whyId: why, text: 'Price form was wrong' }, bob);
    sync(a, b);
    expect(caretFromShared(a, caret)).toBe(6);
    editWhyText(b, { whyId: why, text: 'form was wrong' }, bob);
    sync(a, b);
    expect(caretFromShared(a, caret)).toBe(0);
  });

  it('keeps a caret at the end of the problem statement at the end', () => {
    const { a, b } = replicas();
    const end = 'Customers were overcharged'.length;
    const caret = overTheWire(caretToShared(a, PROBLEM_ID, end));
    expect(caretFromShared(a, caret)).toBe(end);
    editProblem(b, { text: 'Regular customers were overcharged' }, bob);
    sync(a, b);
    expect(caretFromShared(a, caret)).toBe('Regular customers were overcharged'.length);
  });

  it('shares nothing for a node that does not exist', () => {
    const { a } = replicas();
    expect(caretToShared(a, 'nosuchwhy01', 0)).toBeNull();
  });

  it('no longer resolves a caret in a why that was deleted', () => {
    const { a, b, why } = replicas();
    const caret = overTheWire(caretToShared(a, why, 3));
    deleteWhy(b, { whyId: why }, bob);
    sync(a, b);
    expect(caretFromShared(a, caret)).toBeNull();
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'caret'],
    ['a number', 12],
    ['an empty object', {}],
    ['an array', []],
    ['an unknown item', { item: { client: 424242, clock: 7 }, assoc: 0 }],
    ['an unknown type', { type: { client: 424242, clock: 0 }, tname: null, item: null }],
    ['a malformed item', { item: 'abc' }],
    ['an unknown root name', { tname: 'nope' }],
    ['a root that is not text', { tname: 'whys' }],
  ])('resolves %s to null', (_, garbage) => {
    const { a } = replicas();
    const before = Y.encodeStateAsUpdate(a);
    expect(caretFromShared(a, garbage)).toBeNull();
    expect(Y.encodeStateAsUpdate(a)).toEqual(before);
    expect(a.share.has('nope')).toBe(false);
  });

  it('resolves a caret pointing into a why record rather than its text to null', () => {
    const { a, why } = replicas();
    const record = whyOf(a, why)!.raw;
    const caret = overTheWire(
      Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(record, 0)),
    );
    expect(caretFromShared(a, caret)).toBeNull();
  });
});
