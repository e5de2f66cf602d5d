import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  addWhy,
  createAnalysis,
  DEFAULT_CATEGORIES,
  editWhyText,
  makeOrigin,
  readAnalysis,
  setRootCause,
  writeSampleAnalysis,
  type WhyId,
} from './index';
import { version1Fixture, version2Fixture } from '../../tests/fixtures/oldVersionDocs';

const me = makeOrigin('local', 'Ada');

function twoWhys() {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'T', problem: 'P' }, me);
  const a = addWhy(doc, { parentId: null, text: 'First' }, me);
  const b = addWhy(doc, { parentId: null, text: 'Second' }, me);
  if (!a.ok || !b.ok) throw new Error('setup');
  return { doc, a: a.id, b: b.id };
}

const whyMap = (doc: Y.Doc, id: string) => doc.getMap<Y.Map<unknown>>('whys').get(id)!;

describe('readAnalysis on what another replica may have written', () => {
  it('says nothing is damaged in documents written by the commands or by older versions', () => {
    const sample = new Y.Doc();
    writeSampleAnalysis(sample, me);
    for (const doc of [sample, version1Fixture(), version2Fixture()]) {
      const snapshot = readAnalysis(doc);
      expect(Object.values(snapshot.whys).some((why) => why.damaged)).toBe(false);
      expect(snapshot.actions.some((action) => action.damaged)).toBe(false);
    }
  });

  it('reads a why whose text is not a shared text with defaults and flags it damaged', () => {
    const { doc, a, b } = twoWhys();
    whyMap(doc, a).set('text', 42);
    whyMap(doc, a).set('order', 'first');
    const snapshot = readAnalysis(doc);
    expect(snapshot.whys[a]).toMatchObject({ text: '', damaged: true });
    expect(snapshot.whys[b]).toMatchObject({ text: 'Second', damaged: false });
    expect(snapshot.order).toEqual([a, b]);
  });

  it('reads an action whose owner is not a string with defaults and flags it damaged', () => {
    const { doc, a } = twoWhys();
    setRootCause(doc, { whyId: a, rootCause: true }, me);
    const action = addAction(doc, { whyId: a, kind: 'corrective', description: 'Fix' }, me);
    if (!action.ok) throw new Error(action.reason);
    doc.getMap<Y.Map<unknown>>('actions').get(action.id)!.set('owner', { name: 'Mallory' });
    expect(readAnalysis(doc).actions[0]).toMatchObject({
      owner: '',
      description: 'Fix',
      damaged: true,
    });
  });

  it('never throws, whatever the roots hold', () => {
    const { doc, a } = twoWhys();
    doc.transact(() => {
      const meta = doc.getMap('meta');
      meta.set('title', new Y.Map());
      meta.set('categories', 'People');
      meta.set('timerStartedAt', 'soon');
      meta.set('schemaVersion', '3');
      whyMap(doc, a).set('links', 'https://x.example.com');
      whyMap(doc, a).set('parentId', a);
      doc.getMap('whys').set('__proto__', new Y.Map());
      doc.getMap('whys').set('constructor', new Y.Map());
      doc.getMap('whys').set('stringwhy001', 'not a map');
      doc.getMap('actions').set('nullaction01', null);
      doc.getMap('comments').set('commentmap01', new Y.Map());
      doc.getMap('parkingLot').set('textitem0001', new Y.Text('x'));
    });
    const snapshot = readAnalysis(doc);
    expect(snapshot).toMatchObject({
      title: '',
      categories: DEFAULT_CATEGORIES,
      timer: { startedAt: null },
      schemaVersion: 0,
      parkingLot: [],
    });
    expect(snapshot.whys[a]).toMatchObject({ links: [], damaged: true });
    expect(Object.getPrototypeOf(snapshot.whys)).toBe(Object.prototype);
    expect(snapshot.order).toContain('constructor');
    expect(snapshot.order).not.toContain('__proto__');
    expect(snapshot.order).not.toContain('stringwhy001');
    expect(snapshot.comments).toHaveLength(1);
  });

  it('keeps the object of every why that did not change, damaged ones included', () => {
    const { doc, a, b } = twoWhys();
    whyMap(doc, b).set('rootCause', 'yes');
    const first = readAnalysis(doc);
    editWhyText(doc, { whyId: a, text: 'First, edited' }, me);
    const second = readAnalysis(doc, first);
    expect(second.whys[b]).toBe(first.whys[b]);
    expect(second.whys[b]!.damaged).toBe(true);
    expect(second.whys[a]).not.toBe(first.whys[a]);
    expect(second.whys[a as WhyId]!.text).toBe('First, edited');
  });
});
