import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteWhy, type WhyId } from '@whychain/shared';
import type * as Y from 'yjs';
import { grace, newAnalysisDoc, renderEditor, seedWhy, sync, whyTexts } from '../flow/renderEditor';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

/** "Because the form is old" with three whys below it (two levels), and one beside it. */
function branchDoc(): { doc: Y.Doc; top: WhyId } {
  const doc = newAnalysisDoc();
  const top = seedWhy(doc, null, 'Because the form is old');
  const middle = seedWhy(doc, top, 'Nobody owns the form');
  seedWhy(doc, middle, 'Ownership was never assigned');
  seedWhy(doc, top, 'The old prices are printed on it');
  seedWhy(doc, null, 'Late delivery');
  return { doc, top };
}

function setup(doc: Y.Doc) {
  const editor = renderEditor(doc);
  cleanups.push(editor.cleanup);
  return editor;
}

/** The toast saying exactly `text`. */
async function toast(text: string): Promise<HTMLElement> {
  const message = await screen.findByText(text);
  const status = message.closest<HTMLElement>('[role="status"]');
  if (!status) throw new Error(`"${text}" is not in a status.`);
  return status;
}

async function deleteOnCanvas(user: ReturnType<typeof setup>['user'], text: string) {
  await user.click(await screen.findByText(text));
  await user.click(await screen.findByRole('button', { name: 'Delete why' }));
}

describe('the toast after a deletion', () => {
  it('says what went with the why, and its Undo brings the whole branch back', async () => {
    const { doc } = branchDoc();
    const before = whyTexts(doc);
    const { user, store } = setup(doc);
    await deleteOnCanvas(user, 'Because the form is old');
    expect(whyTexts(doc)).toEqual(['Late delivery']);

    const shown = await toast("Deleted 'Because the form is old' and 3 answers below it");
    await user.click(within(shown).getByRole('button', { name: 'Undo' }));

    expect(whyTexts(doc)).toEqual(before);
    expect(await screen.findByText('Ownership was never assigned')).toBeTruthy();
    expect(screen.queryByText(/^Deleted /)).toBeNull();
    expect(store.getState().selectedId).not.toBeNull();
  });

  it('counts one answer in the singular, and names no answers when there were none', async () => {
    const doc = newAnalysisDoc();
    const top = seedWhy(doc, null, 'Overcharged');
    seedWhy(doc, top, 'Wrong price form');
    seedWhy(doc, null, 'Late delivery');
    const { user } = setup(doc);

    await deleteOnCanvas(user, 'Overcharged');
    expect(await toast("Deleted 'Overcharged' and 1 answer below it")).toBeTruthy();
    await deleteOnCanvas(user, 'Late delivery');
    // Only the last deletion is offered for undo: Undo takes back the last change.
    expect(await toast("Deleted 'Late delivery'")).toBeTruthy();
    expect(screen.queryByText(/Overcharged/)).toBeNull();
  });

  it('calls a why without text "an empty why" and shortens a long one', async () => {
    const doc = newAnalysisDoc();
    seedWhy(doc, null, '');
    const long = `Because ${'the price list was copied by hand '.repeat(4)}`;
    seedWhy(doc, null, long);
    const { user } = setup(doc);

    await deleteOnCanvas(user, 'No answer yet');
    expect(await toast('Deleted an empty why')).toBeTruthy();
    await deleteOnCanvas(user, long.trim());
    const text = (await screen.findByText(/^Deleted 'Because the price/)).textContent!;
    expect(text).toMatch(/^Deleted 'Because the price list was copied by hand the price list.*…'$/);
    expect(text.length).toBeLessThan(75);
  });

  it('announces the deletion to colleagues, and goes away when Ctrl+Z brings the branch back', async () => {
    const { doc, top } = branchDoc();
    const { user, awareness } = setup(doc);
    await deleteOnCanvas(user, 'Because the form is old');
    await toast("Deleted 'Because the form is old' and 3 answers below it");
    expect(awareness.getLocalState()?.lastDeletion).toMatchObject({
      whyId: top,
      text: 'Because the form is old',
      below: 3,
    });

    await user.keyboard('{Control>}z{/Control}');
    expect(whyTexts(doc)).toContain('Ownership was never assigned');
    await waitFor(() => expect(screen.queryByText(/^Deleted /)).toBeNull());
  });

  it('says quietly who removed what when a colleague deletes, with no Undo of theirs', async () => {
    const { doc, top } = branchDoc();
    const { awareness } = setup(doc);
    const colleague = grace(doc, awareness);
    cleanups.push(colleague.destroy);
    await screen.findByText('Because the form is old');

    // Grace's editor deletes the branch and announces it in her presence.
    const result = deleteWhy(colleague.doc, { whyId: top }, colleague.origin);
    expect(result.ok).toBe(true);
    const announcement = { whyId: top, text: 'Because the form is old', below: 3, at: 1 };
    // The announcement may arrive before the deletion itself: nothing is said until it has.
    colleague.set('lastDeletion', announcement);
    expect(screen.queryByText(/^Grace removed/)).toBeNull();
    sync(colleague.doc, doc);

    const shown = await toast("Grace removed 'Because the form is old' and 3 answers below it");
    expect(within(shown).queryByRole('button', { name: 'Undo' })).toBeNull();
    await act(async () => {
      within(shown).getByRole('button', { name: 'Dismiss' }).click();
    });
    expect(screen.queryByText(/^Grace removed/)).toBeNull();
  });

  it('shows no claim of a deletion that did not happen here', async () => {
    const { doc, top } = branchDoc();
    const late = seedWhy(doc, null, 'Wrong invoice');
    const { awareness } = setup(doc);
    const colleague = grace(doc, awareness);
    cleanups.push(colleague.destroy);
    await screen.findByText('Because the form is old');

    colleague.set('lastDeletion', { whyId: top, text: 'Because the form is old', below: 3, at: 2 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText(/^Grace removed/)).toBeNull();

    deleteWhy(colleague.doc, { whyId: late }, colleague.origin);
    colleague.set('lastDeletion', { whyId: late, text: 'Wrong invoice', below: 0, at: 3 });
    sync(colleague.doc, doc);
    expect(await toast("Grace removed 'Wrong invoice'")).toBeTruthy();
  });
});
