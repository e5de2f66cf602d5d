import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addWhy,
  closeAnalysis,
  createAnalysis,
  createUndoManager,
  loadExample,
  makeOrigin,
  readAnalysis,
  SAMPLE_ANALYSIS,
} from '../index';

const ada = makeOrigin('local', 'Ada');
const server = makeOrigin('server', 'Whychain');

function newAnalysis(problem: string): Y.Doc {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Our own title', problem }, server);
  return doc;
}

function texts(doc: Y.Doc): string[] {
  const snap = readAnalysis(doc);
  return snap.order.map((id) => snap.whys[id]!.text);
}

describe('loadExample', () => {
  it('fills an empty analysis with the example tree, its root cause and actions', () => {
    const doc = newAnalysis('');
    const result = loadExample(doc, ada);
    expect(result.ok).toBe(true);
    const snap = readAnalysis(doc);
    expect(texts(doc)).toEqual([...SAMPLE_ANALYSIS.whys]);
    expect(snap.problem).toBe(SAMPLE_ANALYSIS.problem);
    expect(snap.title).toBe('Our own title');
    expect(result.ok && snap.whys[result.rootCauseId]?.rootCause).toBe(true);
    expect(snap.actions.map((action) => action.kind).sort()).toEqual(['containment', 'preventive']);
  });

  it('keeps a problem statement the person already wrote', () => {
    const doc = newAnalysis('Invoices went out twice');
    expect(loadExample(doc, ada).ok).toBe(true);
    expect(readAnalysis(doc).problem).toBe('Invoices went out twice');
    expect(texts(doc)).toHaveLength(SAMPLE_ANALYSIS.whys.length);
  });

  it('is one change: a single undo takes all of it back, problem included', () => {
    const doc = newAnalysis('');
    const undo = createUndoManager(doc, ada);
    loadExample(doc, ada);
    undo.undo();
    const snap = readAnalysis(doc);
    expect(snap.order).toEqual([]);
    expect(snap.actions).toEqual([]);
    expect(snap.problem).toBe('');
    expect(undo.canUndo()).toBe(false);
  });

  it('refuses an analysis that has whys already, and a closed one, changing nothing', () => {
    const doc = newAnalysis('Late delivery');
    addWhy(doc, { parentId: null, text: 'The courier was late' }, ada);
    expect(loadExample(doc, ada)).toMatchObject({ ok: false });
    expect(texts(doc)).toEqual(['The courier was late']);

    const closed = newAnalysis('Late delivery');
    expect(closeAnalysis(closed, { overrideReason: 'Only a test' }, server).ok).toBe(true);
    const before = Y.encodeStateVector(closed);
    const refused = loadExample(closed, ada);
    expect(refused).toMatchObject({ ok: false });
    expect(Y.encodeStateVector(closed)).toEqual(before);
  });
});
