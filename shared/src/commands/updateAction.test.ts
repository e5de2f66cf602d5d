import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  addWhy,
  createAnalysis,
  deleteAction,
  makeOrigin,
  readAnalysis,
  setRootCause,
  updateAction,
  type ActionId,
  type ActionPatch,
} from '../index';

const me = makeOrigin('local', 'Ada');

/** An analysis with a corrective action on a root cause and a containment action on the whole. */
function fixture(): { doc: Y.Doc; corrective: ActionId; containment: ActionId } {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Angry customers', problem: 'Why are the customers angry?' }, me);
  const why = addWhy(doc, { parentId: null, text: 'Forms not ordered' }, me);
  if (!why.ok) throw new Error(why.reason);
  setRootCause(doc, { whyId: why.id, rootCause: true }, me);
  const corrective = addAction(
    doc,
    { whyId: why.id, kind: 'corrective', description: 'Order forms' },
    me,
  );
  const containment = addAction(
    doc,
    { whyId: null, kind: 'containment', description: 'Refund customers' },
    me,
  );
  if (!corrective.ok || !containment.ok) throw new Error('fixture failed');
  return { doc, corrective: corrective.id, containment: containment.id };
}

const actionIn = (doc: Y.Doc, id: ActionId) => readAnalysis(doc).actions.find((a) => a.id === id);

describe('updateAction', () => {
  it('changes only the fields in the patch', () => {
    const { doc, corrective } = fixture();
    const patch = { owner: 'Store manager', dueDate: '2025-04-01', kind: 'preventive' as const };
    expect(updateAction(doc, { actionId: corrective, patch }, me)).toEqual({ ok: true });
    expect(actionIn(doc, corrective)).toMatchObject({
      ...patch,
      description: 'Order forms',
      status: 'open',
      completedAt: null,
    });
  });

  it('records when an action is done and forgets it when the action is reopened', () => {
    const { doc, corrective } = fixture();
    const before = Date.now();
    updateAction(
      doc,
      { actionId: corrective, patch: { status: 'done', completionNote: 'Forms arrived' } },
      me,
    );
    const done = actionIn(doc, corrective)!;
    expect(done).toMatchObject({ status: 'done', completionNote: 'Forms arrived' });
    expect(done.completedAt).toBeGreaterThanOrEqual(before);
    updateAction(doc, { actionId: corrective, patch: { status: 'in_progress' } }, me);
    expect(actionIn(doc, corrective)).toMatchObject({ status: 'in_progress', completedAt: null });
  });

  it('clears a due date', () => {
    const { doc, corrective } = fixture();
    updateAction(doc, { actionId: corrective, patch: { dueDate: '2025-04-01' } }, me);
    updateAction(doc, { actionId: corrective, patch: { dueDate: null } }, me);
    expect(actionIn(doc, corrective)!.dueDate).toBeNull();
  });

  it.each<[string, ActionPatch, string]>([
    [
      'an unknown status',
      { status: 'finished' as never },
      'Status must be one of open, in_progress, done, cancelled.',
    ],
    [
      'an unknown kind',
      { kind: 'urgent' as never },
      'Kind must be one of containment, corrective, preventive.',
    ],
    [
      'a due date in another format',
      { dueDate: 'next week' },
      'Due date must be a date written YYYY-MM-DD.',
    ],
    [
      'a due date that is not a day',
      { dueDate: '2025-04-31' },
      'Due date must be a date written YYYY-MM-DD.',
    ],
    [
      'a completion note that is not text',
      { completionNote: 1 as never },
      'Completion note must be text.',
    ],
  ])('refuses %s and changes nothing', (_, patch, reason) => {
    const { doc, corrective } = fixture();
    const before = actionIn(doc, corrective);
    expect(updateAction(doc, { actionId: corrective, patch }, me)).toEqual({ ok: false, reason });
    expect(actionIn(doc, corrective)).toEqual(before);
  });

  it('refuses to turn an action on the analysis as a whole into a non-containment action', () => {
    const { doc, containment } = fixture();
    expect(updateAction(doc, { actionId: containment, patch: { kind: 'corrective' } }, me)).toEqual(
      {
        ok: false,
        reason: 'Only containment actions can belong to the analysis as a whole.',
      },
    );
    expect(actionIn(doc, containment)!.kind).toBe('containment');
  });

  it('refuses an action that does not exist', () => {
    const { doc } = fixture();
    expect(
      updateAction(doc, { actionId: 'nosuch01' as ActionId, patch: { status: 'done' } }, me),
    ).toEqual({ ok: false, reason: 'This action no longer exists.' });
  });
});

describe('deleteAction', () => {
  it('removes the action and leaves the others', () => {
    const { doc, corrective, containment } = fixture();
    expect(deleteAction(doc, { actionId: corrective }, me)).toEqual({ ok: true });
    expect(readAnalysis(doc).actions.map((a) => a.id)).toEqual([containment]);
  });

  it('refuses an action that is already gone', () => {
    const { doc, corrective } = fixture();
    deleteAction(doc, { actionId: corrective }, me);
    expect(deleteAction(doc, { actionId: corrective }, me)).toEqual({
      ok: false,
      reason: 'This action no longer exists.',
    });
    expect(readAnalysis(doc).actions).toHaveLength(1);
  });
});
