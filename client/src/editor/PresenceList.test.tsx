import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addWhy, createAnalysis, makeOrigin, readAnalysis, type WhyId } from '@whychain/shared';
import { createEditorStore, type EditorStore } from './createEditorStore';
import { EditorStoreProvider } from './EditorStoreProvider';
import { PresenceList } from './PresenceList';
import type { Peer } from './usePresence';

const seed = makeOrigin('server');

/** An analysis with a chain of three whys; returns the snapshot and the ids, top first. */
function chainOfThree() {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Angry customers', problem: 'Why are they angry?' }, seed);
  const ids: WhyId[] = [];
  let parentId: WhyId | null = null;
  for (const text of ['Overcharged', 'Wrong price form', 'Old form in use']) {
    const added = addWhy(doc, { parentId, text }, seed);
    if (!added.ok) throw new Error(added.reason);
    ids.push(added.id);
    parentId = added.id;
  }
  return { snapshot: readAnalysis(doc), ids };
}

function peer(clientId: number, name: string, extra: Partial<Peer> = {}): Peer {
  return { clientId, name, color: '#2f9e44', isSelf: false, selectedId: null, ...extra };
}

function renderList(peers: readonly Peer[], store: EditorStore = createEditorStore()) {
  const { snapshot, ids } = chainOfThree();
  const view = render(
    <EditorStoreProvider store={store}>
      <PresenceList peers={peers} snapshot={snapshot} />
    </EditorStoreProvider>,
  );
  const rerender = (next: readonly Peer[]) =>
    view.rerender(
      <EditorStoreProvider store={store}>
        <PresenceList peers={next} snapshot={snapshot} />
      </EditorStoreProvider>,
    );
  return { store, ids, snapshot, rerender, user: userEvent.setup() };
}

function entryOf(name: string): HTMLElement {
  const list = screen.getByRole('list', { name: 'In this room' });
  const entry = within(list)
    .getAllByRole('listitem')
    .find((item) => within(item).queryByText(name, { exact: true }));
  if (!entry) throw new Error(`${name} is not listed`);
  return entry;
}

describe('PresenceList', () => {
  it('offers to follow each other person, and not myself', () => {
    renderList([
      peer(1, 'Ada', { isSelf: true }),
      peer(2, 'Grace'),
      peer(3, 'Linus', { color: '#e8590c' }),
    ]);
    expect(within(entryOf('Ada')).queryByRole('button')).toBeNull();
    expect(entryOf('Ada').textContent).toBe('Ada (you)');
    expect(within(entryOf('Grace')).getByRole('button', { name: 'Follow Grace' })).toBeTruthy();
    expect(within(entryOf('Linus')).getByRole('button', { name: 'Follow Linus' })).toBeTruthy();
  });

  it('follows a person, then stops following them', async () => {
    const { store, user } = renderList([peer(1, 'Ada', { isSelf: true }), peer(7, 'Grace')]);

    await user.click(screen.getByRole('button', { name: 'Follow Grace' }));
    expect(store.getState().followingClientId).toBe(7);
    const stop = within(entryOf('Grace')).getByRole('button', { name: 'Stop following' });
    expect(stop.textContent).toBe('Stop following');
    expect(screen.queryByRole('button', { name: 'Follow Grace' })).toBeNull();

    await user.click(stop);
    expect(store.getState().followingClientId).toBeNull();
    expect(screen.getByRole('button', { name: 'Follow Grace' })).toBeTruthy();
  });

  it('switches to another person when asked to follow them instead', async () => {
    const { store, user } = renderList([peer(2, 'Grace'), peer(3, 'Linus')]);
    await user.click(screen.getByRole('button', { name: 'Follow Grace' }));
    await user.click(screen.getByRole('button', { name: 'Follow Linus' }));
    expect(store.getState().followingClientId).toBe(3);
    expect(within(entryOf('Grace')).getByRole('button', { name: 'Follow Grace' })).toBeTruthy();
    expect(within(entryOf('Linus')).getByRole('button', { name: 'Stop following' })).toBeTruthy();
  });

  it('shows a follow started elsewhere (e.g. from the canvas)', () => {
    const store = createEditorStore();
    renderList([peer(2, 'Grace')], store);
    act(() => store.getState().follow(2));
    expect(within(entryOf('Grace')).getByRole('button', { name: 'Stop following' })).toBeTruthy();
  });

  it('says where each person is on the tree', () => {
    const { snapshot, ids } = chainOfThree();
    render(
      <EditorStoreProvider>
        <PresenceList
          snapshot={snapshot}
          peers={[
            peer(1, 'Ada', { isSelf: true, selectedId: 'problem' }),
            peer(2, 'Grace', { selectedId: ids[2]! }),
            peer(3, 'Linus', { selectedId: 'deleted-meanwhile' }),
            peer(4, 'Barbara'),
          ]}
        />
      </EditorStoreProvider>,
    );
    expect(entryOf('Ada').textContent).toBe('Ada (you) on the problem');
    const place = within(entryOf('Grace')).getByText('on Why 3');
    expect(place.getAttribute('title')).toBe('Old form in use');
    expect(within(entryOf('Linus')).queryByText(/^on /)).toBeNull();
    expect(within(entryOf('Barbara')).queryByText(/^on /)).toBeNull();
  });

  it('stops following someone who left the room', () => {
    const { store, rerender } = renderList([peer(1, 'Ada', { isSelf: true }), peer(7, 'Grace')]);
    act(() => store.getState().follow(7));
    rerender([peer(1, 'Ada', { isSelf: true })]);
    expect(store.getState().followingClientId).toBeNull();
  });
});
