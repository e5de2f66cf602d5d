import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addWhy,
  createAnalysis,
  deleteWhy,
  isInSubtree,
  makeOrigin,
  moveWhy,
  readAnalysis,
  resolveTree,
  whyOf,
  whysOf,
  type Placement,
  type WhyId,
} from './index';

const ada = makeOrigin('local', 'Ada');
const bob = makeOrigin('local', 'Bob');
const remote = makeOrigin('remote');

/** Brings every replica up to date with every other. */
function sync(...docs: Y.Doc[]): void {
  for (const from of docs) {
    for (const to of docs) {
      if (from !== to) {
        Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), remote);
      }
    }
  }
}

/** Two synced replicas of a new analysis; whys listed as [id, parent id or null, text]. */
function replicas(whys: Array<[string, string | null, string]>): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  createAnalysis(a, { title: 'Angry customers', problem: 'Why are the customers angry?' }, ada);
  for (const [id, parentId, text] of whys) {
    const added = addWhy(a, { id: id as WhyId, parentId: parentId as WhyId | null, text }, ada);
    if (!added.ok) throw new Error(added.reason);
  }
  sync(a, b);
  return [a, b];
}

function ok(result: { ok: boolean; reason?: string }): void {
  expect(result).toMatchObject({ ok: true });
}

/** Effective parent of each why, as both replicas show it (they must agree). */
function shownParents(a: Y.Doc, b: Y.Doc): Record<string, string | null> {
  const snap = readAnalysis(a);
  expect(readAnalysis(b)).toEqual(snap);
  return Object.fromEntries(Object.values(snap.whys).map((w) => [w.id, w.parentId]));
}

function placement(parentId: string, fields: Partial<Placement> = {}): Placement {
  return { parentId, order: 0, moveClock: 0, prevParentId: null, ...fields };
}

describe('resolveTree, rule 1: a why whose parent was deleted concurrently', () => {
  it('shows under the problem, and goes back under its parent when the delete is undone', () => {
    const [a, b] = replicas([
      ['price01', null, 'Price form wrong'],
      ['old0001', 'price01', "Last year's form"],
    ]);
    const undo = new Y.UndoManager(whysOf(a), { trackedOrigins: new Set([ada]) });
    ok(deleteWhy(a, { whyId: 'price01' as WhyId }, ada));
    ok(
      addWhy(
        b,
        { id: 'late001' as WhyId, parentId: 'price01' as WhyId, text: 'Printed late' },
        bob,
      ),
    );
    sync(a, b);

    const orphaned = readAnalysis(a);
    expect(readAnalysis(b)).toEqual(orphaned);
    expect(orphaned.rootIds).toEqual(['late001']);
    expect(orphaned.whys.late001).toMatchObject({ parentId: null, depth: 1, text: 'Printed late' });
    expect(orphaned.whys.price01).toBeUndefined();
    expect(orphaned.whys.old0001).toBeUndefined();

    undo.undo();
    sync(a, b);
    const restored = readAnalysis(b);
    expect(readAnalysis(a)).toEqual(restored);
    expect(restored.rootIds).toEqual(['price01']);
    expect(restored.whys.price01).toMatchObject({ text: 'Price form wrong', depth: 1 });
    expect(restored.whys.late001).toMatchObject({ parentId: 'price01', depth: 2 });
    expect(restored.whys.old0001).toMatchObject({ parentId: 'price01', text: "Last year's form" });
    expect(restored.whys.price01!.childIds).toHaveLength(2);
  });

  it('treats a missing or self-referencing parent as the problem', () => {
    const tree = resolveTree(
      new Map([
        ['aaaaaa', placement('gone00')],
        ['bbbbbb', placement('bbbbbb')],
        ['cccccc', placement('aaaaaa')],
      ]),
    );
    expect(tree.childrenOf.get('problem')).toEqual(['aaaaaa', 'bbbbbb']);
    expect(tree.parentOf.get('cccccc')).toBe('aaaaaa');
    expect(tree.depthOf.get('cccccc')).toBe(2);
  });
});

