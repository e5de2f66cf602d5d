import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEvidenceLink, addWhy, createAnalysis, editWhyDetails, makeOrigin } from '../index';
import { whysOf } from '../schema';
import { accepts, defaultValue, newRecordMap } from './field';
import { readRecord } from './read';
import { isWhyId, WHY_PLACEMENT_KEYS, WHY_SHOWN_KEYS, whyMigrations, WhyRecord } from './why';

const me = makeOrigin('local', 'Ada');

describe('WhyRecord', () => {
  it('has a default for every field that its own rule accepts', () => {
    for (const [key, field] of Object.entries(WhyRecord.fields)) {
      expect(accepts(field, defaultValue(field)), key).toBe(true);
    }
    const read = readRecord(WhyRecord, newRecordMap(WhyRecord, {}));
    expect(read.damaged).toBe(false);
    expect(read.values).toMatchObject({
      parentId: 'problem',
      text: '',
      links: [],
      verification: 'hypothesis',
      category: null,
      prevParentId: null,
    });
  });

  it('splits its fields into placement and shown, each field once', () => {
    expect([...WHY_PLACEMENT_KEYS, ...WHY_SHOWN_KEYS].sort()).toEqual([...WhyRecord.keys].sort());
  });

  it('reads a why written by the commands as it was written, undamaged', () => {
    const doc = new Y.Doc();
    createAnalysis(doc, { title: 'T', problem: 'P' }, me);
    const why = addWhy(doc, { parentId: null, text: 'Forms not ordered' }, me);
    if (!why.ok) throw new Error(why.reason);
    addEvidenceLink(doc, { whyId: why.id, url: 'https://crm.example.com/7' }, me);
    editWhyDetails(
      doc,
      { whyId: why.id, patch: { verification: 'verified', stopReason: 'ok' } },
      me,
    );
    const read = readRecord(WhyRecord, whysOf(doc).get(why.id)!);
    expect(read).toMatchObject({
      damaged: false,
      values: {
        text: 'Forms not ordered',
        links: ['https://crm.example.com/7'],
        verification: 'verified',
        stopReason: 'ok',
        createdBy: 'Ada',
      },
    });
  });

  it('reads malformed fields as their defaults and says the why is damaged', () => {
    const map = newRecordMap(WhyRecord, { text: 'Kept' });
    new Y.Doc().getMap('whys').set('whyid000001', map);
    map.set('parentId', 'not an id!');
    map.set('rootCause', 'yes');
    map.set('verification', 'proven');
    map.set('evidence', 12);
    (map.get('links') as Y.Array<unknown>).push(['javascript:alert(1)', 'https://ok.example.com']);
    const read = readRecord(WhyRecord, map);
    expect(read.damaged).toBe(true);
    expect(read.values).toMatchObject({
      parentId: 'problem',
      text: 'Kept',
      rootCause: false,
      verification: 'hypothesis',
      evidence: '',
      links: ['https://ok.example.com'],
    });
  });

  it('accepts the problem or an id as parent, and keys whys by id but never "problem"', () => {
    const parentId = WhyRecord.fields.parentId.check;
    expect(parentId.test('problem')).toBe(true);
    expect(parentId.test('abc123def456')).toBe(true);
    expect(parentId.test('')).toBe(false);
    expect(parentId.test(7)).toBe(false);
    expect(isWhyId('abc123def456')).toBe(true);
    expect(isWhyId('problem')).toBe(false);
    expect(isWhyId('__proto__')).toBe(false);
  });

  it('takes only http and https links, at most 50 per why', () => {
    const links = WhyRecord.fields.links;
    expect(links.item.test('https://crm.example.com/1')).toBe(true);
    expect(links.item.test('http://intranet/prices')).toBe(true);
    expect(links.item.test('javascript:alert(1)')).toBe(false);
    expect(links.item.test('ftp://files.example.com')).toBe(false);
    expect(links.item.test(' https://padded.example.com')).toBe(false);
    expect(links.item.test(`https://x.com/${'a'.repeat(2000)}`)).toBe(false);
    expect(links.maxItems).toBe(50);
  });

  it('migrates a schema 1 why: meeting fields added, then the stop reason made a shared text', () => {
    const map = new Y.Map<unknown>();
    new Y.Doc().getMap('whys').set('oldwhy000001', map);
    map.set('text', new Y.Text('Old'));
    whyMigrations[2]!(map);
    expect(map.get('stopReason')).toBeInstanceOf(Y.Text);
    expect(map.get('links')).toBeInstanceOf(Y.Array);
    expect(map.get('verification')).toBe('hypothesis');
    map.set('stopReason', 'Plain reason');
    whyMigrations[3]!(map);
    expect((map.get('stopReason') as Y.Text).toString()).toBe('Plain reason');
  });
});
