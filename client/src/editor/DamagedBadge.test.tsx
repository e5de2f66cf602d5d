import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { actionsOf, addAction, setRootCause, whysOf } from '@whychain/shared';
import { addChain, must, newAnalysisDoc, renderEditor, seed } from '../panel/renderEditor';

const WHY_TITLE =
  'This why was saved in a broken shape; its text is shown as far as it could be read';
const ACTION_TITLE =
  'This action was saved in a broken shape; its text is shown as far as it could be read';

describe('records saved in a broken shape', () => {
  it('a damaged why and a damaged action say so next to their text; the others do not', async () => {
    const doc = newAnalysisDoc();
    const [damagedId, fineId] = addChain(doc, ['Overcharged', 'Wrong price form']);
    must(setRootCause(doc, { whyId: damagedId!, rootCause: true }, seed));
    const action = must(
      addAction(
        doc,
        { whyId: damagedId!, kind: 'corrective', description: 'Order new forms', owner: 'Grace' },
        seed,
      ),
    );
    // Another replica (a faulty or hostile writer) stored values of the wrong kind.
    doc.transact(() => {
      whysOf(doc).get(damagedId!)!.set('verification', 42);
      actionsOf(doc).get(action.id)!.set('kind', 42);
    }, seed);
    const { view } = renderEditor(doc, damagedId);

    const node = (id: string) =>
      view.container.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)!;
    await screen.findByRole('heading', { name: 'Why 1' });
    // On the canvas, the why (selected, so in its text box) still shows its text, with the mark.
    expect(within(node(damagedId!)).getByDisplayValue('Overcharged')).toBeTruthy();
    expect(within(node(damagedId!)).getByText('Damaged').title).toBe(WHY_TITLE);
    expect(within(node(fineId!)).queryByText('Damaged')).toBeNull();

    // In the side panel: beside the why's heading and on the action.
    const panel = view.container.querySelector<HTMLElement>('.wc-sidepanel')!;
    const details = within(panel).getByRole('heading', { name: 'Why 1' }).closest('section')!;
    const marks = within(details).getAllByText('Damaged');
    expect(marks.map((mark) => mark.title)).toEqual([WHY_TITLE, ACTION_TITLE]);
    const item = within(details).getByRole('listitem', { name: 'Order new forms' });
    expect(within(item).getByText('Damaged').title).toBe(ACTION_TITLE);
  });
});
