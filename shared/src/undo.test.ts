import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addWhy,
  closeAnalysis,
  createAnalysis,
  createUndoManager,
  editProblem,
  editTitle,
  editWhyText,
  makeOrigin,
  metaOf,
  readAnalysis,
  reopenAnalysis,
  SCHEMA_VERSION,
  submitForReview,
  type Result,
} from './index';

const ada = makeOrigin('local', 'Ada');
const bob = makeOrigin('local', 'Bob');
/** Ada's status changes run with their own origin object, which her undo manager does not track. */
const adaStatus = makeOrigin('local', 'Ada');
const remote = makeOrigin('remote');
const server = makeOrigin('server', 'server');

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), remote);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), remote);
}

/** Ada's and Bob's replicas of a new analysis, with an undo manager for Ada's edits. */
function replicas() {
  const a = new Y.Doc();
  createAnalysis(a, { title: 'Angry customers', problem: 'Customers were overcharged' }, server);
  const b = new Y.Doc();
  sync(a, b);
  return { a, b, undo: createUndoManager(a, ada) };
}

function texts(doc: Y.Doc): string[] {
  const snap = readAnalysis(doc);
  return snap.order.map((id) => snap.whys[id]!.text);
}

function must<T extends object>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe('createUndoManager', () => {
  it('takes back only Ada’s edits, never Bob’s edits made in between', () => {
    const { a, b, undo } = replicas();
    const overcharged = must(addWhy(a, { parentId: null, text: 'Overcharged' }, ada)).id;
    undo.stopCapturing();
    sync(a, b);

    must(addWhy(b, { parentId: null, text: 'Late delivery' }, bob));
    must(editProblem(b, { text: 'Customers were overcharged twice' }, bob));
    sync(a, b);

    must(editWhyText(a, { whyId: overcharged, text: 'Overcharged on coffee' }, ada));
    undo.stopCapturing();
    sync(a, b);

    must(editWhyText(b, { whyId: overcharged, text: 'Overcharged on coffee in March' }, bob));
    sync(a, b);

    undo.undo();
    sync(a, b);
    for (const doc of [a, b]) {
      expect(texts(doc)).toEqual(['Overcharged in March', 'Late delivery']);
      expect(readAnalysis(doc).problem).toBe('Customers were overcharged twice');
    }

    // Undoing the add takes Ada's words away but keeps the why, since Bob typed in it.
    undo.undo();
    sync(a, b);
    for (const doc of [a, b]) {
      expect(texts(doc)).toEqual([' in March', 'Late delivery']);
      expect(readAnalysis(doc).problem).toBe('Customers were overcharged twice');
    }
    expect(undo.canUndo()).toBe(false);
  });

  it('redoes what was undone, keeping the other replica’s edits', () => {
    const { a, b, undo } = replicas();
    must(editProblem(a, { text: 'Regular customers were overcharged' }, ada));
    sync(a, b);
    must(editTitle(b, { title: 'Overcharged customers' }, bob));
    sync(a, b);

    undo.undo();
    expect(readAnalysis(a)).toMatchObject({
      problem: 'Customers were overcharged',
      title: 'Overcharged customers',
    });

    expect(undo.canRedo()).toBe(true);
    undo.redo();
    sync(a, b);
    for (const doc of [a, b]) {
      expect(readAnalysis(doc)).toMatchObject({
        problem: 'Regular customers were overcharged',
        title: 'Overcharged customers',
      });
    }
  });

  it('has nothing to undo when only others have edited', () => {
    const { a, b, undo } = replicas();
    must(addWhy(b, { parentId: null, text: 'Late delivery' }, bob));
    sync(a, b);
    expect(undo.canUndo()).toBe(false);
    undo.undo();
    expect(texts(a)).toEqual(['Late delivery']);
  });

  it('undoes typing within half a second as one step', () => {
    const { a, undo } = replicas();
    must(editProblem(a, { text: 'Customers were overcharged.' }, ada));
    must(editProblem(a, { text: 'Customers were overcharged. Twice.' }, ada));
    undo.undo();
    expect(readAnalysis(a).problem).toBe('Customers were overcharged');
    expect(undo.canUndo()).toBe(false);
  });

  it('does not undo a status change made with another origin', () => {
    const { a, undo } = replicas();
    must(editTitle(a, { title: 'Overcharged customers' }, ada));
    undo.stopCapturing();
    must(submitForReview(a, adaStatus));

    undo.undo();
    expect(readAnalysis(a)).toMatchObject({ title: 'Angry customers', status: 'in_review' });
    expect(undo.canUndo()).toBe(false);
  });

  it('does nothing while the analysis is closed, and works again once reopened', () => {
    const { a, b, undo } = replicas();
    must(editProblem(a, { text: 'Regular customers were overcharged' }, ada));
    undo.stopCapturing();
    sync(a, b);
    must(closeAnalysis(b, { overrideReason: 'Urgent' }, bob));
    sync(a, b);

    expect(undo.undo()).toBeNull();
    expect(readAnalysis(a)).toMatchObject({
      status: 'closed',
      problem: 'Regular customers were overcharged',
    });

    must(reopenAnalysis(a, adaStatus));
    undo.undo();
    sync(a, b);
    for (const doc of [a, b]) {
      expect(readAnalysis(doc)).toMatchObject({
        status: 'draft',
        problem: 'Customers were overcharged',
      });
    }
  });

  it('does not redo into a closed analysis', () => {
    const { a, undo } = replicas();
    must(editProblem(a, { text: 'Regular customers were overcharged' }, ada));
    undo.undo();
    must(closeAnalysis(a, { overrideReason: 'Urgent' }, adaStatus));
    expect(undo.redo()).toBeNull();
    expect(readAnalysis(a).problem).toBe('Customers were overcharged');
  });

  it('does nothing on a document from a newer version', () => {
    const { a, undo } = replicas();
    must(editTitle(a, { title: 'Overcharged customers' }, ada));
    a.transact(() => metaOf(a).set('schemaVersion', SCHEMA_VERSION + 1), server);
    undo.undo();
    expect(readAnalysis(a).title).toBe('Overcharged customers');
  });

  it('never deletes a why a colleague has typed into when undoing its creation', () => {
    const { a, b, undo } = replicas();
    const { id } = must(addWhy(a, { parentId: null, text: 'Because ' }, ada));
    sync(a, b);
    must(editWhyText(b, { whyId: id, text: 'Because the form was old' }, bob));
    sync(a, b);
    undo.undo();
    sync(a, b);
    expect(readAnalysis(a).whys[id]?.text).toBe('the form was old');
    expect(readAnalysis(b).whys[id]?.text).toBe('the form was old');
  });

  it('still deletes a why nobody else has touched when undoing its creation', () => {
    const { a, b, undo } = replicas();
    must(addWhy(a, { parentId: null, text: 'Because of the form' }, ada));
    sync(a, b);
    undo.undo();
    sync(a, b);
    expect(texts(a)).toEqual([]);
    expect(texts(b)).toEqual([]);
  });
});
