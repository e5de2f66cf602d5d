import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAnalysis, editTitle, makeOrigin, readAnalysis } from '../index';

const me = makeOrigin('local', 'Ada');

function fresh(): Y.Doc {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Angry customers', problem: 'Why are the customers angry?' }, me);
  return doc;
}

describe('editTitle', () => {
  it('renames the analysis, and another replica sees the new title', () => {
    const doc = fresh();
    expect(editTitle(doc, { title: 'Overcharged customers' }, me)).toEqual({ ok: true });
    expect(readAnalysis(doc).title).toBe('Overcharged customers');
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(readAnalysis(other).title).toBe('Overcharged customers');
  });

  it.each([
    ['  ', 'Title is required.'],
    ['', 'Title is required.'],
    ['x'.repeat(201), 'Title is too long (201 characters, at most 200).'],
    [null, 'Title must be text.'],
  ])('refuses %j with a reason and keeps the old title', (title, reason) => {
    const doc = fresh();
    expect(editTitle(doc, { title: title as string }, me)).toEqual({ ok: false, reason });
    expect(readAnalysis(doc).title).toBe('Angry customers');
  });

  it('accepts a title of exactly the maximum length', () => {
    const doc = fresh();
    expect(editTitle(doc, { title: 't'.repeat(200) }, me)).toEqual({ ok: true });
    expect(readAnalysis(doc).title).toHaveLength(200);
  });
});
