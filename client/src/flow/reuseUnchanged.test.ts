import { describe, expect, it } from 'vitest';
import { reuseUnchanged } from './reuseUnchanged';

describe('reuseUnchanged', () => {
  const node = (id: string, text: string, x = 0) => ({
    id,
    position: { x, y: 0 },
    data: { text, peers: [{ name: 'Ada', color: '#111' }] },
  });

  it('keeps the earlier object for every node that did not change', () => {
    const prev = [node('a', 'one'), node('b', 'two'), node('c', 'three')];
    const next = [node('a', 'one'), node('b', 'two!'), node('c', 'three', 10)];
    const result = reuseUnchanged(prev, next);
    expect(result[0]).toBe(prev[0]);
    expect(result[1]).toBe(next[1]);
    expect(result[2]).toBe(next[2]);
  });

  it('compares arrays inside data by their items', () => {
    const prev = [node('a', 'one')];
    const same = reuseUnchanged(prev, [node('a', 'one')]);
    expect(same[0]).toBe(prev[0]);
    const moved = {
      ...node('a', 'one'),
      data: { text: 'one', peers: [{ name: 'Bob', color: '#111' }] },
    };
    expect(reuseUnchanged(prev, [moved])[0]).toBe(moved);
  });

  it('takes new nodes as they are and drops removed ones', () => {
    const prev = [node('a', 'one'), node('b', 'two')];
    const next = [node('b', 'two'), node('c', 'new')];
    const result = reuseUnchanged(prev, next);
    expect(result.map((n) => n.id)).toEqual(['b', 'c']);
    expect(result[0]).toBe(prev[1]);
    expect(result[1]).toBe(next[1]);
  });

  it('returns the earlier list itself when nothing changed', () => {
    const prev = [node('a', 'one'), node('b', 'two')];
    expect(reuseUnchanged(prev, [node('a', 'one'), node('b', 'two')])).toBe(prev);
  });
});
