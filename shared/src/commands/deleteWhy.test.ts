import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  actionsOf,
  addAction,
  addWhy,
  createAnalysis,
  deleteWhy,
  makeOrigin,
  readAnalysis,
  setRootCause,
  whysOf,
  type WhyId,
} from '../index';

const me = makeOrigin('local', 'Ada');

/**
 * Problem
 * ├─ price (root cause of nothing yet)
 * │  ├─ form (root cause, with a corrective action)
 * │  │  └─ order
 * │  └─ stock
 * └─ late
 * plus a containment action on the analysis.
 */
function fixture(): Y.Doc {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Angry customers', problem: 'Why are the customers angry?' }, me);
  const add = (id: string, parentId: string | null, text: string) => {
    const r = addWhy(doc, { id: id as WhyId, parentId: parentId as WhyId | null, text }, me);
    if (!r.ok) throw new Error(r.reason);
  };
  add('price01', null, 'Overcharged');
  add('form001', 'price01', 'Price form incorrect');
  add('order01', 'form001', 'New forms not ordered');
  add('stock01', 'price01', 'Old stock');
  add('late001', null, 'Late delivery');
  setRootCause(doc, { whyId: 'form001' as WhyId, rootCause: true }, me);
  addAction(
    doc,
    { whyId: 'form001' as WhyId, kind: 'corrective', description: 'Order new forms' },
    me,
  );
  addAction(doc, { whyId: null, kind: 'containment', description: 'Refund customers' }, me);
  return doc;
}

describe('deleteWhy', () => {
  it('removes the why, everything below it and their actions', () => {
    const doc = fixture();
    const r = deleteWhy(doc, { whyId: 'price01' as WhyId }, me);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([...r.deleted].sort()).toEqual(['form001', 'order01', 'price01', 'stock01']);
    const snap = readAnalysis(doc);
    expect(snap.order).toEqual(['late001']);
    expect(snap.actions.map((a) => a.description)).toEqual(['Refund customers']);
  });

  it('removes a leaf and leaves its siblings and parent alone', () => {
    const doc = fixture();
    expect(deleteWhy(doc, { whyId: 'stock01' as WhyId }, me)).toEqual({
      ok: true,
      deleted: ['stock01'],
    });
    const snap = readAnalysis(doc);
    expect(snap.order).toEqual(['price01', 'form001', 'order01', 'late001']);
    expect(snap.whys.price01!.childIds).toEqual(['form001']);
    expect(snap.actions).toHaveLength(2);
  });

  it('refuses a why that does not exist and changes nothing', () => {
    const doc = fixture();
    const before = readAnalysis(doc);
    expect(deleteWhy(doc, { whyId: 'nosuch01' as WhyId }, me)).toEqual({
      ok: false,
      reason: 'This why no longer exists.',
    });
    expect(readAnalysis(doc)).toEqual(before);
  });

  it('can be undone, bringing back the subtree with its texts and actions', () => {
    const doc = fixture();
    const before = readAnalysis(doc);
    const undo = new Y.UndoManager([whysOf(doc), actionsOf(doc)], {
      trackedOrigins: new Set([me]),
    });
    deleteWhy(doc, { whyId: 'price01' as WhyId }, me);
    expect(readAnalysis(doc).order).toEqual(['late001']);
    undo.undo();
    const after = readAnalysis(doc);
    expect(after.order).toEqual(before.order);
    expect(after.whys).toEqual(before.whys);
    expect(after.whys.order01!.text).toBe('New forms not ordered');
    expect(after.actions.map((a) => a.description).sort()).toEqual([
      'Order new forms',
      'Refund customers',
    ]);
    undo.redo();
    expect(readAnalysis(doc).order).toEqual(['late001']);
  });

  it('restores the texts when undo tracks only the whys', () => {
    const doc = fixture();
    const undo = new Y.UndoManager(whysOf(doc), { trackedOrigins: new Set([me]) });
    deleteWhy(doc, { whyId: 'form001' as WhyId }, me);
    undo.undo();
    const snap = readAnalysis(doc);
    expect(snap.whys.form001).toMatchObject({
      parentId: 'price01',
      text: 'Price form incorrect',
      rootCause: true,
    });
    expect(snap.whys.order01).toMatchObject({ parentId: 'form001', text: 'New forms not ordered' });
  });
});
