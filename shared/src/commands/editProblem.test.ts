import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAnalysis, editProblem, makeOrigin, problemOf, readAnalysis } from '../index';

const ada = makeOrigin('local', 'Ada');
const bob = makeOrigin('local', 'Bob');

function fresh(): Y.Doc {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Angry customers', problem: 'Why are the customers angry?' }, ada);
  return doc;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('editProblem', () => {
  it('changes the problem statement', () => {
    const doc = fresh();
    expect(editProblem(doc, { text: 'Why are the customers so angry?' }, ada)).toEqual({
      ok: true,
    });
    expect(readAnalysis(doc).problem).toBe('Why are the customers so angry?');
  });

  it('merges two people editing different parts of the statement at the same time', () => {
    const a = fresh();
    const b = new Y.Doc();
    sync(a, b);
    editProblem(a, { text: 'Why are the regular customers angry?' }, ada);
    editProblem(b, { text: 'Why are the customers angry today?' }, bob);
    sync(a, b);
    expect(readAnalysis(a).problem).toBe('Why are the regular customers angry today?');
    expect(readAnalysis(b).problem).toBe('Why are the regular customers angry today?');
  });

  it('writes nothing when the text is unchanged', () => {
    const doc = fresh();
    let updates = 0;
    doc.on('update', () => updates++);
    expect(editProblem(doc, { text: 'Why are the customers angry?' }, ada)).toEqual({ ok: true });
    expect(updates).toBe(0);
  });

  it('refuses a statement over the limit and keeps the old one', () => {
    const doc = fresh();
    expect(editProblem(doc, { text: 'x'.repeat(5001) }, ada)).toEqual({
      ok: false,
      reason: 'Problem statement is too long (5001 characters, at most 5000).',
    });
    expect(problemOf(doc).toString()).toBe('Why are the customers angry?');
  });
});
