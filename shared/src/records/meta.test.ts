import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeAnalysis, createAnalysis, makeOrigin, setCategories, startTimer } from '../index';
import { metaOf, SCHEMA_VERSION } from '../schema';
import { DEFAULT_BLAME_WORDS, DEFAULT_CATEGORIES } from './constants';
import { accepts, defaultValue } from './field';
import { metaMigrations, MetaRecord } from './meta';
import { readRecord } from './read';

const me = makeOrigin('local', 'Ada');

describe('MetaRecord', () => {
  it('has a default for every field that its own rule accepts; lists are fresh copies', () => {
    for (const [key, field] of Object.entries(MetaRecord.fields)) {
      expect(accepts(field, defaultValue(field)), key).toBe(true);
    }
    const categories = defaultValue(MetaRecord.fields.categories) as string[];
    expect(categories).toEqual(DEFAULT_CATEGORIES);
    categories.push('Mutated');
    expect(defaultValue(MetaRecord.fields.categories)).toEqual(DEFAULT_CATEGORIES);
  });

  it('marks the schema version, and only it, as written by the server alone', () => {
    const serverOnly = Object.entries(MetaRecord.fields)
      .filter(([, field]) => field.kind === 'plain' && field.serverOnly)
      .map(([key]) => key);
    expect(serverOnly).toEqual(['schemaVersion']);
  });

  it('reads what createAnalysis and the meeting commands write as written', () => {
    const doc = new Y.Doc();
    createAnalysis(doc, { title: 'Pricing', problem: 'P' }, me);
    setCategories(doc, { categories: ['People', 'Process'] }, me);
    startTimer(doc, me, 1000);
    closeAnalysis(doc, { overrideReason: 'Duplicate' }, me);
    const read = readRecord(MetaRecord, metaOf(doc).raw);
    expect(read.damaged).toBe(false);
    expect(read.values).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      title: 'Pricing',
      status: 'closed',
      createdBy: 'Ada',
      signedOffBy: 'Ada',
      closeOverride: 'Duplicate',
      categories: ['People', 'Process'],
      blameWords: DEFAULT_BLAME_WORDS,
      timerStartedAt: 1000,
      timerElapsedMs: 0,
    });
  });

  it('reads a malformed meta with defaults, keeping the valid part of a list and a long title', () => {
    const meta = new Y.Doc().getMap<unknown>('meta');
    meta.set('title', 'T'.repeat(300));
    meta.set('status', 'archived');
    meta.set('categories', ['People', 42, 'x'.repeat(201)]);
    meta.set('timerElapsedMs', -5);
    const read = readRecord(MetaRecord, meta);
    expect(read.damaged).toBe(true);
    expect(read.values).toMatchObject({
      title: 'T'.repeat(200),
      status: 'draft',
      categories: ['People'],
      timerElapsedMs: 0,
    });
  });

  it('schema 2 adds sign-off, lists and timer where they are missing, and keeps what is there', () => {
    const meta = new Y.Doc().getMap<unknown>('meta');
    meta.set('categories', ['Mine']);
    metaMigrations[2]!(meta);
    expect(meta.toJSON()).toEqual({
      signedOffBy: null,
      signedOffAt: null,
      closeOverride: null,
      categories: ['Mine'],
      blameWords: DEFAULT_BLAME_WORDS,
      timerStartedAt: null,
      timerElapsedMs: 0,
    });
  });
});