describe('resolveTree, rule 2: concurrent moves that form a cycle', () => {
  it.each([
    ['aaaaaa01', 'bbbbbb02'],
    ['bbbbbb02', 'aaaaaa01'],
  ])(
    'with equal move clocks the higher id loses (%s moved under %s, and the reverse)',
    (first, second) => {
      const [a, b] = replicas([
        [first, null, 'First'],
        [second, null, 'Second'],
      ]);
      ok(moveWhy(a, { whyId: first as WhyId, parentId: second as WhyId }, ada));
      ok(moveWhy(b, { whyId: second as WhyId, parentId: first as WhyId }, bob));
      expect(whyOf(a, first)!.get('moveClock')).toBe(whyOf(b, second)!.get('moveClock'));
      sync(a, b);

      // bbbbbb02 made the latest move (same clock, higher id): it goes back under the problem.
      const parents = shownParents(a, b);
      expect(parents.bbbbbb02).toBeNull();
      expect(parents.aaaaaa01).toBe('bbbbbb02');
    },
  );

  it('breaks the cycle at the move with the higher clock, which returns to its previous parent', () => {
    const [a, b] = replicas([
      ['parent01', null, 'Price form wrong'],
      ['aaaaaa01', 'parent01', 'Old form'],
      ['bbbbbb02', null, 'Manager left'],
      ['other001', null, 'Unrelated'],
    ]);
    ok(moveWhy(a, { whyId: 'other001' as WhyId, parentId: 'parent01' as WhyId }, ada));
    ok(moveWhy(a, { whyId: 'aaaaaa01' as WhyId, parentId: 'bbbbbb02' as WhyId }, ada));
    ok(moveWhy(b, { whyId: 'bbbbbb02' as WhyId, parentId: 'aaaaaa01' as WhyId }, bob));
    expect(whyOf(a, 'aaaaaa01')!.get('moveClock')).toBe(2);
    expect(whyOf(b, 'bbbbbb02')!.get('moveClock')).toBe(1);
    sync(a, b);

    const snap = readAnalysis(a);
    expect(readAnalysis(b)).toEqual(snap);
    expect(snap.whys.aaaaaa01).toMatchObject({ parentId: 'parent01', depth: 2 });
    expect(snap.whys.bbbbbb02).toMatchObject({ parentId: 'aaaaaa01', depth: 3 });
    expect(snap.rootIds).toEqual(['parent01']);
  });

  it('sends the loser under the problem when its previous parent was deleted', () => {
    const [a, b] = replicas([
      ['parent01', null, 'Price form wrong'],
      ['bbbbbb01', 'parent01', 'Old form'],
      ['aaaaaa02', null, 'Manager left'],
    ]);
    ok(moveWhy(a, { whyId: 'bbbbbb01' as WhyId, parentId: 'aaaaaa02' as WhyId }, ada));
    ok(deleteWhy(a, { whyId: 'parent01' as WhyId }, ada));
    ok(moveWhy(b, { whyId: 'aaaaaa02' as WhyId, parentId: 'bbbbbb01' as WhyId }, bob));
    sync(a, b);

    const parents = shownParents(a, b);
    expect(parents).toEqual({ bbbbbb01: null, aaaaaa02: 'bbbbbb01' });
  });

  it('sends the loser under the problem when going back would close the cycle again', () => {
    const tree = resolveTree(
      new Map([
        ['aaaaaa', placement('cccccc', { moveClock: 3, prevParentId: 'bbbbbb' })],
        ['bbbbbb', placement('aaaaaa', { moveClock: 1, prevParentId: 'problem' })],
        ['cccccc', placement('bbbbbb', { moveClock: 2, prevParentId: 'problem' })],
      ]),
    );
    expect(Object.fromEntries(tree.parentOf)).toEqual({
      aaaaaa: 'problem',
      bbbbbb: 'aaaaaa',
      cccccc: 'bbbbbb',
    });
    expect(tree.preorder).toEqual(['aaaaaa', 'bbbbbb', 'cccccc']);
  });

  it('gives the same tree whatever order the placements arrive in', () => {
    const entries: Array<[string, Placement]> = [
      ['aaaaaa', placement('bbbbbb', { moveClock: 2, prevParentId: 'problem', order: 1 })],
      ['bbbbbb', placement('aaaaaa', { moveClock: 2, prevParentId: 'problem' })],
      ['cccccc', placement('bbbbbb', { order: 1 })],
      ['dddddd', placement('problem')],
      ['eeeeee', placement('missing', { order: -1 })],
    ];
    const forward = resolveTree(new Map(entries));
    const backward = resolveTree(new Map([...entries].reverse()));
    expect(backward).toEqual(forward);
    expect(forward.preorder).toEqual(['eeeeee', 'bbbbbb', 'aaaaaa', 'cccccc', 'dddddd']);
  });
});

describe('resolveTree, rule 3: sibling order', () => {
  it('breaks ties between concurrent answers by id, the same on every replica', () => {
    const [a, b] = replicas([['first01', null, 'Overcharged']]);
    ok(addWhy(a, { id: 'zzzzzz01' as WhyId, parentId: null, text: 'From Ada' }, ada));
    ok(addWhy(b, { id: 'aaaaaa02' as WhyId, parentId: null, text: 'From Bob' }, bob));
    expect(whyOf(a, 'zzzzzz01')!.get('order')).toBe(whyOf(b, 'aaaaaa02')!.get('order'));
    sync(a, b);
    expect(readAnalysis(a).rootIds).toEqual(['first01', 'aaaaaa02', 'zzzzzz01']);
    expect(readAnalysis(b).rootIds).toEqual(['first01', 'aaaaaa02', 'zzzzzz01']);
  });

  it('orders siblings by their order before their id', () => {
    const tree = resolveTree(
      new Map([
        ['aaaaaa', placement('problem', { order: 2 })],
        ['bbbbbb', placement('problem', { order: -1 })],
        ['cccccc', placement('problem', { order: 0.5 })],
      ]),
    );
    expect(tree.childrenOf.get('problem')).toEqual(['bbbbbb', 'cccccc', 'aaaaaa']);
  });
});

describe('isInSubtree', () => {
  it('is true for the why itself and everything below it, false elsewhere', () => {
    const tree = resolveTree(
      new Map([
        ['aaaaaa', placement('problem')],
        ['bbbbbb', placement('aaaaaa')],
        ['cccccc', placement('bbbbbb')],
        ['dddddd', placement('problem', { order: 1 })],
      ]),
    );
    expect(isInSubtree(tree, 'aaaaaa', 'aaaaaa')).toBe(true);
    expect(isInSubtree(tree, 'aaaaaa', 'cccccc')).toBe(true);
    expect(isInSubtree(tree, 'bbbbbb', 'aaaaaa')).toBe(false);
    expect(isInSubtree(tree, 'aaaaaa', 'dddddd')).toBe(false);
  });
});
