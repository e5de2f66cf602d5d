import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addWhy,
  createAnalysis,
  makeOrigin,
  PROBLEM_ID,
  readAnalysis,
  type WhyId,
} from '@whychain/shared';
import { neighbour } from './neighbour';

const me = makeOrigin('local', 'Ada');

function tree() {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Angry customers', problem: 'Why are they angry?' }, me);
  const add = (parentId: WhyId | null, text: string) => {
    const result = addWhy(doc, { parentId, text }, me);
    if (!result.ok) throw new Error(result.reason);
    return result.id;
  };
  const a = add(null, 'Overcharged');
  const a1 = add(a, 'Wrong form');
  const a2 = add(a, 'Old prices');
  const b = add(null, 'Late delivery');
  return { snapshot: readAnalysis(doc), a, a1, a2, b };
}

describe('neighbour', () => {
  it('goes up to the parent, and from a first-level why to the problem', () => {
    const { snapshot, a, a2 } = tree();
    expect(neighbour(snapshot, a2, 'parent')).toBe(a);
    expect(neighbour(snapshot, a, 'parent')).toBe(PROBLEM_ID);
    expect(neighbour(snapshot, PROBLEM_ID, 'parent')).toBeNull();
  });

  it('goes down to the first answer', () => {
    const { snapshot, a, a1, b } = tree();
    expect(neighbour(snapshot, PROBLEM_ID, 'firstChild')).toBe(a);
    expect(neighbour(snapshot, a, 'firstChild')).toBe(a1);
    expect(neighbour(snapshot, b, 'firstChild')).toBeNull();
  });

  it('goes sideways among siblings only', () => {
    const { snapshot, a, a1, a2, b } = tree();
    expect(neighbour(snapshot, a1, 'next')).toBe(a2);
    expect(neighbour(snapshot, a2, 'previous')).toBe(a1);
    expect(neighbour(snapshot, a2, 'next')).toBeNull();
    expect(neighbour(snapshot, a, 'next')).toBe(b);
    expect(neighbour(snapshot, a, 'previous')).toBeNull();
    expect(neighbour(snapshot, PROBLEM_ID, 'next')).toBeNull();
  });
});
