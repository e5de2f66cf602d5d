import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  addWhy,
  createAnalysis,
  deleteAction,
  deleteWhy,
  editProblem,
  editTitle,
  editWhyText,
  makeOrigin,
  metaOf,
  moveWhy,
  readAnalysis,
  SCHEMA_VERSION,
  setRootCause,
  updateAction,
  type ActionId,
  type Result,
  type WhyId,
} from '../index';

const me = makeOrigin('local', 'Ada');
const server = makeOrigin('server', 'server');

interface Fixture {
  doc: Y.Doc;
  first: WhyId;
  rootCause: WhyId;
  action: ActionId;
}

/** An analysis with two whys (the second a root cause) and an action on the root cause. */
function fixture(): Fixture {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Angry customers', problem: 'Why are the customers angry?' }, me);
  const first = addWhy(doc, { parentId: null, text: 'Overcharged' }, me);
  if (!first.ok) throw new Error(first.reason);
  const second = addWhy(doc, { parentId: first.id, text: 'Forms not ordered' }, me);
  if (!second.ok) throw new Error(second.reason);
  setRootCause(doc, { whyId: second.id, rootCause: true }, me);
  const action = addAction(
    doc,
    { whyId: second.id, kind: 'corrective', description: 'Order forms' },
    me,
  );
  if (!action.ok) throw new Error(action.reason);
  return { doc, first: first.id, rootCause: second.id, action: action.id };
}

/** Every command that writes, called with input that would succeed on a writable document. */
const commands: Array<[string, (f: Fixture) => Result<object>]> = [
  ['editTitle', (f) => editTitle(f.doc, { title: 'New title' }, me)],
  ['editProblem', (f) => editProblem(f.doc, { text: 'Why so angry?' }, me)],
  ['addWhy', (f) => addWhy(f.doc, { parentId: f.first, text: 'Another answer' }, me)],
  ['editWhyText', (f) => editWhyText(f.doc, { whyId: f.first, text: 'Changed' }, me)],
  ['deleteWhy', (f) => deleteWhy(f.doc, { whyId: f.rootCause }, me)],
  ['moveWhy', (f) => moveWhy(f.doc, { whyId: f.rootCause, parentId: null }, me)],
  ['setRootCause', (f) => setRootCause(f.doc, { whyId: f.first, rootCause: true }, me)],
  [
    'addAction',
    (f) => addAction(f.doc, { whyId: null, kind: 'containment', description: 'Refund' }, me),
  ],
  [
    'updateAction',
    (f) => updateAction(f.doc, { actionId: f.action, patch: { status: 'done' } }, me),
  ],
  ['deleteAction', (f) => deleteAction(f.doc, { actionId: f.action }, me)],
];

describe('read-only documents', () => {
  it.each(commands)('%s works on an open analysis', (_, run) => {
    const f = fixture();
    const before = readAnalysis(f.doc);
    expect(run(f)).toMatchObject({ ok: true });
    expect(readAnalysis(f.doc)).not.toEqual(before);
  });

  it.each(commands)('%s is refused on a closed analysis, with the reason', (_, run) => {
    const f = fixture();
    f.doc.transact(() => metaOf(f.doc).set('status', 'closed'), server);
    const before = readAnalysis(f.doc);
    expect(before.status).toBe('closed');
    expect(run(f)).toEqual({
      ok: false,
      reason: 'This analysis is closed; reopen it to make changes.',
    });
    expect(readAnalysis(f.doc)).toEqual(before);
  });

  it.each(commands)('%s is refused on a document from a newer version', (_, run) => {
    const f = fixture();
    f.doc.transact(() => metaOf(f.doc).set('schemaVersion', SCHEMA_VERSION + 1), server);
    const before = readAnalysis(f.doc);
    expect(before).toMatchObject({ fromNewerVersion: true, schemaVersion: SCHEMA_VERSION + 1 });
    expect(run(f)).toEqual({
      ok: false,
      reason: 'This analysis was saved by a newer version of Whychain; it is read-only here.',
    });
    expect(readAnalysis(f.doc)).toEqual(before);
  });

  it('still shows everything in a document from a newer version', () => {
    const f = fixture();
    f.doc.transact(() => metaOf(f.doc).set('schemaVersion', SCHEMA_VERSION + 1), server);
    const snap = readAnalysis(f.doc);
    expect(snap.title).toBe('Angry customers');
    expect(snap.order.map((id) => snap.whys[id]!.text)).toEqual([
      'Overcharged',
      'Forms not ordered',
    ]);
    expect(snap.actions.map((a) => a.description)).toEqual(['Order forms']);
  });

  it('accepts writes again once a closed analysis is reopened', () => {
    const f = fixture();
    f.doc.transact(() => metaOf(f.doc).set('status', 'closed'), server);
    f.doc.transact(() => metaOf(f.doc).set('status', 'in_review'), server);
    expect(editTitle(f.doc, { title: 'Reopened' }, me)).toEqual({ ok: true });
    expect(readAnalysis(f.doc).title).toBe('Reopened');
  });

  it('refuses writes before the analysis has loaded', () => {
    const doc = new Y.Doc();
    expect(addWhy(doc, { parentId: null, text: 'Too early' }, me)).toEqual({
      ok: false,
      reason: 'The analysis has not loaded yet.',
    });
    expect(editProblem(doc, { text: 'Too early' }, me)).toEqual({
      ok: false,
      reason: 'The analysis has not loaded yet.',
    });
    expect(readAnalysis(doc)).toMatchObject({ order: [], problem: '', schemaVersion: 0 });
  });
});
