import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  addWhy,
  createAnalysis,
  deleteWhy,
  makeOrigin,
  readAnalysis,
  setRootCause,
  type AddActionInput,
  type WhyId,
} from '../index';

const me = makeOrigin('local', 'Ada');

/** An analysis with one root cause and one plain why. */
function fixture(): { doc: Y.Doc; rootCause: WhyId; plain: WhyId } {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Angry customers', problem: 'Why are the customers angry?' }, me);
  const plain = addWhy(doc, { parentId: null, text: 'Price form incorrect' }, me);
  if (!plain.ok) throw new Error(plain.reason);
  const rootCause = addWhy(doc, { parentId: plain.id, text: 'Forms not ordered' }, me);
  if (!rootCause.ok) throw new Error(rootCause.reason);
  setRootCause(doc, { whyId: rootCause.id, rootCause: true }, me);
  return { doc, rootCause: rootCause.id, plain: plain.id };
}

describe('addAction', () => {
  it('adds a preventive action to a root cause, open and unassigned by default', () => {
    const { doc, rootCause } = fixture();
    const r = addAction(
      doc,
      { whyId: rootCause, kind: 'preventive', description: 'Add form order to handover' },
      me,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(readAnalysis(doc).actions).toEqual([
      expect.objectContaining({
        id: r.id,
        whyId: rootCause,
        kind: 'preventive',
        description: 'Add form order to handover',
        owner: '',
        dueDate: null,
        status: 'open',
        completionNote: '',
        completedAt: null,
        createdBy: 'Ada',
      }),
    ]);
  });

  it('adds a containment action to the analysis as a whole, with owner and due date', () => {
    const { doc } = fixture();
    const r = addAction(
      doc,
      {
        whyId: null,
        kind: 'containment',
        description: 'Refund the difference',
        owner: 'Billing lead',
        dueDate: '2025-03-31',
      },
      me,
    );
    expect(r.ok).toBe(true);
    expect(readAnalysis(doc).actions[0]).toMatchObject({
      whyId: null,
      kind: 'containment',
      owner: 'Billing lead',
      dueDate: '2025-03-31',
    });
  });

  it('lists actions in the order they were added', () => {
    const { doc, rootCause } = fixture();
    for (const description of ['first', 'second', 'third']) {
      // Actions are ordered by creation time; let the clock move on between two additions.
      const now = Date.now();
      while (Date.now() === now);
      addAction(doc, { whyId: rootCause, kind: 'corrective', description }, me);
    }
    expect(readAnalysis(doc).actions.map((a) => a.description)).toEqual([
      'first',
      'second',
      'third',
    ]);
  });

  it.each<[string, Partial<AddActionInput>, string]>([
    [
      'an unknown kind',
      { kind: 'urgent' as never },
      'Kind must be one of containment, corrective, preventive.',
    ],
    [
      'a due date in another format',
      { dueDate: '31/03/2025' },
      'Due date must be a date written YYYY-MM-DD.',
    ],
    [
      'a due date with a time',
      { dueDate: '2025-03-31T10:00' },
      'Due date must be a date written YYYY-MM-DD.',
    ],
    [
      'a due date that is not a day',
      { dueDate: '2025-02-30' },
      'Due date must be a date written YYYY-MM-DD.',
    ],
    [
      'a month that does not exist',
      { dueDate: '2025-13-01' },
      'Due date must be a date written YYYY-MM-DD.',
    ],
    [
      'a description over the limit',
      { description: 'x'.repeat(5001) },
      'Description is too long (5001 characters, at most 5000).',
    ],
    ['a description that is not text', { description: 3 as never }, 'Description must be text.'],
    ['an owner that is not text', { owner: 3 as never }, 'Owner must be text.'],
  ])('refuses %s and adds nothing', (_, change, reason) => {
    const { doc, rootCause } = fixture();
    const input = { whyId: rootCause, kind: 'corrective', description: 'Order forms', ...change };
    expect(addAction(doc, input as AddActionInput, me)).toEqual({ ok: false, reason });
    expect(readAnalysis(doc).actions).toEqual([]);
  });

  it('accepts a leap day as due date', () => {
    const { doc, rootCause } = fixture();
    const input = { whyId: rootCause, kind: 'corrective' as const, description: 'Order forms' };
    expect(addAction(doc, { ...input, dueDate: '2028-02-29' }, me).ok).toBe(true);
    expect(readAnalysis(doc).actions[0]!.dueDate).toBe('2028-02-29');
    expect(addAction(doc, { ...input, dueDate: '2027-02-29' }, me)).toEqual({
      ok: false,
      reason: 'Due date must be a date written YYYY-MM-DD.',
    });
  });

  it.each(['corrective', 'preventive'] as const)(
    'refuses a %s action on the analysis as a whole',
    (kind) => {
      const { doc } = fixture();
      expect(addAction(doc, { whyId: null, kind, description: 'Fix it' }, me)).toEqual({
        ok: false,
        reason: 'Only containment actions can belong to the analysis as a whole.',
      });
      expect(readAnalysis(doc).actions).toEqual([]);
    },
  );

  it('refuses an action on a why that is not marked as a root cause', () => {
    const { doc, plain } = fixture();
    expect(addAction(doc, { whyId: plain, kind: 'corrective', description: 'Fix it' }, me)).toEqual(
      {
        ok: false,
        reason: 'Corrective and preventive actions belong to a root cause; mark it first.',
      },
    );
    expect(readAnalysis(doc).actions).toEqual([]);
  });

  it('refuses an action on a why that was deleted', () => {
    const { doc, rootCause } = fixture();
    deleteWhy(doc, { whyId: rootCause }, me);
    expect(
      addAction(doc, { whyId: rootCause, kind: 'corrective', description: 'Fix it' }, me),
    ).toEqual({ ok: false, reason: 'The why for this action no longer exists.' });
    expect(readAnalysis(doc).actions).toEqual([]);
  });
});
