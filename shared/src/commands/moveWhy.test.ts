import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addWhy, createAnalysis, makeOrigin, moveWhy, readAnalysis, type WhyId } from '../index';

const me = makeOrigin('local', 'Ada');
const id = (s: string) => s as WhyId;

/** Problem -> a -> (b -> c), d; problem -> e. */
function fixture(): Y.Doc {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Angry customers', problem: 'Why are the customers angry?' }, me);
  for (const [whyId, parentId] of [
    ['aaaaaa', null],
    ['bbbbbb', 'aaaaaa'],
    ['cccccc', 'bbbbbb'],
    ['dddddd', 'aaaaaa'],
    ['eeeeee', null],
  ] as const) {
    const r = addWhy(doc, { id: id(whyId), parentId: parentId && id(parentId), text: whyId }, me);
    if (!r.ok) throw new Error(r.reason);
  }
  return doc;
}

describe('moveWhy', () => {
  it('moves a why with everything below it to a new parent', () => {
    const doc = fixture();
    expect(moveWhy(doc, { whyId: id('bbbbbb'), parentId: id('eeeeee') }, me)).toEqual({ ok: true });
    const snap = readAnalysis(doc);
    expect(snap.whys.bbbbbb).toMatchObject({ parentId: 'eeeeee', depth: 2 });
    expect(snap.whys.cccccc).toMatchObject({ parentId: 'bbbbbb', depth: 3 });
    expect(snap.whys.aaaaaa!.childIds).toEqual(['dddddd']);
    expect(snap.order).toEqual(['aaaaaa', 'dddddd', 'eeeeee', 'bbbbbb', 'cccccc']);
  });

  it('moves a why up to answer the problem directly, at a given position', () => {
    const doc = fixture();
    expect(moveWhy(doc, { whyId: id('cccccc'), parentId: null, index: 1 }, me)).toEqual({
      ok: true,
    });
    const snap = readAnalysis(doc);
    expect(snap.rootIds).toEqual(['aaaaaa', 'cccccc', 'eeeeee']);
    expect(snap.whys.cccccc).toMatchObject({ parentId: null, depth: 1 });
  });

  it('reorders a why among its own siblings', () => {
    const doc = fixture();
    moveWhy(doc, { whyId: id('dddddd'), parentId: id('aaaaaa'), index: 0 }, me);
    expect(readAnalysis(doc).whys.aaaaaa!.childIds).toEqual(['dddddd', 'bbbbbb']);
    moveWhy(doc, { whyId: id('dddddd'), parentId: id('aaaaaa') }, me);
    expect(readAnalysis(doc).whys.aaaaaa!.childIds).toEqual(['bbbbbb', 'dddddd']);
  });

  it.each([
    ['itself', 'aaaaaa'],
    ['its own answer', 'bbbbbb'],
    ['an answer further down', 'cccccc'],
  ])('refuses to move a why under %s, with a reason, writing nothing', (_, target) => {
    const doc = fixture();
    const before = readAnalysis(doc);
    let updates = 0;
    doc.on('update', () => updates++);
    expect(moveWhy(doc, { whyId: id('aaaaaa'), parentId: id(target) }, me)).toEqual({
      ok: false,
      reason: 'A why cannot be moved under itself or under one of its own answers.',
    });
    expect(updates).toBe(0);
    expect(readAnalysis(doc)).toEqual(before);
  });

  it('refuses a why or a target that does not exist', () => {
    const doc = fixture();
    expect(moveWhy(doc, { whyId: id('nosuch'), parentId: null }, me)).toEqual({
      ok: false,
      reason: 'This why no longer exists.',
    });
    expect(moveWhy(doc, { whyId: id('bbbbbb'), parentId: id('nosuch') }, me)).toEqual({
      ok: false,
      reason: 'The target no longer exists.',
    });
    expect(readAnalysis(doc).whys.bbbbbb!.parentId).toBe('aaaaaa');
  });
});
