import { describe, expect, it } from 'vitest';
import { analysisBuilder } from '../../tests/fixtures/analysisBuilder';
import { ancestorsOf, descendantCount } from './ancestorsOf';
import { PROBLEM_ID } from './index';

function tree() {
  const { add, snapshot } = analysisBuilder();
  const a = add(null, 'Overcharged');
  const child = add(a, 'Wrong form');
  const grandchild = add(child, 'Old prices');
  const b = add(null, 'Late delivery');
  return { snapshot: snapshot(), a, child, grandchild, b };
}

describe('ancestorsOf', () => {
  it('lists the nodes above a why, nearest first, ending with the problem', () => {
    const { snapshot, a, child, grandchild } = tree();
    expect(ancestorsOf(snapshot, grandchild)).toEqual([child, a, PROBLEM_ID]);
    expect(ancestorsOf(snapshot, a)).toEqual([PROBLEM_ID]);
  });

  it('is empty for the problem and for a why that is gone', () => {
    const { snapshot } = tree();
    expect(ancestorsOf(snapshot, PROBLEM_ID)).toEqual([]);
    expect(ancestorsOf(snapshot, 'gone000')).toEqual([]);
  });
});

describe('descendantCount', () => {
  it('counts every why below a node', () => {
    const { snapshot, a, grandchild } = tree();
    expect(descendantCount(snapshot, PROBLEM_ID)).toBe(4);
    expect(descendantCount(snapshot, a)).toBe(2);
    expect(descendantCount(snapshot, grandchild)).toBe(0);
  });
});
