import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  addComment,
  addWhy,
  checkIncomingUpdate,
  closeAnalysis,
  createAnalysis,
  deleteWhy,
  findBlame,
  makeOrigin,
  metaOf,
  readAnalysis,
  setRootCause,
  updateAction,
  type ActionPatch,
} from './index';

const me = makeOrigin('local', 'Ada');

function analysisWithWhy() {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'T', problem: 'P' }, me);
  const why = addWhy(doc, { parentId: null, text: 'Forms not ordered' }, me);
  if (!why.ok) throw new Error(why.reason);
  return { doc, whyId: why.id };
}

describe('edge cases found in review', () => {
  it('updateAction writes only action fields, whatever else the patch carries', () => {
    const { doc, whyId } = analysisWithWhy();
    setRootCause(doc, { whyId, rootCause: true }, me);
    const action = addAction(doc, { whyId, kind: 'corrective', description: 'Order' }, me);
    if (!action.ok) throw new Error(action.reason);
    const patch = { owner: 'Bob', whyId: null, createdBy: 'Mallory' } as unknown as ActionPatch;
    expect(updateAction(doc, { actionId: action.id, patch }, me)).toEqual({ ok: true });
    expect(readAnalysis(doc).actions[0]).toMatchObject({ owner: 'Bob', whyId, createdBy: 'Ada' });
  });

  it('deleteWhy removes the comments on the deleted whys', () => {
    const { doc, whyId } = analysisWithWhy();
    addComment(doc, { whyId, text: 'Check the order log' }, me);
    expect(readAnalysis(doc).comments).toHaveLength(1);
    deleteWhy(doc, { whyId }, me);
    expect(readAnalysis(doc).comments).toEqual([]);
  });

  it('a closed analysis only accepts a reopen to draft, not another status', () => {
    const { doc } = analysisWithWhy();
    closeAnalysis(doc, { overrideReason: 'Duplicate' }, me);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    let update: Uint8Array | null = null;
    replica.on('update', (u: Uint8Array) => (update = u));
    replica.transact(() => metaOf(replica).set('status', 'in_review'));
    expect(checkIncomingUpdate(doc, update!)).toEqual({
      ok: false,
      reason: 'This analysis is closed; reopen it to make changes.',
    });
  });

  it('findBlame sees typographic apostrophes and line breaks inside a phrase', () => {
    expect(findBlame('The clerk didn’t pay attention', ["didn't pay attention"])).toBe(
      "didn't pay attention",
    );
    expect(findBlame('It was human\nerror', ['human error'])).toBe('human error');
  });
});
