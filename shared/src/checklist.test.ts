import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  addWhy,
  computeChecklist,
  createAnalysis,
  editLearnings,
  editWhyDetails,
  makeOrigin,
  readAnalysis,
  setRootCause,
  type ActionKind,
  type ActionStatus,
  type Checklist,
  type ChecklistItem,
  type Result,
  type WhyDetailsPatch,
  updateAction,
  type WhyId,
} from './index';

const ada = makeOrigin('local', 'Ada');

function must<T extends object>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.reason);
  return result;
}

/** A new analysis with helpers that build it through the real commands. */
function analysis() {
  const doc = new Y.Doc();
  must(
    createAnalysis(doc, { title: 'Angry customers', problem: 'Customers were overcharged' }, ada),
  );
  return {
    doc,
    /** Adds a why; `rootCause` marks it, the rest goes through editWhyDetails. */
    why(
      parentId: WhyId | null,
      text: string,
      details: WhyDetailsPatch & { rootCause?: boolean } = {},
    ): WhyId {
      const { rootCause, ...patch } = details;
      const { id } = must(addWhy(doc, { parentId, text }, ada));
      if (rootCause) must(setRootCause(doc, { whyId: id, rootCause: true }, ada));
      if (Object.keys(patch).length > 0) must(editWhyDetails(doc, { whyId: id, patch }, ada));
      return id;
    },
    action(
      whyId: WhyId,
      kind: ActionKind,
      fields: { owner?: string; dueDate?: string | null; status?: ActionStatus } = {},
    ): void {
      const { status, ...rest } = fields;
      const { id } = must(addAction(doc, { whyId, kind, description: 'Fix it', ...rest }, ada));
      if (status) must(updateAction(doc, { actionId: id, patch: { status } }, ada));
    },
    learnings(text: string): void {
      must(editLearnings(doc, { text }, ada));
    },
    checklist(): Checklist {
      return computeChecklist(readAnalysis(doc));
    },
  };
}

/**
 * An analysis that passes every item: a chain of three whys ending in a verified root cause with
 * a corrective action that has an owner and a due date, and learnings written down.
 */
function complete() {
  const a = analysis();
  const w1 = a.why(null, 'The price on the receipt was wrong');
  const w2 = a.why(w1, 'The till used last year’s price list');
  const w3 = a.why(w2, 'Nobody owns the price list update', {
    rootCause: true,
    verification: 'verified',
  });
  a.action(w3, 'corrective', { owner: 'Bob', dueDate: '2030-01-31' });
  a.learnings('Give every price list an owner.');
  return { ...a, w1, w2, w3 };
}

function item(checklist: Checklist, id: ChecklistItem['id']): ChecklistItem {
  const found = checklist.items.find((i) => i.id === id);
  if (!found) throw new Error(`no checklist item ${id}`);
  return found;
}

describe('computeChecklist', () => {
  it('passes every item of a complete analysis, in a fixed order', () => {
    const checklist = complete().checklist();
    expect(checklist.items.map((i) => [i.id, i.ok, i.problems])).toEqual([
      ['leaves', true, []],
      ['verified', true, []],
      ['actions', true, []],
      ['depth', true, []],
      ['learnings', true, []],
    ]);
    expect(checklist.passed).toBe(true);
  });

  it('fails an analysis with nothing in it, saying what is missing', () => {
    const checklist = analysis().checklist();
    expect(checklist.items.map((i) => [i.id, i.ok, i.problems])).toEqual([
      ['leaves', false, [{ message: 'No whys yet.' }]],
      ['verified', false, [{ message: 'No root cause marked yet.' }]],
      ['actions', false, [{ message: 'No root cause marked yet.' }]],
      ['depth', true, []],
      ['learnings', false, [{ message: 'Learnings for other customers are empty.' }]],
    ]);
    expect(checklist.passed).toBe(false);
  });
});

