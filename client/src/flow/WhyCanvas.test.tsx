import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addComment,
  addWhy,
  caretFromShared,
  caretToShared,
  CYCLE_REASON,
  editWhyDetails,
  editWhyText,
  makeOrigin,
  readAnalysis,
  setRootCause,
} from '@whychain/shared';
import {
  grace,
  newAnalysisDoc,
  nodeById,
  renderEditor,
  seedWhy,
  sync,
  whyTexts,
} from './renderEditor';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function setup(doc = newAnalysisDoc()) {
  const editor = renderEditor(doc);
  cleanups.push(editor.cleanup);
  return editor;
}

const me = makeOrigin('server');

/** Where a point of a node is on screen: jsdom lays nothing out, so it is read from the transforms. */
function screenPoint(container: HTMLElement, id: string, dx: number, dy: number) {
  const viewport = container.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform;
  const [, tx, ty, zoom] = /translate\(([-\d.]+)px, ?([-\d.]+)px\) scale\(([\d.]+)\)/.exec(
    viewport,
  )!;
  const node = nodeById(container, id).style.transform;
  const [, x, y] = /translate\(([-\d.]+)px, ?([-\d.]+)px\)/.exec(node)!;
  return {
    clientX: Number(tx) + (Number(x) + dx) * Number(zoom),
    clientY: Number(ty) + (Number(y) + dy) * Number(zoom),
  };
}

/** A mouse event as a browser makes it (d3, which drags the nodes, reads its `view`). */
function mouse(target: EventTarget, type: string, point: { clientX: number; clientY: number }) {
  const event = new MouseEvent(type, { ...point, bubbles: true, cancelable: true, button: 0 });
  Object.defineProperty(event, 'view', { value: window });
  act(() => void target.dispatchEvent(event));
}

/** Drags a node by its label onto a point of another node, as a mouse would. */
function drag(container: HTMLElement, id: string, onto: { clientX: number; clientY: number }) {
  const handle = nodeById(container, id).querySelector('.wc-node__label')!;
  const from = screenPoint(container, id, 20, 14);
  mouse(handle, 'mousedown', from);
  const steps = 4;
  for (let i = 1; i <= steps; i++) {
    mouse(window, 'mousemove', {
      clientX: from.clientX + ((onto.clientX - from.clientX) * i) / steps,
      clientY: from.clientY + ((onto.clientY - from.clientY) * i) / steps,
    });
  }
  mouse(window, 'mouseup', onto);
}

