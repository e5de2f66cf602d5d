import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  closeAnalysis,
  makeOrigin,
  readAnalysis,
  setRootCause,
  startTimer,
  submitForReview,
} from '@whychain/shared';
import {
  addChain,
  completeAnalysis,
  must,
  newAnalysisDoc,
  renderEditor,
  seed,
} from '../panel/renderEditor';
import * as Y from 'yjs';

const status = () => screen.getByRole('group', { name: 'Status' });

describe('StatusWorkflow', () => {
  it('submits a draft for review and takes it back to draft', async () => {
    const { doc, user } = renderEditor(newAnalysisDoc());
    await user.click(await screen.findByRole('button', { name: 'Submit for review' }));
    expect(readAnalysis(doc).status).toBe('in_review');
    expect(within(status()).getByText('In review')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Submit for review' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Back to draft' }));
    expect(readAnalysis(doc).status).toBe('draft');
    expect(within(status()).getByText('Draft')).toBeTruthy();
  });

  it('refuses to close an incomplete analysis without a reason, and records the reason', async () => {
    const doc = newAnalysisDoc();
    addChain(doc, ['Overcharged']);
    must(submitForReview(doc, seed));
    const { user } = renderEditor(doc);
    await user.click(await screen.findByRole('button', { name: 'Close analysis' }));

    const dialog = screen.getByRole('dialog', { name: 'Close analysis' });
    expect(within(dialog).getByText(/The checklist is not complete/)).toBeTruthy();
    expect(
      within(dialog).getByText('"Overcharged" is neither a root cause nor ruled out.'),
    ).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Sign off and close' })).toBeNull();
    const closeAnyway = within(dialog).getByRole<HTMLButtonElement>('button', {
      name: 'Close anyway',
    });
    expect(closeAnyway.disabled).toBe(true);
    await user.click(closeAnyway);
    expect(readAnalysis(doc).status).toBe('in_review');

    await user.type(
      within(dialog).getByRole('textbox', { name: 'Reason to close anyway' }),
      'Customer withdrew the complaint',
    );
    expect(closeAnyway.disabled).toBe(false);
    await user.click(closeAnyway);

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(readAnalysis(doc)).toMatchObject({
      status: 'closed',
      signedOffBy: 'Ada',
      closeOverride: 'Customer withdrew the complaint',
    });
    const date = new Date(readAnalysis(doc).signedOffAt!).toLocaleDateString(undefined, {
      dateStyle: 'medium',
    });
    expect(
      screen.getByText(
        `Closed — signed off by Ada on ${date} · Closed anyway: “Customer withdrew the complaint” · Reopen it to make changes.`,
      ),
    ).toBeTruthy();
    expect(within(status()).getByText('Closed')).toBeTruthy();
  });

  it('signs off and closes a complete analysis without asking for a reason', async () => {
    const { doc } = completeAnalysis();
    must(submitForReview(doc, seed));
    const { user } = renderEditor(doc);
    await user.click(await screen.findByRole('button', { name: 'Close analysis' }));
    const dialog = screen.getByRole('dialog', { name: 'Close analysis' });
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Sign off and close' }));
    expect(readAnalysis(doc)).toMatchObject({
      status: 'closed',
      signedOffBy: 'Ada',
      closeOverride: null,
    });
    expect(
      screen.getByText(/^Closed — signed off by Ada on [^·]+ · Reopen it to make changes\.$/),
    ).toBeTruthy();
  });

  it('makes every editing control read-only once closed, and editable again after reopening', async () => {
    const doc = newAnalysisDoc();
    const [id] = addChain(doc, ['Forms were not ordered']);
    must(setRootCause(doc, { whyId: id!, rootCause: true }, seed));
    must(submitForReview(doc, seed));
    must(closeAnalysis(doc, { overrideReason: 'Duplicate' }, makeOrigin('local', 'Grace')));
    const { user } = renderEditor(doc, id);

    const evidence = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Evidence' });
    expect(evidence.readOnly).toBe(true);
    const before = Y.encodeStateVector(doc);
    await user.type(evidence, 'sneaky');
    expect(evidence.value).toBe('');
    expect(readAnalysis(doc).whys[id!]!.evidence).toBe('');
    for (const name of ['Hypothesis', 'Verified', 'Ruled out']) {
      expect(disabled(screen.getByRole('radio', { name }))).toBe(true);
    }
    for (const name of ['Root cause', 'Accepted as an assumption']) {
      expect(disabled(screen.getByRole('checkbox', { name }))).toBe(true);
    }
    expect(disabled(screen.getByRole('combobox', { name: 'Cause category' }))).toBe(true);
    for (const name of ['Add link', 'Add comment', 'Add to parking lot']) {
      expect(screen.queryByRole('textbox', { name })).toBeNull();
    }
    for (const name of ['Add action', '+ Add action', 'Start', 'Delete action', 'Resolve']) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
    expect(screen.queryByRole('button', { name: 'Add why' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(Y.encodeStateVector(doc)).toEqual(before);

    await user.click(screen.getByRole('button', { name: 'Reopen' }));
    expect(readAnalysis(doc)).toMatchObject({
      status: 'draft',
      signedOffBy: null,
      closeOverride: null,
    });
    expect(screen.queryByText(/Closed — signed off/)).toBeNull();
    await waitFor(() => expect(evidence.readOnly).toBe(false));
    await user.type(evidence, 'Order log');
    expect(readAnalysis(doc).whys[id!]!.evidence).toBe('Order log');
    await user.type(screen.getByRole('textbox', { name: 'Add comment' }), 'Back on it{Enter}');
    expect(readAnalysis(doc).comments).toMatchObject([{ text: 'Back on it' }]);
  });

  it('keeps Ctrl+Z in the dialog away from the analysis behind it, and closes on Escape', async () => {
    const doc = newAnalysisDoc();
    must(submitForReview(doc, seed));
    const { user } = renderEditor(doc);
    await user.type(
      await screen.findByRole('textbox', { name: 'Add to parking lot' }),
      'Later{Enter}',
    );
    expect(readAnalysis(doc).parkingLot).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Close analysis' }));
    const reason = screen.getByRole('textbox', { name: 'Reason to close anyway' });
    await waitFor(() => expect(document.activeElement).toBe(reason));
    await user.keyboard('{Control>}z{/Control}');
    expect(readAnalysis(doc).parkingLot).toHaveLength(1);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(readAnalysis(doc).status).toBe('in_review');
  });

  it('stops a running meeting timer when signing off', async () => {
    const { doc } = completeAnalysis();
    must(submitForReview(doc, seed));
    must(startTimer(doc, seed, Date.now() - 30_000));
    const { user } = renderEditor(doc);
    await user.click(await screen.findByRole('button', { name: 'Close analysis' }));
    await user.click(screen.getByRole('button', { name: 'Sign off and close' }));
    expect(readAnalysis(doc).status).toBe('closed');
    expect(readAnalysis(doc).timer.startedAt).toBeNull();
    expect(screen.getByRole('timer').textContent).toMatch(/^00:3\d$/);
  });

  it('never closes or reopens on Ctrl+Z', async () => {
    const doc = newAnalysisDoc();
    const [id] = addChain(doc, ['Overcharged']);
    const { user } = renderEditor(doc, id);
    const evidence = await screen.findByRole('textbox', { name: 'Evidence' });
    await user.type(evidence, 'Bills');
    await user.click(screen.getByRole('button', { name: 'Submit for review' }));
    await user.click(screen.getByRole('button', { name: 'Close analysis' }));
    await user.type(screen.getByRole('textbox', { name: 'Reason to close anyway' }), 'Test');
    await user.click(screen.getByRole('button', { name: 'Close anyway' }));
    expect(readAnalysis(doc).status).toBe('closed');

    await user.click(evidence);
    await user.keyboard('{Control>}z{/Control}');
    expect(readAnalysis(doc).status).toBe('closed');
    expect(readAnalysis(doc).whys[id!]!.evidence).toBe('Bills');

    await user.click(screen.getByRole('button', { name: 'Reopen' }));
    await user.click(evidence);
    await user.keyboard('{Control>}z{/Control}');
    expect(readAnalysis(doc).status).toBe('draft');
  });
});

/** Disabled itself or by a disabled fieldset around it. */
function disabled(element: HTMLElement): boolean {
  return element.matches(':disabled');
}
