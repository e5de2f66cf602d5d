import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { replaceText } from './index';

interface Change {
  /** What the text reads afterwards. */
  result: string;
  /** Characters kept in front of the change. */
  kept: number;
  deleted: number;
  inserted: string;
  updates: number;
}

/** Runs `replaceText(prev -> next)` on a fresh Y.Text and reports what it changed. */
function change(prev: string, next: string): Change {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, prev);
  const seen: Change = { result: '', kept: 0, deleted: 0, inserted: '', updates: 0 };
  text.observe((event) => {
    let atStart = true;
    for (const op of event.delta) {
      if (op.retain !== undefined && atStart) seen.kept += op.retain;
      if (op.delete !== undefined) seen.deleted += op.delete;
      if (typeof op.insert === 'string') seen.inserted += op.insert;
      atStart = false;
    }
  });
  doc.on('update', () => seen.updates++);
  doc.transact(() => replaceText(text, next));
  seen.result = text.toString();
  return seen;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('replaceText', () => {
  it('inserts only the typed characters', () => {
    const c = change('Because the form is wrong.', 'Because the old form is wrong.');
    expect(c).toMatchObject({ result: 'Because the old form is wrong.', deleted: 0, kept: 12 });
    expect(c.inserted).toBe('old ');
  });

  it('deletes only the removed characters', () => {
    const c = change('Because the old form is wrong.', 'Because the form is wrong.');
    expect(c).toMatchObject({ result: 'Because the form is wrong.', deleted: 4, inserted: '' });
    expect(c.kept).toBe(12);
  });

  it('replaces only the part that differs', () => {
    const c = change('The form is wrong, sadly', 'The form is outdated, sadly');
    expect(c).toMatchObject({
      result: 'The form is outdated, sadly',
      kept: 12,
      deleted: 5,
      inserted: 'outdated',
    });
  });

  it.each([
    ['aaaa', 'aaa', 1, ''],
    ['aa', 'aaaa', 0, 'aa'],
    ['abab', 'ab', 2, ''],
    ['', 'New text', 0, 'New text'],
    ['Old text', '', 8, ''],
  ])('changes %j to %j touching as little as possible', (prev, next, deleted, inserted) => {
    expect(change(prev, next)).toMatchObject({ result: next, deleted, inserted });
  });

  it('writes nothing when the text is unchanged', () => {
    expect(change('Same text', 'Same text')).toMatchObject({ result: 'Same text', updates: 0 });
  });

  it.each([
    ['I feel 😀 today', 'I feel 😃 today'],
    ['😀', '😃'],
    ['😀', 'x😀'],
    ['😀', '😃😀'],
    ['a😀b', 'a😀😀b'],
    ['👍🏽 done', '👍🏿 done'],
    ['😀😀', '😀'],
  ])('keeps emoji whole when changing %j to %j', (prev, next) => {
    const c = change(prev, next);
    expect(c.result).toBe(next);
    expect(c.result).not.toContain('\uFFFD');
  });

  it('merges concurrent edits to different parts of the same text', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('t').insert(0, 'Because the price form is incorrect.');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    replaceText(a.getText('t'), 'Because the printed price form is incorrect.');
    replaceText(b.getText('t'), 'Because the price form is out of date.');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    expect(a.getText('t').toString()).toBe('Because the printed price form is out of date.');
    expect(b.getText('t').toString()).toBe(a.getText('t').toString());
  });

  it('always ends with exactly the requested text (random edits, with emoji)', () => {
    const rand = mulberry32(2024);
    const pieces = ['a', 'b', ' ', 'é', '😀', '😃', '👍🏽', '\n', 'ab'];
    const randomString = () => {
      let s = '';
      for (let n = Math.floor(rand() * 8); n > 0; n--)
        s += pieces[Math.floor(rand() * pieces.length)];
      return s;
    };
    for (let i = 0; i < 500; i++) {
      const prev = randomString();
      const next = rand() < 0.5 ? randomString() : prev + randomString();
      const c = change(prev, next);
      expect(c.result, `${JSON.stringify(prev)} -> ${JSON.stringify(next)}`).toBe(next);
      expect(c.deleted + c.inserted.length).toBeLessThanOrEqual(prev.length + next.length);
    }
  });
});
