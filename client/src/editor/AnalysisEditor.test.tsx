import { act, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { addWhy, createAnalysis, editProblem, makeOrigin, readAnalysis } from '@whychain/shared';
import { AnalysisEditor } from './AnalysisEditor';
import { useEditorStore } from './useEditorStore';

const PROBLEM = 'Why are the customers angry?';
const ada = { name: 'Ada', color: '#1971c2' };
const cleanups: (() => void)[] = [];

afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function newAnalysisDoc(): Y.Doc {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Angry customers', problem: PROBLEM }, makeOrigin('server'));
  return doc;
}

function newAwareness(doc: Y.Doc): Awareness {
  const awareness = new Awareness(doc);
  cleanups.push(() => awareness.destroy());
  return awareness;
}

function renderEditor(doc = newAnalysisDoc(), awareness: Awareness | null = newAwareness(doc)) {
  const user = userEvent.setup();
  const view = render(
    <AnalysisEditor doc={doc} awareness={awareness} connection="connected" user={ada} />,
  );
  return { doc, awareness, user, view };
}

/** Sends everything `from` has that `to` lacks, as the network would. */
function sync(from: Y.Doc, to: Y.Doc) {
  act(() => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote'));
}

function whyTexts(doc: Y.Doc): string[] {
  const snapshot = readAnalysis(doc);
  return snapshot.order.map((id) => snapshot.whys[id]!.text);
}

function pane(container: HTMLElement): HTMLElement {
  return container.querySelector<HTMLElement>('.react-flow__pane')!;
}

/** Queries within the canvas only: the side panel repeats the selected why's label and state. */
function canvas(container: HTMLElement) {
  return within(container.querySelector<HTMLElement>('.react-flow')!);
}

describe('AnalysisEditor', () => {
  it('adds a why under the problem, focuses its text box and stores what is typed', async () => {
    const { doc, user, view } = renderEditor();
    await user.click(await screen.findByText(PROBLEM));
    await user.click(await screen.findByRole('button', { name: 'Add why' }));

    const box = await screen.findByRole('textbox', { name: 'Why text' });
    await waitFor(() => expect(document.activeElement).toBe(box));
    await user.type(box, 'Because they are overcharged');
    expect(whyTexts(doc)).toEqual(['Because they are overcharged']);

    await user.click(pane(view.container));
    expect(await screen.findByText('Because they are overcharged')).toBeTruthy();
    expect(screen.getByText('Why 1')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Why text' })).toBeNull();
  });

  it('answers a why with a deeper why labelled "Why 2"', async () => {
    const { doc, user, view } = renderEditor();
    await user.click(await screen.findByText(PROBLEM));
    await user.click(await screen.findByRole('button', { name: 'Add why' }));
    await user.type(await screen.findByRole('textbox', { name: 'Why text' }), 'Overcharged');

    await user.click(screen.getByRole('button', { name: 'Add why' }));
    await user.type(await screen.findByRole('textbox', { name: 'Why text' }), 'Wrong form');

    expect(await canvas(view.container).findByText('Why 2')).toBeTruthy();
    expect(canvas(view.container).getByText('Overcharged')).toBeTruthy();
    const snapshot = readAnalysis(doc);
    const [first, second] = snapshot.order;
    expect(snapshot.whys[second!]).toMatchObject({ text: 'Wrong form', parentId: first, depth: 2 });
  });

  it('marks and unmarks a why as root cause', async () => {
    const doc = newAnalysisDoc();
    addWhy(doc, { parentId: null, text: 'Nobody ordered the forms' }, makeOrigin('server'));
    const { user, view } = renderEditor(doc);

    await user.click(await screen.findByText('Nobody ordered the forms'));
    expect(canvas(view.container).queryByText('Root cause')).toBeNull();
    await user.click(await screen.findByRole('button', { name: 'Mark as root cause' }));

    expect(await screen.findByRole('button', { name: 'Unmark root cause' })).toBeTruthy();
    expect(canvas(view.container).getByText('Root cause')).toBeTruthy();
    expect(readAnalysis(doc).whys[readAnalysis(doc).order[0]!]!.rootCause).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Unmark root cause' }));
    expect(await screen.findByRole('button', { name: 'Mark as root cause' })).toBeTruthy();
    expect(canvas(view.container).queryByText('Root cause')).toBeNull();
  });

  it('deletes a why together with everything below it', async () => {
    const doc = newAnalysisDoc();
    const seed = makeOrigin('server');
    const top = addWhy(doc, { parentId: null, text: 'Overcharged' }, seed);
    if (!top.ok) throw new Error(top.reason);
    addWhy(doc, { parentId: top.id, text: 'Wrong price form' }, seed);
    addWhy(doc, { parentId: null, text: 'Late delivery' }, seed);
    const { user } = renderEditor(doc);

    await user.click(await screen.findByText('Overcharged'));
    await user.click(await screen.findByRole('button', { name: 'Delete why' }));

    await waitFor(() => expect(screen.queryByText('Wrong price form')).toBeNull());
    expect(screen.queryByText('Overcharged')).toBeNull();
    expect(screen.getByText('Late delivery')).toBeTruthy();
    expect(whyTexts(doc)).toEqual(['Late delivery']);
  });

  it('shows a change made by someone else as soon as it arrives', async () => {
    const { doc } = renderEditor();
    expect(await screen.findByText(PROBLEM)).toBeTruthy();

    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    addWhy(
      remote,
      { parentId: null, text: 'Because the form is old' },
      makeOrigin('local', 'Grace'),
    );
    sync(remote, doc);

    expect(await screen.findByText('Because the form is old')).toBeTruthy();
    expect(screen.getByText('Why 1')).toBeTruthy();
  });

  it('keeps the caret where it was when someone else edits the same text', async () => {
    const { doc, user } = renderEditor();
    await user.click(await screen.findByText(PROBLEM));
    const box = await screen.findByRole<HTMLTextAreaElement>('textbox', {
      name: 'Problem statement',
    });
    await waitFor(() => expect(document.activeElement).toBe(box));
    box.setSelectionRange(4, 4);

    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    editProblem(remote, { text: `Really, ${PROBLEM}` }, makeOrigin('local', 'Grace'));
    sync(remote, doc);

    expect(box.value).toBe(`Really, ${PROBLEM}`);
    expect(box.selectionStart).toBe(4 + 'Really, '.length);
    await user.keyboard('the ');
    expect(readAnalysis(doc).problem).toBe('Really, Why the are the customers angry?');
  });

  it('undoes my own last change', async () => {
    const { doc, user } = renderEditor();
    await user.click(await screen.findByText(PROBLEM));
    await user.click(await screen.findByRole('button', { name: 'Add why' }));
    expect(whyTexts(doc)).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(whyTexts(doc)).toHaveLength(0);
    await waitFor(() => expect(screen.queryByText('Why 1')).toBeNull());
  });

  it('lists everyone in the room, with me marked "(you)"', async () => {
    const { awareness } = renderEditor();
    const other = new Awareness(new Y.Doc());
    cleanups.push(() => other.destroy());
    other.setLocalState({ user: { name: 'Grace', color: '#2f9e44' } });
    act(() =>
      applyAwarenessUpdate(awareness!, encodeAwarenessUpdate(other, [other.clientID]), 'remote'),
    );

    const list = await screen.findByRole('list', { name: 'In this room' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    const [me, grace] = within(list).getAllByRole('listitem');
    expect(me!.textContent).toBe('Ada (you)');
    expect(within(grace!).getByText('Grace')).toBeTruthy();
    expect(within(grace!).getByRole('button', { name: 'Follow Grace' })).toBeTruthy();
    expect(awareness!.getLocalState()).toMatchObject({ user: ada });
  });

  it('shows where someone else is on the tree', async () => {
    const doc = newAnalysisDoc();
    const added = addWhy(doc, { parentId: null, text: 'Overcharged' }, makeOrigin('server'));
    if (!added.ok) throw new Error(added.reason);
    const { awareness } = renderEditor(doc);
    const other = new Awareness(new Y.Doc());
    cleanups.push(() => other.destroy());
    other.setLocalState({ user: { name: 'Grace', color: '#2f9e44' }, selectedId: added.id });
    act(() =>
      applyAwarenessUpdate(awareness!, encodeAwarenessUpdate(other, [other.clientID]), 'remote'),
    );
    const marks = await screen.findByRole('list', { name: 'Also here' });
    expect(marks.textContent).toBe('Grace');
  });

  it('says how it is connected', () => {
    const doc = newAnalysisDoc();
    render(<AnalysisEditor doc={doc} connection="offline" user={ada} />);
    expect(screen.getByRole('status').textContent).toBe(
      'Offline: changes are saved on this device',
    );
  });

  it('shows "Loading analysis…" and no editor until the document has arrived', () => {
    const doc = new Y.Doc();
    render(<AnalysisEditor doc={doc} connection="connecting" synced={false} user={ada} />);
    expect(screen.getByText('Loading analysis…')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Connecting…');
    expect(screen.queryByText('Problem')).toBeNull();
  });

  it('starts the editor once a synced document is filled in', async () => {
    const doc = new Y.Doc();
    render(<AnalysisEditor doc={doc} connection="connected" user={ada} />);
    expect(screen.getByText('Loading analysis…')).toBeTruthy();
    sync(newAnalysisDoc(), doc);
    expect(await screen.findByText(PROBLEM)).toBeTruthy();
    expect(screen.queryByText('Loading analysis…')).toBeNull();
  });

  it('refuses useEditorStore outside an editor with a clear error', () => {
    expect(() => renderHook(() => useEditorStore((state) => state.selectedId))).toThrow(
      /useEditorStore must be used inside <EditorStoreProvider>/,
    );
  });
});
