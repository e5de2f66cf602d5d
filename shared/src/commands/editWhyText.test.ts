import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addWhy,
  createAnalysis,
  deleteWhy,
  editWhyText,
  makeOrigin,
  readAnalysis,
  type WhyId,
} from '../index';

const ada = makeOrigin('local', 'Ada');
const bob = makeOrigin('local', 'Bob');

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function withWhy(text: string): { doc: Y.Doc; id: WhyId } {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Angry customers', problem: 'Why are the customers angry?' }, ada);
  const added = addWhy(doc, { parentId: null, text }, ada);
  if (!added.ok) throw new Error(added.reason);
  return { doc, id: added.id };
}

describe('editWhyText', () => {
  it("changes a why's answer", () => {
    const { doc, id } = withWhy('Overcharged');
    expect(editWhyText(doc, { whyId: id, text: 'Overcharged for the book' }, ada)).toEqual({
      ok: true,
    });
    expect(readAnalysis(doc).whys[id]!.text).toBe('Overcharged for the book');
  });

  it('merges two people editing different parts of the same answer, character by character', () => {
    const { doc: a, id } = withWhy('Because the price form is incorrect.');
    const b = new Y.Doc();
    sync(a, b);
    editWhyText(a, { whyId: id, text: 'Because the printed price form is incorrect.' }, ada);
    editWhyText(b, { whyId: id, text: 'Because the price form is out of date.' }, bob);
    sync(a, b);
    const merged = 'Because the printed price form is out of date.';
    expect(readAnalysis(a).whys[id]!.text).toBe(merged);
    expect(readAnalysis(b).whys[id]!.text).toBe(merged);
  });

  it('keeps both insertions when two people type at the same spot', () => {
    const { doc: a, id } = withWhy('Because .');
    const b = new Y.Doc();
    sync(a, b);
    editWhyText(a, { whyId: id, text: 'Because forms.' }, ada);
    editWhyText(b, { whyId: id, text: 'Because prices.' }, bob);
    sync(a, b);
    const text = readAnalysis(a).whys[id]!.text;
    expect(readAnalysis(b).whys[id]!.text).toBe(text);
    expect(['Because formsprices.', 'Because pricesforms.']).toContain(text);
  });

  it('refuses a why that was deleted', () => {
    const { doc, id } = withWhy('Overcharged');
    deleteWhy(doc, { whyId: id }, ada);
    expect(editWhyText(doc, { whyId: id, text: 'x' }, ada)).toEqual({
      ok: false,
      reason: 'This why no longer exists.',
    });
  });

  it('refuses text over the limit and keeps the old answer', () => {
    const { doc, id } = withWhy('Overcharged');
    expect(editWhyText(doc, { whyId: id, text: 'x'.repeat(5001) }, ada)).toEqual({
      ok: false,
      reason: 'Why text is too long (5001 characters, at most 5000).',
    });
    expect(readAnalysis(doc).whys[id]!.text).toBe('Overcharged');
  });
});