describe('checklist item: every branch ends in a root cause or is ruled out', () => {
  it('names each leaf that is neither a root cause nor ruled out, in display order', () => {
    const a = complete();
    const late = a.why(null, 'Delivery was late', { stopReason: 'Out of scope for this analysis' });
    const printer = a.why(a.w1, 'The printer was out of paper', { stopReason: 'Checked' });
    const checklist = a.checklist();
    expect(item(checklist, 'leaves')).toMatchObject({
      ok: false,
      problems: [
        {
          whyId: printer,
          message: '"The printer was out of paper" is neither a root cause nor ruled out.',
        },
        { whyId: late, message: '"Delivery was late" is neither a root cause nor ruled out.' },
      ],
    });
    expect(checklist.items.filter((i) => !i.ok).map((i) => i.id)).toEqual(['leaves']);
    expect(checklist.passed).toBe(false);
  });

  it('passes once the open leaf is ruled out', () => {
    const a = complete();
    const late = a.why(null, 'Delivery was late');
    must(editWhyDetails(a.doc, { whyId: late, patch: { verification: 'ruled_out' } }, ada));
    expect(item(a.checklist(), 'leaves')).toMatchObject({ ok: true, problems: [] });
    expect(a.checklist().passed).toBe(true);
  });

  it('does not count a why with answers below it as an open branch', () => {
    const a = complete();
    // w1 and w2 are neither root causes nor ruled out, but they have answers.
    expect(readAnalysis(a.doc).whys[a.w1]).toMatchObject({ rootCause: false });
    expect(item(a.checklist(), 'leaves').ok).toBe(true);
  });

  it('shortens long texts and names empty ones in the message', () => {
    const a = complete();
    a.why(null, 'The customer was charged for two bags of coffee instead of one', {
      stopReason: 'x',
    });
    a.why(null, '', { stopReason: 'x' });
    expect(item(a.checklist(), 'leaves').problems.map((p) => p.message)).toEqual([
      '"The customer was charged for two bags..." is neither a root cause nor ruled out.',
      '"(empty)" is neither a root cause nor ruled out.',
    ]);
  });
});

describe('checklist item: every root cause is verified or accepted as an assumption', () => {
  it('names a root cause that is only a hypothesis', () => {
    const a = complete();
    must(editWhyDetails(a.doc, { whyId: a.w3, patch: { verification: 'hypothesis' } }, ada));
    const checklist = a.checklist();
    expect(item(checklist, 'verified')).toMatchObject({
      ok: false,
      problems: [{ whyId: a.w3, message: '"Nobody owns the price list update" is not verified.' }],
    });
    expect(checklist.passed).toBe(false);
  });

  it('accepts an unverified root cause explicitly accepted as an assumption', () => {
    const a = complete();
    must(
      editWhyDetails(
        a.doc,
        { whyId: a.w3, patch: { verification: 'hypothesis', assumption: true } },
        ada,
      ),
    );
    expect(item(a.checklist(), 'verified')).toMatchObject({ ok: true, problems: [] });
    expect(a.checklist().passed).toBe(true);
  });

  it('fails when no root cause is marked', () => {
    const a = complete();
    must(setRootCause(a.doc, { whyId: a.w3, rootCause: false }, ada));
    expect(item(a.checklist(), 'verified')).toMatchObject({
      ok: false,
      problems: [{ message: 'No root cause marked yet.' }],
    });
  });
});

