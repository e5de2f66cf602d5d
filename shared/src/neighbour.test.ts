import { describe, expect, it } from 'vitest';
import { analysisBuilder } from '../../tests/fixtures/analysisBuilder';
import { PROBLEM_ID } from './index';
import { neighbour } from './neighbour';

function tree() {
  const { add, snapshot } = analysisBuilder();
  const a = add(null, 'Overcharged');
  const a1 = add(a, 'Wrong form');
  const a2 = add(a, 'Old prices');
  const b = add(null, 'Late delivery');
  return { snapshot: snapshot(), a, a1, a2, b };
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
