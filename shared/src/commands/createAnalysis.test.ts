import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createAnalysis,
  isInitialized,
  makeOrigin,
  readAnalysis,
  SCHEMA_VERSION,
  validateCreateAnalysis,
} from '../index';

const me = makeOrigin('server', 'Ada');

describe('createAnalysis', () => {
  it('fills an empty document with a draft analysis', () => {
    const doc = new Y.Doc();
    const before = Date.now();
    const r = createAnalysis(
      doc,
      { title: '  Angry customers ', problem: 'Why are the customers angry?' },
      me,
    );
    expect(r).toEqual({ ok: true });
    const snap = readAnalysis(doc);
    expect(snap).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      fromNewerVersion: false,
      title: 'Angry customers',
      problem: 'Why are the customers angry?',
      status: 'draft',
      createdBy: 'Ada',
      rootIds: [],
      order: [],
      actions: [],
    });
    expect(snap.createdAt).toBeGreaterThanOrEqual(before);
    expect(isInitialized(doc)).toBe(true);
  });

  it.each([
    [{ title: '   ', problem: 'p' }, 'Title is required.'],
    [{ title: 'x'.repeat(201), problem: 'p' }, 'Title is too long (201 characters, at most 200).'],
    [
      { title: 'Angry customers', problem: 'x'.repeat(5001) },
      'Problem statement is too long (5001 characters, at most 5000).',
    ],
    [{ title: 'Angry customers', problem: 42 }, 'Problem statement must be text.'],
    [{ title: 7, problem: 'p' }, 'Title is required.'],
  ])('refuses %j with a reason and writes nothing', (input, reason) => {
    const doc = new Y.Doc();
    const r = createAnalysis(doc, input as never, me);
    expect(r).toEqual({ ok: false, reason });
    expect(isInitialized(doc)).toBe(false);
    expect(readAnalysis(doc).title).toBe('');
  });

  it('explains what it expected when the input is not an object', () => {
    expect(validateCreateAnalysis(null)).toBe('Expected an object with title and problem.');
    expect(validateCreateAnalysis('title')).toBe('Expected an object with title and problem.');
    expect(validateCreateAnalysis({ title: 'Fine' })).toBeUndefined();
  });

  it('accepts a missing problem statement as empty', () => {
    const doc = new Y.Doc();
    expect(createAnalysis(doc, { title: 'Only a title' } as never, me)).toEqual({ ok: true });
    expect(readAnalysis(doc).problem).toBe('');
  });

  it('refuses to create a second analysis in the same document', () => {
    const doc = new Y.Doc();
    createAnalysis(doc, { title: 'First', problem: 'Why first?' }, me);
    const r = createAnalysis(doc, { title: 'Second', problem: 'Why second?' }, me);
    expect(r).toEqual({ ok: false, reason: 'This document already holds an analysis.' });
    expect(readAnalysis(doc)).toMatchObject({ title: 'First', problem: 'Why first?' });
  });
});