describe('checklist item: every root cause has a corrective or preventive action', () => {
  const missing =
    '"Nobody owns the price list update" has no corrective or preventive action with owner and due date.';

  /** A complete analysis whose root cause gets only the given action (or none). */
  function withAction(
    kind?: ActionKind,
    fields: { owner?: string; dueDate?: string | null; status?: ActionStatus } = {},
  ) {
    const a = analysis();
    const w1 = a.why(null, 'The price on the receipt was wrong');
    const w2 = a.why(w1, 'The till used last year’s price list');
    const w3 = a.why(w2, 'Nobody owns the price list update', {
      rootCause: true,
      verification: 'verified',
    });
    if (kind) a.action(w3, kind, fields);
    a.learnings('Give every price list an owner.');
    return { ...a, w3 };
  }

  it.each([
    ['no action at all', undefined, {}],
    [
      'a containment action, even with owner and due date',
      'containment',
      { owner: 'Bob', dueDate: '2030-01-31' },
    ],
    ['a corrective action without owner', 'corrective', { dueDate: '2030-01-31' }],
    [
      'a corrective action whose owner is blank',
      'corrective',
      { owner: '  ', dueDate: '2030-01-31' },
    ],
    ['a corrective action without due date', 'corrective', { owner: 'Bob' }],
    [
      'a cancelled corrective action',
      'corrective',
      { owner: 'Bob', dueDate: '2030-01-31', status: 'cancelled' },
    ],
  ] as const)('fails with %s', (_, kind, fields) => {
    const a = withAction(kind, fields);
    const checklist = a.checklist();
    expect(item(checklist, 'actions')).toMatchObject({
      ok: false,
      problems: [{ whyId: a.w3, message: missing }],
    });
    expect(checklist.passed).toBe(false);
  });

  it.each([
    ['an open corrective action', 'corrective', {}],
    ['a preventive action', 'preventive', {}],
    ['a corrective action in progress', 'corrective', { status: 'in_progress' }],
    ['a corrective action already done', 'corrective', { status: 'done' }],
  ] as const)('passes with %s that has owner and due date', (_, kind, extra) => {
    const a = withAction(kind, { owner: 'Bob', dueDate: '2030-01-31', ...extra });
    expect(item(a.checklist(), 'actions')).toMatchObject({ ok: true, problems: [] });
    expect(a.checklist().passed).toBe(true);
  });

  it('does not count an action of another root cause', () => {
    const a = complete();
    const second = a.why(a.w2, 'The price list arrives by post', {
      rootCause: true,
      verification: 'verified',
      stopReason: 'Supplier process',
    });
    expect(item(a.checklist(), 'actions')).toMatchObject({
      ok: false,
      problems: [
        {
          whyId: second,
          message:
            '"The price list arrives by post" has no corrective or preventive action with owner and due date.',
        },
      ],
    });
  });
});

describe('checklist item: no chain stops before three whys without a reason', () => {
  function shortChain(details: WhyDetailsPatch = {}) {
    const a = analysis();
    const w1 = a.why(null, 'The price on the receipt was wrong');
    const w2 = a.why(w1, 'The till used an old price list', {
      rootCause: true,
      verification: 'verified',
      ...details,
    });
    a.action(w2, 'corrective', { owner: 'Bob', dueDate: '2030-01-31' });
    a.learnings('Check price lists.');
    return { ...a, w2 };
  }

  it('names a chain that ends at why 2 without a reason', () => {
    const a = shortChain();
    const checklist = a.checklist();
    expect(item(checklist, 'depth')).toMatchObject({
      ok: false,
      problems: [
        {
          whyId: a.w2,
          message:
            '"The till used an old price list" stops at why 2; ask why again or give a reason.',
        },
      ],
    });
    expect(checklist.passed).toBe(false);
  });

  it('passes when the short chain gives a reason to stop', () => {
    const a = shortChain({ stopReason: 'The price list is set by head office, out of our reach.' });
    expect(item(a.checklist(), 'depth')).toMatchObject({ ok: true, problems: [] });
    expect(a.checklist().passed).toBe(true);
  });

  it('does not take a blank reason as a reason', () => {
    const a = shortChain({ stopReason: '   ' });
    expect(item(a.checklist(), 'depth').ok).toBe(false);
  });

  it('does not ask a ruled-out branch to go deeper', () => {
    const a = complete();
    a.why(null, 'The customer misread the receipt', { verification: 'ruled_out' });
    expect(item(a.checklist(), 'depth')).toMatchObject({ ok: true, problems: [] });
    expect(a.checklist().passed).toBe(true);
  });
});

describe('checklist item: learnings are written down', () => {
  it.each([
    ['empty', ''],
    ['only blank', '  \n\t '],
  ])('fails when learnings are %s', (_, text) => {
    const a = complete();
    a.learnings(text);
    const checklist = a.checklist();
    expect(item(checklist, 'learnings')).toEqual({
      id: 'learnings',
      label: 'Learnings for other customers are written down',
      ok: false,
      problems: [{ message: 'Learnings for other customers are empty.' }],
    });
    expect(checklist.items.filter((i) => !i.ok).map((i) => i.id)).toEqual(['learnings']);
    expect(checklist.passed).toBe(false);
  });
});
