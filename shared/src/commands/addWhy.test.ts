import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addWhy, createAnalysis, makeOrigin, readAnalysis, type WhyId } from '../index';

const me = makeOrigin('local', 'Ada');

function fresh(): Y.Doc {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Angry customers', problem: 'Why are the customers angry?' }, me);
  return doc;
}

describe('addWhy', () => {
  it('adds answers under the problem and under a why, in order', () => {
    const doc = fresh();
    const first = addWhy(doc, { parentId: null, text: 'Overcharged' }, me);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const child = addWhy(doc, { parentId: first.id, text: 'Price form wrong' }, me);
    const before = addWhy(doc, { parentId: null, text: 'Late delivery', index: 0 }, me);
    const snap = readAnalysis(doc);
    expect(snap.rootIds.map((id) => snap.whys[id]!.text)).toEqual(['Late delivery', 'Overcharged']);
    if (!child.ok || !before.ok) throw new Error('expected ok');
    expect(snap.whys[child.id]).toMatchObject({ parentId: first.id, depth: 2, createdBy: 'Ada' });
  });

  it('refuses a parent that does not exist, with a reason', () => {
    const doc = fresh();
    const r = addWhy(doc, { parentId: 'nosuchwhy00' as WhyId, text: 'x' }, me);
    expect(r).toEqual({ ok: false, reason: 'The why you are answering no longer exists.' });
    expect(readAnalysis(doc).order).toHaveLength(0);
  });

  it('refuses text over the limit and writes nothing', () => {
    const doc = fresh();
    const r = addWhy(doc, { parentId: null, text: 'x'.repeat(5001) }, me);
    expect(r.ok).toBe(false);
    expect(readAnalysis(doc).order).toHaveLength(0);
  });

  it('keeps inserting between two siblings without losing their order', () => {
    const doc = fresh();
    const a = addWhy(doc, { parentId: null, text: 'a' }, me);
    addWhy(doc, { parentId: null, text: 'z' }, me);
    if (!a.ok) throw new Error('expected ok');
    for (let i = 0; i < 80; i++) addWhy(doc, { parentId: null, text: `m${i}`, index: 1 }, me);
    const texts = readAnalysis(doc).rootIds.map((id) => readAnalysis(doc).whys[id]!.text);
    expect(texts[0]).toBe('a');
    expect(texts[1]).toBe('m79');
    expect(texts.at(-2)).toBe('m0');
    expect(texts.at(-1)).toBe('z');
  });
});
