import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addWhy,
  createAnalysis,
  deleteWhy,
  makeOrigin,
  PROBLEM_ID,
  readAnalysis,
} from '@whychain/shared';
import { selectionAfterHistory } from './selectionAfterHistory';

const me = makeOrigin('local', 'Ada');

function start() {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Angry customers', problem: 'Why?' }, me);
  const top = addWhy(doc, { parentId: null, text: 'Overcharged' }, me);
  if (!top.ok) throw new Error(top.reason);
  const below = addWhy(doc, { parentId: top.id, text: 'Wrong form' }, me);
  if (!below.ok) throw new Error(below.reason);
  return { doc, top: top.id, below: below.id };
}

describe('selectionAfterHistory', () => {
  it('selects the top why an undo brought back', () => {
    const { doc, top } = start();
    const before = readAnalysis(doc);
    deleteWhy(doc, { whyId: top }, me);
    const gone = readAnalysis(doc);
    expect(selectionAfterHistory(gone, before, PROBLEM_ID, PROBLEM_ID)).toBe(top);
  });

  it('moves a selection that went away to the nearest node above it', () => {
    const { doc, top, below } = start();
    const before = readAnalysis(doc);
    deleteWhy(doc, { whyId: below }, me);
    expect(selectionAfterHistory(before, readAnalysis(doc), below, null)).toBe(top);
  });

  it('goes back to the node selected when the change was made, else keeps the selection', () => {
    const { doc, top, below } = start();
    const same = readAnalysis(doc);
    expect(selectionAfterHistory(same, same, below, top)).toBe(top);
    expect(selectionAfterHistory(same, same, below, 'gone000')).toBe(below);
  });
});
