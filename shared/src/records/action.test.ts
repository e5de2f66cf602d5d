import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  addWhy,
  createAnalysis,
  makeOrigin,
  setRootCause,
  updateAction,
} from '../index';
import { actionsOf } from '../schema';
import { actionMigrations, ActionRecord } from './action';
import { accepts, defaultValue, newRecordMap } from './field';
import { readRecord } from './read';

const me = makeOrigin('local', 'Ada');

describe('ActionRecord', () => {
  it('has a default for every field that its own rule accepts', () => {
    for (const [key, field] of Object.entries(ActionRecord.fields)) {
      expect(accepts(field, defaultValue(field)), key).toBe(true);
    }
    expect(readRecord(ActionRecord, newRecordMap(ActionRecord, {})).values).toMatchObject({
      whyId: null,
      kind: 'corrective',
      status: 'open',
      description: '',
      dueDate: null,
    });
  });

  it('reads an action written by the commands as written, undamaged', () => {
    const doc = new Y.Doc();
    createAnalysis(doc, { title: 'T', problem: 'P' }, me);
    const why = addWhy(doc, { parentId: null, text: 'Root' }, me);
    if (!why.ok) throw new Error(why.reason);
    setRootCause(doc, { whyId: why.id, rootCause: true }, me);
    const action = addAction(
      doc,
      { whyId: why.id, kind: 'preventive', description: 'Checklist', dueDate: '2026-03-01' },
      me,
    );
    if (!action.ok) throw new Error(action.reason);
    const patch = { status: 'done', completionNote: 'Shipped', owner: 'Bo' } as const;
    updateAction(doc, { actionId: action.id, patch }, me);
    const read = readRecord(ActionRecord, actionsOf(doc).get(action.id)!);
    expect(read.damaged).toBe(false);
    expect(read.values).toMatchObject({
      whyId: why.id,
      kind: 'preventive',
      description: 'Checklist',
      owner: 'Bo',
      dueDate: '2026-03-01',
      status: 'done',
      completionNote: 'Shipped',
    });
  });

  it('rejects days that do not exist and owners that are not text', () => {
    expect(ActionRecord.fields.dueDate.check.test('2025-02-28')).toBe(true);
    expect(ActionRecord.fields.dueDate.check.test('2025-02-30')).toBe(false);
    expect(ActionRecord.fields.dueDate.check.test(null)).toBe(true);
    expect(ActionRecord.fields.owner.check.test({ name: 'Bo' })).toBe(false);
    const map = newRecordMap(ActionRecord, { description: 'Keep me' });
    new Y.Doc().getMap('actions').set('action000001', map);
    map.set('owner', 42);
    expect(readRecord(ActionRecord, map)).toMatchObject({
      damaged: true,
      values: { owner: '', description: 'Keep me' },
    });
  });

  it('schema 3 makes the description and completion note shared texts holding their words', () => {
    const map = new Y.Map<unknown>();
    new Y.Doc().getMap('actions').set('oldaction001', map);
    map.set('description', 'Print new forms');
    map.set('completionNote', 'Printed');
    actionMigrations[3]!(map);
    expect(map.get('description')).toBeInstanceOf(Y.Text);
    expect(readRecord(ActionRecord, map).values).toMatchObject({
      description: 'Print new forms',
      completionNote: 'Printed',
    });
  });
});
