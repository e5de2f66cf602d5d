import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addAction,
  editWhyDetails,
  makeOrigin,
  setRootCause,
  updateAction,
  type WhyId,
} from '@whychain/shared';
import { today } from '../panel/actionLabels';
import { newAnalysisDoc, nodeById, renderEditor, seedWhy } from './renderEditor';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

const seed = makeOrigin('server');

/** A chain of three whys; the last is a root cause. */
function tree() {
  const doc = newAnalysisDoc();
  const overcharged = seedWhy(doc, null, 'Overcharged');
  const form = seedWhy(doc, overcharged, 'Wrong price form');
  const order = seedWhy(doc, form, 'New forms never ordered');
  setRootCause(doc, { whyId: order, rootCause: true }, seed);
  return { doc, overcharged, form, order };
}

async function show(doc: ReturnType<typeof newAnalysisDoc>) {
  const editor = renderEditor(doc);
  cleanups.push(editor.cleanup);
  await screen.findByText('Overcharged');
  return editor;
}

const nodeText = (container: HTMLElement, id: WhyId) => nodeById(container, id).textContent ?? '';

describe('why node badges', () => {
  it('leaves hypotheses, the default, without a badge and names the rest', async () => {
    const { doc, overcharged, form } = tree();
    editWhyDetails(doc, { whyId: overcharged, patch: { verification: 'verified' } }, seed);
    editWhyDetails(doc, { whyId: form, patch: { verification: 'ruled_out' } }, seed);
    const { view } = await show(doc);
    expect(screen.queryByText('Hypothesis')).toBeNull();
    expect(nodeText(view.container, overcharged)).toContain('Verified');
    expect(nodeText(view.container, form)).toContain('Ruled out');
  });

  it('shows a root cause accepted as an assumption as “Assumption”', async () => {
    const { doc, order } = tree();
    editWhyDetails(doc, { whyId: order, patch: { assumption: true } }, seed);
    const { view } = await show(doc);
    expect(nodeText(view.container, order)).toContain('Assumption');
    expect(nodeText(view.container, order)).not.toContain('Hypothesis');
  });

  it('says a root cause has no actions yet, and says nothing on other whys', async () => {
    const { doc, overcharged, order } = tree();
    const { view } = await show(doc);
    expect(nodeText(view.container, order)).toContain('No actions yet');
    expect(nodeText(view.container, overcharged)).not.toContain('action');
  });

  it('shows how many of a root cause’s actions are done, and how many are overdue, in words', async () => {
    const { doc, order } = tree();
    const add = (description: string, dueDate: string | null) => {
      const added = addAction(
        doc,
        { whyId: order, kind: 'corrective', description, dueDate },
        seed,
      );
      if (!added.ok) throw new Error(added.reason);
      return added.id;
    };
    const done = add('Order the new forms', '2020-01-10');
    updateAction(doc, { actionId: done, patch: { status: 'done' } }, seed);
    add('Put the order in the handover checklist', '2020-02-01');
    add('Tell the stores', today());
    const { view } = await show(doc);
    expect(nodeText(view.container, order)).toContain('1/3 actions done · 1 overdue');
    const overdue = screen.getByText('1 overdue');
    expect(overdue.className).toContain('wc-node__overdue');
  });
});
