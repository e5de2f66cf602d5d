/**
 * Test fixtures for the editor's component tests (imported by `*.test.tsx` only): an analysis
 * document built with shared's commands, the editor rendered on it with its own store, and a
 * second person ("Grace") whose document and awareness are linked to it the way the network would.
 */
import { act, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { addWhy, createAnalysis, makeOrigin, readAnalysis, type WhyId } from '@whychain/shared';
import { AnalysisEditor } from '../editor/AnalysisEditor';
import { createEditorStore } from '../editor/createEditorStore';

export const PROBLEM = 'Why are the customers angry?';
export const ada = { name: 'Ada', color: '#1971c2' };
const seed = makeOrigin('server');

/** A new analysis with the book example's problem. */
export function newAnalysisDoc(): Y.Doc {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Angry customers', problem: PROBLEM }, seed);
  return doc;
}

/** Adds a why (seeded by the server, so nobody's undo covers it) and returns its id. */
export function seedWhy(doc: Y.Doc, parentId: WhyId | null, text: string): WhyId {
  const result = addWhy(doc, { parentId, text }, seed);
  if (!result.ok) throw new Error(result.reason);
  return result.id;
}

/** The texts of all whys, depth first. */
export function whyTexts(doc: Y.Doc): string[] {
  const snapshot = readAnalysis(doc);
  return snapshot.order.map((id) => snapshot.whys[id]!.text);
}

/** Sends everything `from` has that `to` lacks, as the network would. */
export function sync(from: Y.Doc, to: Y.Doc): void {
  act(() => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote'));
}

/** Renders the editor for Ada on `doc`, with a store the test can read. */
export function renderEditor(doc = newAnalysisDoc()) {
  const awareness = new Awareness(doc);
  const store = createEditorStore();
  const user = userEvent.setup();
  const view = render(
    <AnalysisEditor
      doc={doc}
      awareness={awareness}
      connection="connected"
      user={ada}
      store={store}
    />,
  );
  return { doc, awareness, store, user, view, cleanup: () => awareness.destroy() };
}

/** Grace: a replica of `doc` with her own awareness, whose states reach `awareness` on `share()`. */
export function grace(doc: Y.Doc, awareness: Awareness) {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  const presence = new Awareness(replica);
  presence.setLocalState({ user: { name: 'Grace', color: '#2f9e44' } });
  const share = () =>
    act(() =>
      applyAwarenessUpdate(
        awareness,
        encodeAwarenessUpdate(presence, [presence.clientID]),
        'remote',
      ),
    );
  share();
  return {
    doc: replica,
    awareness: presence,
    origin: makeOrigin('local', 'Grace'),
    /** Sets a field of Grace's presence and sends it to Ada. */
    set(field: string, value: unknown) {
      presence.setLocalStateField(field, value);
      share();
    },
    destroy: () => presence.destroy(),
  };
}

/** The canvas element of a node (React Flow's wrapper), by the node's id. */
export function nodeById(container: HTMLElement, id: string): HTMLElement {
  const node = container.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`);
  if (!node) throw new Error(`No node ${id} on the canvas.`);
  return node;
}
