import { describe, expect, it } from 'vitest';
import { analysisBuilder } from '../../tests/fixtures/analysisBuilder';
import { PROBLEM_ID } from './index';
import { CYCLE_REASON, planMove, SELF_REASON } from './planMove';

function tree() {
  const { add, snapshot } = analysisBuilder();
  const a = add(null, 'Overcharged');
  const child = add(a, 'Wrong form');
  const grandchild = add(child, 'Old prices');
  const b = add(null, 'Late delivery');
  return { snapshot: snapshot(), a, child, grandchild, b };
}

describe('planMove', () => {
  it('moves a why under another why, or under the problem', () => {
    const { snapshot, a, child, b } = tree();
    expect(planMove(snapshot, a, b)).toEqual({ kind: 'move', parentId: b });
    expect(planMove(snapshot, child, PROBLEM_ID)).toEqual({ kind: 'move', parentId: null });
  });

  it('refuses a drop on itself or on one of its own answers, with the reason', () => {
    const { snapshot, a, child, grandchild } = tree();
    expect(planMove(snapshot, a, a)).toEqual({ kind: 'refuse', reason: SELF_REASON });
    expect(planMove(snapshot, a, child)).toEqual({ kind: 'refuse', reason: CYCLE_REASON });
    expect(planMove(snapshot, a, grandchild)).toEqual({ kind: 'refuse', reason: CYCLE_REASON });
  });

  it('does nothing when dropped on the node it already answers', () => {
    const { snapshot, a, child } = tree();
    expect(planMove(snapshot, child, a)).toEqual({ kind: 'none' });
    expect(planMove(snapshot, a, PROBLEM_ID)).toEqual({ kind: 'none' });
  });

  it('refuses whys that are gone', () => {
    const { snapshot, a } = tree();
    expect(planMove(snapshot, 'gone000', a).kind).toBe('refuse');
    expect(planMove(snapshot, a, 'gone000').kind).toBe('refuse');
  });
});
