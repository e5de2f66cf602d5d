import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { addWhy, PROBLEM_ID, readAnalysis } from '@whychain/shared';
import {
  grace,
  newAnalysisDoc,
  nodeById,
  PROBLEM,
  renderEditor,
  seedWhy,
  sync,
  whyTexts,
} from '../flow/renderEditor';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function setup(doc = newAnalysisDoc()) {
  const editor = renderEditor(doc);
  cleanups.push(editor.cleanup);
  return editor;
}

/** A tree: Overcharged (with Wrong form and Old prices below it) and Late delivery. */
function tree() {
  const doc = newAnalysisDoc();
  const overcharged = seedWhy(doc, null, 'Overcharged');
  const wrongForm = seedWhy(doc, overcharged, 'Wrong form');
  const oldPrices = seedWhy(doc, overcharged, 'Old prices');
  const late = seedWhy(doc, null, 'Late delivery');
  return { doc, overcharged, wrongForm, oldPrices, late };
}

const focusedBox = () => document.activeElement as HTMLTextAreaElement;

describe('editor keyboard', () => {
  it('Tab answers the node being typed in with a new why and puts the caret in it', async () => {
    const { doc, user } = setup();
    await user.click(await screen.findByText(PROBLEM));
    await waitFor(() => expect(focusedBox().getAttribute('aria-label')).toBe('Problem statement'));

    await user.keyboard('{Tab}');
    const box = await screen.findByRole('textbox', { name: 'Why text' });
    await waitFor(() => expect(document.activeElement).toBe(box));
    await user.keyboard('Overcharged{Tab}Wrong form');

    const snapshot = readAnalysis(doc);
    expect(whyTexts(doc)).toEqual(['Overcharged', 'Wrong form']);
    const [first, second] = snapshot.order;
    expect(snapshot.whys[first!]!.parentId).toBeNull();
    expect(snapshot.whys[second!]!.parentId).toBe(first);
  });

  it('Tab on a selected node (not typing) adds an answer too', async () => {
    const { doc, user, view } = setup();
    await user.click(await screen.findByText(PROBLEM));
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(nodeById(view.container, PROBLEM_ID));
    await user.keyboard('{Tab}');
    await waitFor(() => expect(focusedBox().getAttribute('aria-label')).toBe('Why text'));
    expect(whyTexts(doc)).toEqual(['']);
  });

  it('Escape twice, then Tab, moves on out of the tree without adding a why', async () => {
    const { doc, user, store, view } = setup();
    await user.click(await screen.findByText(PROBLEM));
    await user.keyboard('{Escape}{Escape}');
    expect(store.getState().selectedId).toBeNull();
    expect(document.activeElement).toBe(nodeById(view.container, PROBLEM_ID));
    await user.keyboard('{Tab}');
    expect(document.activeElement?.closest('.react-flow__node')).toBeNull();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Zoom in');
    expect(whyTexts(doc)).toEqual([]);
    // Picking the node again (an arrow key here) makes Tab answer it once more.
    nodeById(view.container, PROBLEM_ID)!.focus();
    await user.keyboard('{ArrowUp}{Tab}');
    await waitFor(() => expect(focusedBox().getAttribute('aria-label')).toBe('Why text'));
    expect(whyTexts(doc)).toEqual(['']);
  });

  it('Enter adds a why right after the selected one, under the same parent', async () => {
    const { doc, overcharged, late } = tree();
    const { user } = setup(doc);
    await user.click(await screen.findByText('Overcharged'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(focusedBox().getAttribute('aria-label')).toBe('Why text'));
    await user.keyboard('Late invoice');

    const snapshot = readAnalysis(doc);
    expect(snapshot.rootIds.map((id) => snapshot.whys[id]!.text)).toEqual([
      'Overcharged',
      'Late invoice',
      'Late delivery',
    ]);
    expect(snapshot.rootIds[0]).toBe(overcharged);
    expect(snapshot.rootIds[2]).toBe(late);
  });

  it('Shift+Enter types a new line instead', async () => {
    const doc = newAnalysisDoc();
    seedWhy(doc, null, 'Overcharged');
    const { user } = setup(doc);
    await user.click(await screen.findByText('Overcharged'));
    await user.keyboard('{Shift>}{Enter}{/Shift}twice');
    expect(whyTexts(doc)).toEqual(['Overcharged\ntwice']);
  });

  it('Escape leaves the text box and keeps the why selected', async () => {
    const doc = newAnalysisDoc();
    const id = seedWhy(doc, null, 'Overcharged');
    const { user, store, view } = setup(doc);
    await user.click(await screen.findByText('Overcharged'));
    const box = await screen.findByRole('textbox', { name: 'Why text' });
    await waitFor(() => expect(document.activeElement).toBe(box));

    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(nodeById(view.container, id));
    expect(store.getState()).toMatchObject({ selectedId: id, editingId: null });
  });

  it('arrow keys move the selection through the tree when not typing', async () => {
    const { doc, overcharged, wrongForm, oldPrices, late } = tree();
    const { user, store, view } = setup(doc);
    await user.click(await screen.findByText('Overcharged'));
    await user.keyboard('{Escape}');

    const expectSelected = (id: string) => {
      expect(store.getState().selectedId).toBe(id);
      expect(document.activeElement).toBe(nodeById(view.container, id));
    };
    await user.keyboard('{ArrowDown}');
    expectSelected(wrongForm);
    await user.keyboard('{ArrowRight}');
    expectSelected(oldPrices);
    await user.keyboard('{ArrowLeft}');
    expectSelected(wrongForm);
    await user.keyboard('{ArrowUp}');
    expectSelected(overcharged);
    await user.keyboard('{ArrowRight}');
    expectSelected(late);
    await user.keyboard('{ArrowUp}');
    expectSelected(PROBLEM_ID);
    // Nothing was nudged or written: arrows only select.
    expect(whyTexts(doc)).toEqual(['Overcharged', 'Wrong form', 'Old prices', 'Late delivery']);
  });

  it('Delete removes the selected why with everything below it, and Ctrl+Z brings it back', async () => {
    const { doc, overcharged } = tree();
    const { user, store } = setup(doc);
    await user.click(await screen.findByText('Overcharged'));
    await user.keyboard('{Escape}{Delete}');

    await waitFor(() => expect(screen.queryByText('Wrong form')).toBeNull());
    expect(whyTexts(doc)).toEqual(['Late delivery']);
    expect(store.getState().selectedId).toBe(PROBLEM_ID);

    await user.keyboard('{Control>}z{/Control}');
    expect(whyTexts(doc)).toEqual(['Overcharged', 'Wrong form', 'Old prices', 'Late delivery']);
    expect(store.getState().selectedId).toBe(overcharged);
    expect(await screen.findByText('Wrong form')).toBeTruthy();

    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(whyTexts(doc)).toEqual(['Late delivery']);
  });

  it('Backspace deletes too when not typing, but only edits text while typing', async () => {
    const doc = newAnalysisDoc();
    seedWhy(doc, null, 'Overcharged');
    const { user } = setup(doc);
    await user.click(await screen.findByText('Overcharged'));
    await user.keyboard('{Backspace}');
    expect(whyTexts(doc)).toEqual(['Overcharge']);
    await user.keyboard('{Escape}{Backspace}');
    expect(whyTexts(doc)).toEqual([]);
  });

  it('Ctrl+Z undoes only my own change; a colleague’s change made meanwhile stays', async () => {
    const { doc, awareness, user } = setup();
    const colleague = grace(doc, awareness);
    cleanups.push(colleague.destroy);
    await user.click(await screen.findByText(PROBLEM));
    await user.keyboard('{Tab}');
    await waitFor(() => expect(focusedBox().getAttribute('aria-label')).toBe('Why text'));
    await user.keyboard('Mine');

    sync(doc, colleague.doc);
    addWhy(colleague.doc, { parentId: null, text: 'Theirs' }, colleague.origin);
    sync(colleague.doc, doc);
    expect(whyTexts(doc)).toEqual(['Mine', 'Theirs']);

    await user.keyboard('{Control>}z{/Control}');
    expect(whyTexts(doc)).toEqual(['', 'Theirs']);
    await user.keyboard('{Control>}z{/Control}');
    expect(whyTexts(doc)).toEqual(['Theirs']);
    await user.keyboard('{Control>}z{/Control}');
    expect(whyTexts(doc)).toEqual(['Theirs']);

    sync(doc, colleague.doc);
    expect(whyTexts(colleague.doc)).toEqual(['Theirs']);
    await user.keyboard('{Control>}y{/Control}');
    expect(whyTexts(doc)).toEqual(['', 'Theirs']);
  });

  it('"?" opens the list of shortcuts, and Escape closes it', async () => {
    const { user, view } = setup();
    await user.click(await screen.findByText(PROBLEM));
    await user.keyboard('{Escape}?');

    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText('Answer the selected node with a new why')).toBeTruthy();
    expect(within(dialog).getByText('Redo')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
    expect(document.activeElement).toBe(nodeById(view.container, PROBLEM_ID));
  });

  it('the header button opens the same list, and "?" typed in a text box is just text', async () => {
    const { doc, user } = setup();
    await user.click(await screen.findByText(PROBLEM));
    await user.keyboard('?');
    expect(readAnalysis(doc).problem).toBe(`${PROBLEM}?`);
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts (?)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
