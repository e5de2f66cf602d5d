import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addWhy,
  closeAnalysis,
  createAnalysis,
  makeOrigin,
  readAnalysis,
  SAMPLE_ANALYSIS,
} from '@whychain/shared';
import { placeGuide } from './EmptyCanvasGuide';
import { grace, newAnalysisDoc, PROBLEM, renderEditor, sync, whyTexts } from './renderEditor';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function setup(doc = newAnalysisDoc()) {
  const editor = renderEditor(doc);
  cleanups.push(editor.cleanup);
  return editor;
}

const guide = () => screen.findByRole('region', { name: 'Getting started' });
const noGuide = () => expect(screen.queryByRole('region', { name: 'Getting started' })).toBeNull();

describe('EmptyCanvasGuide', () => {
  it('tells a new analysis which keys build the tree', async () => {
    setup();
    const shown = await guide();
    expect(shown.textContent).toContain('Press Tab to answer “Why?”');
    expect(shown.textContent).toContain('Enter adds a why beside the selected one');
    expect(shown.textContent).toContain('move between whys');
    expect(shown.textContent).toContain('? shows all shortcuts');
    expect(within(shown).getByRole('button', { name: 'Load the example' })).toBeTruthy();
    // Placed once the problem node has been measured, not before.
    await waitFor(() => expect(shown.style.visibility).not.toBe('hidden'));
  });

  it('goes away once the first why exists, also when a colleague adds it', async () => {
    const doc = newAnalysisDoc();
    const { awareness } = setup(doc);
    await guide();
    const colleague = grace(doc, awareness);
    cleanups.push(colleague.destroy);
    addWhy(colleague.doc, { parentId: null, text: 'Overcharged' }, colleague.origin);
    sync(colleague.doc, doc);
    await waitFor(noGuide);
  });

  it('goes away when Tab answers the problem, as it says', async () => {
    const { doc, user, store } = setup();
    await guide();
    expect(store.getState().selectedId).toBeNull();
    // Nothing selected or clicked first: the guide's first line works as it stands.
    await user.keyboard('{Tab}');
    const box = await screen.findByRole('textbox', { name: 'Why text' });
    await waitFor(() => expect(document.activeElement).toBe(box));
    await user.keyboard('Late courier');
    expect(whyTexts(doc)).toEqual(['Late courier']);
    noGuide();
  });

  it('loads the example into the analysis, and Ctrl+Z takes all of it back', async () => {
    const { doc, user } = setup();
    await user.click(within(await guide()).getByRole('button', { name: 'Load the example' }));
    expect(whyTexts(doc)).toEqual([...SAMPLE_ANALYSIS.whys]);
    expect(readAnalysis(doc).problem).toBe(PROBLEM);
    expect(await screen.findByText(SAMPLE_ANALYSIS.whys[4])).toBeTruthy();
    noGuide();

    await user.keyboard('{Control>}z{/Control}');
    expect(whyTexts(doc)).toEqual([]);
    expect(readAnalysis(doc).actions).toEqual([]);
    expect(await guide()).toBeTruthy();
  });

  it('gives an analysis without a problem statement the example’s problem', async () => {
    const doc = new Y.Doc();
    createAnalysis(doc, { title: 'Blank', problem: '' }, makeOrigin('server'));
    const { user } = setup(doc);
    await user.click(within(await guide()).getByRole('button', { name: 'Load the example' }));
    expect(readAnalysis(doc).problem).toBe(SAMPLE_ANALYSIS.problem);
  });

  it('is not shown on an analysis that cannot be changed', async () => {
    const doc = newAnalysisDoc();
    const closed = closeAnalysis(
      doc,
      { overrideReason: 'Duplicate of another case' },
      makeOrigin('local', 'Ada'),
    );
    expect(closed.ok).toBe(true);
    setup(doc);
    expect(await screen.findByText(PROBLEM)).toBeTruthy();
    noGuide();
  });
});

describe('placeGuide', () => {
  const canvas = { width: 1000, height: 600 };
  const size = { width: 340, height: 190 };
  const overlaps = (
    problem: { left: number; top: number; right: number; bottom: number },
    at: { left: number; top: number },
  ) =>
    at.left < problem.right &&
    at.left + size.width > problem.left &&
    at.top < problem.bottom &&
    at.top + size.height > problem.top;

  it('puts the guide under the problem, centred, when there is room', () => {
    const problem = { left: 350, top: 100, right: 650, bottom: 250, ...canvas };
    expect(placeGuide(problem, size)).toEqual({ left: 330, top: 270 });
  });

  it('puts it beside the problem when the canvas is too short below it', () => {
    const problem = { left: 300, top: 200, right: 600, bottom: 420, ...canvas };
    const at = placeGuide(problem, size);
    expect(at.left).toBe(620);
    expect(overlaps(problem, at)).toBe(false);
    const right = { left: 560, top: 200, right: 900, bottom: 420, ...canvas };
    const left = placeGuide(right, size);
    expect(left.left + size.width).toBeLessThanOrEqual(right.left);
    expect(overlaps(right, left)).toBe(false);
  });

  it('keeps it inside the canvas', () => {
    const problem = { left: -200, top: 50, right: 100, bottom: 150, ...canvas };
    expect(placeGuide(problem, size).left).toBeGreaterThanOrEqual(12);
  });
});
