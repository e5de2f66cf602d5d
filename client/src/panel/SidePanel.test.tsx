import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  editEvidence,
  makeOrigin,
  readAnalysis,
  setRootCause,
  updateAction,
} from '@whychain/shared';
import { addChain, must, newAnalysisDoc, renderEditor, seed } from './renderEditor';

function why(doc: Y.Doc, index = 0) {
  const snapshot = readAnalysis(doc);
  return snapshot.whys[snapshot.order[index]!]!;
}

describe('SidePanel for the selected why', () => {
  it('shows the why clicked on the canvas and records its verification, badge included', async () => {
    const doc = newAnalysisDoc();
    const ids = addChain(doc, ['Overcharged', 'Wrong price form']);
    const { user, view } = renderEditor(doc);
    expect(await screen.findByRole('heading', { name: 'Analysis' })).toBeTruthy();

    await user.click(await screen.findByText('Wrong price form'));
    expect(await screen.findByRole('heading', { name: 'Why 2' })).toBeTruthy();
    const group = screen.getByRole('radiogroup', { name: 'Verification' });
    expect(within(group).getByRole<HTMLInputElement>('radio', { name: 'Hypothesis' }).checked).toBe(
      true,
    );

    const node = () =>
      view.container.querySelector<HTMLElement>(`.react-flow__node[data-id="${ids[1]}"]`)!;
    // A hypothesis is the quiet default: the node names only a verification that says something.
    expect(within(node()).queryByText('Hypothesis')).toBeNull();
    await user.click(within(group).getByRole('radio', { name: 'Verified' }));
    expect(why(doc, 1).verification).toBe('verified');
    expect(within(node()).getByText('Verified')).toBeTruthy();
    expect(within(group).getByRole<HTMLInputElement>('radio', { name: 'Verified' }).checked).toBe(
      true,
    );
    await user.click(within(group).getByRole('radio', { name: 'Ruled out' }));
    expect(why(doc, 1).verification).toBe('ruled_out');
  });

  it('sets the cause category from the analysis list, and back to none', async () => {
    const doc = newAnalysisDoc();
    const [id] = addChain(doc, ['Overcharged']);
    const { user } = renderEditor(doc, id);
    const select = await screen.findByRole<HTMLSelectElement>('combobox', {
      name: 'Cause category',
    });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'None',
      'People',
      'Process',
      'Tools and systems',
      'Policy',
      'Communication',
      'Supplier or external',
    ]);
    await user.selectOptions(select, 'Process');
    expect(why(doc).category).toBe('Process');
    expect(select.value).toBe('Process');
    await user.selectOptions(select, 'None');
    expect(why(doc).category).toBeNull();
  });

  it('stores evidence text and merges it with someone else typing at the same time', async () => {
    const doc = newAnalysisDoc();
    const [id] = addChain(doc, ['Overcharged']);
    const { user } = renderEditor(doc, id);
    const box = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Evidence' });
    await user.type(box, 'Call log');
    expect(why(doc).evidence).toBe('Call log');

    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    must(
      editEvidence(remote, { whyId: id!, text: 'Billing: Call log' }, makeOrigin('local', 'Bo')),
    );
    act(() => Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), 'r'));
    expect(box.value).toBe('Billing: Call log');

    await user.keyboard(' of 12 May');
    expect(why(doc).evidence).toBe('Billing: Call log of 12 May');
  });

  it('adds a link, shows why an invalid one is refused, and removes a link', async () => {
    const doc = newAnalysisDoc();
    const [id] = addChain(doc, ['Overcharged']);
    const { user } = renderEditor(doc, id);
    const input = await screen.findByRole('textbox', { name: 'Add link' });

    await user.type(input, 'ticket 42');
    await user.click(screen.getByRole('button', { name: 'Add link' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'A link must be a full web address, like https://help.example.com/ticket/42.',
    );
    expect(why(doc).links).toEqual([]);

    await user.clear(input);
    await user.type(input, 'https://help.example.com/ticket/42{Enter}');
    const link = await screen.findByRole('link', { name: 'https://help.example.com/ticket/42' });
    expect(link.getAttribute('href')).toBe('https://help.example.com/ticket/42');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(why(doc).links).toEqual(['https://help.example.com/ticket/42']);

    await user.click(
      screen.getByRole('button', { name: 'Remove link https://help.example.com/ticket/42' }),
    );
    expect(screen.queryByRole('link', { name: 'https://help.example.com/ticket/42' })).toBeNull();
    expect(why(doc).links).toEqual([]);
  });

  it('adds a corrective action with owner and due date to a root cause and updates its status', async () => {
    const doc = newAnalysisDoc();
    const [id] = addChain(doc, ['Forms were not ordered']);
    const { user } = renderEditor(doc, id);
    expect(screen.queryByRole('form', { name: 'Add action' })).toBeNull();

    await user.click(await screen.findByRole('checkbox', { name: 'Root cause' }));
    expect(why(doc).rootCause).toBe(true);
    const form = await screen.findByRole('form', { name: 'Add action' });
    await user.selectOptions(within(form).getByLabelText('Kind'), 'corrective');
    await user.type(within(form).getByLabelText('Description'), 'Order forms every year');
    await user.type(within(form).getByLabelText('Owner'), 'Grace');
    await user.type(within(form).getByLabelText('Due date'), '2030-02-15');
    await user.click(within(form).getByRole('button', { name: 'Add action' }));

    const item = await screen.findByRole('listitem', { name: 'Order forms every year' });
    expect(within(item).getByText('Corrective')).toBeTruthy();
    expect(within(item).getByRole<HTMLInputElement>('textbox', { name: 'Owner' }).value).toBe(
      'Grace',
    );
    expect(within(item).getByLabelText<HTMLInputElement>('Due date').value).toBe('2030-02-15');
    expect(readAnalysis(doc).actions).toMatchObject([
      { whyId: id, kind: 'corrective', owner: 'Grace', dueDate: '2030-02-15', status: 'open' },
    ]);
    expect(screen.queryByRole('form', { name: 'Add action' })).toBeNull();
    await user.click(screen.getByRole('button', { name: '+ Add action' }));
    expect(
      within(screen.getByRole('form', { name: 'Add action' })).getByLabelText<HTMLTextAreaElement>(
        'Description',
      ).value,
    ).toBe('');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'Add action' })).toBeNull();

    await user.selectOptions(within(item).getByRole('combobox', { name: 'Status' }), 'done');
    expect(readAnalysis(doc).actions[0]).toMatchObject({ status: 'done' });
    await user.type(within(item).getByRole('textbox', { name: 'Completion note' }), 'Ordered');
    expect(readAnalysis(doc).actions[0]).toMatchObject({ completionNote: 'Ordered' });

    await user.click(within(item).getByRole('button', { name: 'Delete action' }));
    expect(screen.queryByRole('listitem', { name: 'Order forms every year' })).toBeNull();
    expect(readAnalysis(doc).actions).toEqual([]);
  });

  it('merges two people typing in one action description, keeping my caret', async () => {
    const doc = newAnalysisDoc();
    const [id] = addChain(doc, ['Forms were not ordered']);
    must(setRootCause(doc, { whyId: id!, rootCause: true }, seed));
    const added = addAction(
      doc,
      { whyId: id!, kind: 'corrective', description: 'Order forms', owner: 'Grace' },
      seed,
    );
    if (!added.ok) throw new Error(added.reason);
    const { user } = renderEditor(doc, id);
    const item = await screen.findByRole('listitem', { name: 'Order forms' });
    const box = within(item).getByRole<HTMLTextAreaElement>('textbox', { name: 'Description' });
    await user.type(box, ' yearly');

    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const patch = { description: 'Always order forms yearly' };
    must(updateAction(remote, { actionId: added.id, patch }, makeOrigin('local', 'Bo')));
    act(() => Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), 'r'));
    expect(box.value).toBe('Always order forms yearly');

    await user.keyboard(' in May');
    expect(readAnalysis(doc).actions[0]!.description).toBe('Always order forms yearly in May');
  });

  it('refuses an action without a description, saying so', async () => {
    const doc = newAnalysisDoc();
    const [id] = addChain(doc, ['Forms were not ordered']);
    must(setRootCause(doc, { whyId: id!, rootCause: true }, seed));
    const { user } = renderEditor(doc, id);
    const form = await screen.findByRole('form', { name: 'Add action' });
    await user.click(within(form).getByRole('button', { name: 'Add action' }));
    expect(within(form).getByRole('alert').textContent).toBe('Describe the action first.');
    expect(readAnalysis(doc).actions).toEqual([]);
  });

  it('adds a comment signed by me and hides it once resolved', async () => {
    const doc = newAnalysisDoc();
    const [id] = addChain(doc, ['Overcharged']);
    const { user } = renderEditor(doc, id);
    await user.type(await screen.findByRole('textbox', { name: 'Add comment' }), 'Check Q3 bills');
    await user.click(screen.getByRole('button', { name: 'Add comment' }));

    const list = await screen.findByRole('list', { name: /Comments/ });
    const item = within(list).getByRole('listitem');
    expect(item.textContent).toContain('Ada');
    expect(item.textContent).toContain('just now');
    expect(item.textContent).toContain('Check Q3 bills');
    expect(readAnalysis(doc).comments).toMatchObject([{ text: 'Check Q3 bills', author: 'Ada' }]);

    await user.click(within(item).getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(screen.queryByText('Check Q3 bills')).toBeNull());
    expect(readAnalysis(doc).comments[0]!.resolved).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Show resolved (1)' }));
    expect(screen.getByText('Check Q3 bills')).toBeTruthy();
  });

  it('asks for a reason to stop only on a short chain, and stores it', async () => {
    const doc = newAnalysisDoc();
    const [top, second] = addChain(doc, ['Overcharged', 'Wrong form']);
    const { user, store } = renderEditor(doc, top);
    expect(await screen.findByRole('heading', { name: 'Why 1' })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Reason to stop here' })).toBeNull();

    act(() => store.getState().select(second!));
    const reason = await screen.findByRole('textbox', { name: 'Reason to stop here' });
    await user.type(reason, 'Vendor issue');
    expect(why(doc, 1).stopReason).toBe('Vendor issue');
  });
});