describe('WhyCanvas', () => {
  it('folds a why’s answers away and unfolds them, showing how many are hidden', async () => {
    const doc = newAnalysisDoc();
    const top = seedWhy(doc, null, 'Overcharged');
    const form = seedWhy(doc, top, 'Wrong form');
    seedWhy(doc, form, 'Old prices');
    const { user, view } = setup(doc);
    expect(await screen.findByText('Old prices')).toBeTruthy();

    const topNode = within(nodeById(view.container, top));
    await user.click(topNode.getByRole('button', { name: 'Hide the why below' }));
    await waitFor(() => expect(screen.queryByText('Wrong form')).toBeNull());
    expect(screen.queryByText('Old prices')).toBeNull();
    const show = screen.getByRole('button', { name: 'Show 2 hidden whys' });
    expect(show.textContent).toBe('+2');
    expect(whyTexts(doc)).toEqual(['Overcharged', 'Wrong form', 'Old prices']);

    await user.click(show);
    expect(await screen.findByText('Old prices')).toBeTruthy();
  });

  it('hints gently when a why blames a person', async () => {
    const doc = newAnalysisDoc();
    seedWhy(doc, null, 'The new manager forgot to order the forms');
    seedWhy(doc, null, 'The order date is nowhere written down');
    setup(doc);
    const hint = await screen.findByRole('note');
    expect(hint.textContent).toBe(
      'Sounds like blame (“forgot”). Ask what in the process allowed it.',
    );
    expect(screen.getAllByRole('note')).toHaveLength(1);
  });

  it('greys out a ruled-out why and everything below it, and shows verification badges', async () => {
    const doc = newAnalysisDoc();
    const top = seedWhy(doc, null, 'Overcharged');
    const below = seedWhy(doc, top, 'Wrong form');
    const other = seedWhy(doc, null, 'Late delivery');
    editWhyDetails(doc, { whyId: top, patch: { verification: 'ruled_out' } }, me);
    editWhyDetails(doc, { whyId: other, patch: { verification: 'verified' } }, me);
    const { view } = setup(doc);
    await screen.findByText('Overcharged');

    expect(nodeById(view.container, top).classList).toContain('is-ruled-out');
    expect(nodeById(view.container, below).classList).toContain('is-ruled-out');
    expect(nodeById(view.container, other).classList).not.toContain('is-ruled-out');
    expect(within(nodeById(view.container, top)).getByText('Ruled out')).toBeTruthy();
    expect(within(nodeById(view.container, below)).queryByText('Hypothesis')).toBeNull();
    expect(within(nodeById(view.container, other)).getByText('Verified')).toBeTruthy();
  });

  it('shows the category and the number of open comments on a why', async () => {
    const doc = newAnalysisDoc();
    const id = seedWhy(doc, null, 'Late delivery');
    editWhyDetails(doc, { whyId: id, patch: { category: 'Supplier or external' } }, me);
    addComment(doc, { whyId: id, text: 'Which courier?' }, me);
    addComment(doc, { whyId: id, text: 'Since when?' }, me);
    const { view } = setup(doc);
    await screen.findByText('Late delivery');
    const node = within(nodeById(view.container, id));
    expect(node.getByText('Supplier or external')).toBeTruthy();
    expect(node.getByText('2 open comments')).toBeTruthy();
  });

  it('shows a colleague’s caret, with her name, where she is typing in the same why', async () => {
    const doc = newAnalysisDoc();
    const id = seedWhy(doc, null, 'Because the price form is incorrect');
    const { awareness, view, user } = setup(doc);
    const colleague = grace(doc, awareness);
    cleanups.push(colleague.destroy);
    await screen.findByText('Because the price form is incorrect');

    const at = (index: number) => ({
      nodeId: id,
      anchor: caretToShared(colleague.doc, id, index),
      head: caretToShared(colleague.doc, id, index),
    });
    colleague.set('caret', at('Because the '.length));
    const caret = await waitFor(() => {
      const found = nodeById(view.container, id).querySelector<HTMLElement>('.wc-caret');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(caret.textContent).toBe('Grace');
    expect(caret.dataset.index).toBe(String('Because the '.length));

    // Ada types at the start: Grace's caret stays on the same character.
    await user.click(screen.getByText('Because the price form is incorrect'));
    const box = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Why text' });
    await waitFor(() => expect(document.activeElement).toBe(box));
    box.setSelectionRange(0, 0);
    await user.keyboard('Yes. ');
    await waitFor(() =>
      expect(
        nodeById(view.container, id).querySelector<HTMLElement>('.wc-caret')!.dataset.index,
      ).toBe(String('Yes. Because the '.length)),
    );

    colleague.set('caret', null);
    await waitFor(() => expect(nodeById(view.container, id).querySelector('.wc-caret')).toBeNull());
  });

  it('publishes my caret while I type in a why, and clears it when I leave', async () => {
    const doc = newAnalysisDoc();
    const id = seedWhy(doc, null, 'Overcharged');
    const { awareness, user } = setup(doc);
    await user.click(await screen.findByText('Overcharged'));
    const box = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Why text' });
    await waitFor(() => expect(document.activeElement).toBe(box));
    await user.keyboard('!');

    const caret = () =>
      awareness.getLocalState()?.caret as { nodeId: string; head: unknown } | null;
    expect(caret()?.nodeId).toBe(id);
    expect(caretFromShared(doc, caret()!.head)).toBe('Overcharged!'.length);
    await user.keyboard('{Escape}');
    expect(caret()).toBeNull();
  });

  it('shows a colleague’s mouse pointer with her name', async () => {
    const { awareness, view } = setup();
    const colleague = grace(newAnalysisDoc(), awareness);
    cleanups.push(colleague.destroy);
    colleague.set('pointer', { x: 120, y: 80 });
    const pointer = await waitFor(() => {
      const found = view.container.querySelector<HTMLElement>('.wc-pointer');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(pointer.textContent).toBe('Grace');
    expect(pointer.style.transform).toContain('translate(120px, 80px)');
    colleague.set('pointer', null);
    await waitFor(() => expect(view.container.querySelector('.wc-pointer')).toBeNull());
  });

  it('follows a colleague’s view until I move the canvas myself', async () => {
    const { awareness, store, view } = setup();
    const viewport = await waitFor(() => {
      const element = view.container.querySelector<HTMLElement>('.react-flow__viewport')!;
      expect(element.style.transform).not.toBe('translate(0px,0px) scale(1)');
      return element;
    });
    const colleague = grace(newAnalysisDoc(), awareness);
    cleanups.push(colleague.destroy);
    colleague.set('viewport', { x: 40, y: 30, zoom: 1.5 });
    act(() => store.getState().follow(colleague.awareness.clientID));

    expect(await screen.findByText('Following Grace — move the canvas to stop')).toBeTruthy();
    await waitFor(() => expect(viewport.style.transform).toBe('translate(40px,30px) scale(1.5)'));

    // Her window is 200 px wider and 100 px taller than this 800 x 600 canvas: the point in the
    // middle of her view is in the middle of mine.
    colleague.set('viewport', { x: 40, y: 30, zoom: 1.5, width: 1000, height: 700 });
    await waitFor(() => expect(viewport.style.transform).toBe('translate(-60px,-20px) scale(1.5)'));

    fireEvent.wheel(view.container.querySelector('.react-flow__pane')!, { deltaY: 40 });
    await waitFor(() => expect(store.getState().followingClientId).toBeNull());
    expect(screen.queryByText(/Following Grace/)).toBeNull();
  });

  it('tells the room what part of the canvas I see, with its size on my screen', async () => {
    const { awareness, view } = setup();
    const viewport = view.container.querySelector<HTMLElement>('.react-flow__viewport')!;
    await waitFor(() => {
      const published = awareness.getLocalState()?.viewport as Record<string, number>;
      expect(published).toMatchObject({ width: 800, height: 600 });
      expect(viewport.style.transform).toBe(
        `translate(${published.x}px,${published.y}px) scale(${published.zoom})`,
      );
    });
  });

  it('moves a why dropped onto another node there, with its answers', async () => {
    const doc = newAnalysisDoc();
    const top = seedWhy(doc, null, 'Overcharged');
    const below = seedWhy(doc, top, 'Wrong form');
    const other = seedWhy(doc, null, 'Late delivery');
    const { view } = setup(doc);
    await screen.findByText('Late delivery');

    drag(view.container, top, screenPoint(view.container, other, 60, 30));
    await waitFor(() => expect(readAnalysis(doc).whys[top]!.parentId).toBe(other));
    expect(readAnalysis(doc).whys[below]!.parentId).toBe(top);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses to drop a why onto one of its own answers, says why and writes nothing', async () => {
    const doc = newAnalysisDoc();
    const top = seedWhy(doc, null, 'Overcharged');
    const below = seedWhy(doc, top, 'Wrong form');
    const { view } = setup(doc);
    await screen.findByText('Wrong form');
    const before = readAnalysis(doc);

    drag(view.container, top, screenPoint(view.container, below, 60, 30));
    expect((await screen.findByRole('alert')).textContent).toContain(CYCLE_REASON);
    expect(readAnalysis(doc).whys).toEqual(before.whys);
  });

  it('puts a why dropped on empty canvas back where it was', async () => {
    const doc = newAnalysisDoc();
    const top = seedWhy(doc, null, 'Overcharged');
    const { view } = setup(doc);
    await screen.findByText('Overcharged');
    const where = nodeById(view.container, top).style.transform;
    const before = readAnalysis(doc);

    drag(view.container, top, screenPoint(view.container, top, 400, 400));
    await waitFor(() => expect(nodeById(view.container, top).style.transform).toBe(where));
    expect(readAnalysis(doc).whys).toEqual(before.whys);
  });

  it('has a "Zoom to fit" button, zoom buttons and an overview map', async () => {
    setup();
    expect(await screen.findByRole('button', { name: 'Zoom to fit' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Zoom in' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Zoom out' })).toBeTruthy();
    expect(screen.getByLabelText('Overview of the tree')).toBeTruthy();
  });

  it('draws every node in the overview map, root causes in violet and the selected one outlined', async () => {
    const doc = newAnalysisDoc();
    const first = seedWhy(doc, null, 'The forms ran out');
    const second = seedWhy(doc, first, 'Nobody orders them');
    setRootCause(doc, { whyId: second, rootCause: true }, me);
    const { store } = setup(doc);
    const overview = await screen.findByRole('img', { name: 'Overview of the tree' });
    const boxes = () => [...overview.querySelectorAll('.wc-overview__node')];
    expect(boxes()).toHaveLength(3);
    expect(boxes().map((box) => box.getAttribute('fill'))).toEqual([
      '#1c2b4a',
      '#adb5bd',
      '#6d28d9',
    ]);
    expect(overview.querySelector('.wc-overview__mask')).toBeTruthy();

    act(() => store.getState().select(first));
    await waitFor(() => expect(overview.querySelectorAll('.is-selected')).toHaveLength(1));
    expect(boxes()[1]!.classList.contains('is-selected')).toBe(true);
  });

  it('shows a colleague’s typing in a why at once; the hints catch up a frame later', async () => {
    const doc = newAnalysisDoc();
    const id = seedWhy(doc, null, 'The order date is nowhere written down');
    const other = seedWhy(doc, null, 'The forms ran out');
    const { awareness, view, store } = setup(doc);
    const colleague = grace(doc, awareness);
    cleanups.push(colleague.destroy);
    act(() => store.getState().select(other));
    const quote = await screen.findByText('The forms ran out', { selector: '.wc-panel__quote' });

    editWhyText(colleague.doc, { whyId: id, text: 'The manager forgot the order date' }, me);
    sync(colleague.doc, doc);
    expect(nodeById(view.container, id).textContent).toContain('The manager forgot the order date');
    expect(screen.queryByRole('note')).toBeNull();

    // In the selected why: its text box at once, the side panel's quote of it a frame later.
    editWhyText(colleague.doc, { whyId: other, text: 'The forms ran out in May' }, me);
    sync(colleague.doc, doc);
    const box = within(nodeById(view.container, other)).getByRole<HTMLTextAreaElement>('textbox', {
      name: 'Why text',
    });
    expect(box.value).toBe('The forms ran out in May');
    expect(quote.textContent).toBe('The forms ran out');
    expect((await screen.findByRole('note')).textContent).toContain('forgot');
    expect(quote.textContent).toBe('The forms ran out in May');
  });

  it('keeps a synced edit from the colleague in the same text as mine (character merge)', async () => {
    const doc = newAnalysisDoc();
    const id = seedWhy(doc, null, 'price form');
    const { awareness, user } = setup(doc);
    const colleague = grace(doc, awareness);
    cleanups.push(colleague.destroy);
    await user.click(await screen.findByText('price form'));
    const box = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Why text' });
    await waitFor(() => expect(document.activeElement).toBe(box));
    await user.keyboard('!');
    editWhyText(colleague.doc, { whyId: id, text: 'the price form' }, colleague.origin);
    sync(colleague.doc, doc);
    expect(whyTexts(doc)).toEqual(['the price form!']);
  });

  it('keeps the why I am typing in at the same place on screen when the layout moves it', async () => {
    const doc = newAnalysisDoc();
    const mine = seedWhy(doc, null, 'Overcharged');
    const { awareness, user, view } = setup(doc);
    const colleague = grace(doc, awareness);
    cleanups.push(colleague.destroy);
    await user.click(await screen.findByText('Overcharged'));
    const box = await screen.findByRole('textbox', { name: 'Why text' });
    await waitFor(() => expect(document.activeElement).toBe(box));
    const onScreen = () => screenPoint(view.container, mine, 0, 0);
    const before = onScreen();
    const placed = nodeById(view.container, mine).style.transform;

    // Grace adds two whys before mine: the tidy tree moves mine to the right.
    addWhy(colleague.doc, { parentId: null, index: 0, text: 'Late' }, colleague.origin);
    addWhy(colleague.doc, { parentId: null, index: 0, text: 'Rude' }, colleague.origin);
    sync(colleague.doc, doc);
    await screen.findByText('Rude');
    expect(nodeById(view.container, mine).style.transform).not.toBe(placed);
    await waitFor(() => expect(onScreen()).toEqual(before));
    expect(document.activeElement).toBe(box);
  });
});
