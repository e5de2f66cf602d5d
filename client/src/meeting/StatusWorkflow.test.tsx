import {
  act,
  screen,
  waitFor,
  within,
  type BoundFunctions,
  type queries,
} from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  closeAnalysis,
  makeOrigin,
  readAnalysis,
  returnToDraft,
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
    await press(user, screen, 'Submit for review');
    expect(readAnalysis(doc).status).toBe('in_review');
    expect(within(status()).getByText('In review')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Submit for review' })).toBeNull();

    await press(user, screen, 'Back to draft');
    expect(readAnalysis(doc).status).toBe('draft');
    expect(within(status()).getByText('Draft')).toBeTruthy();
  });

  it('refuses to close an incomplete analysis without a reason, and records the reason', async () => {
    const doc = newAnalysisDoc();
    addChain(doc, ['Overcharged']);
    must(submitForReview(doc, seed));
    const { user } = renderEditor(doc);
    await press(user, screen, 'Close analysis');

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
    await armed(closeAnyway);
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
    await press(user, screen, 'Close analysis');
    const dialog = screen.getByRole('dialog', { name: 'Close analysis' });
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    await press(user, within(dialog), 'Sign off and close');
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

    await press(user, screen, 'Reopen');
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
    await press(user, screen, 'Close analysis');
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
    await press(user, screen, 'Close analysis');
    await press(user, screen, 'Sign off and close');
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
    await press(user, screen, 'Submit for review');
    await press(user, screen, 'Close analysis');
    await user.type(screen.getByRole('textbox', { name: 'Reason to close anyway' }), 'Test');
    await press(user, screen, 'Close anyway');
    expect(readAnalysis(doc).status).toBe('closed');

    await user.click(evidence);
    await user.keyboard('{Control>}z{/Control}');
    expect(readAnalysis(doc).status).toBe('closed');
    expect(readAnalysis(doc).whys[id!]!.evidence).toBe('Bills');

    await press(user, screen, 'Reopen');
    await user.click(evidence);
    await user.keyboard('{Control>}z{/Control}');
    expect(readAnalysis(doc).status).toBe('draft');
  });
  it('does one step for a double click: the next step and the dialog ignore the second click', async () => {
    const { doc } = completeAnalysis();
    const { user } = renderEditor(doc);
    const step = await screen.findByRole('button', { name: 'Submit for review' });
    await armed(step);
    await user.dblClick(step);
    expect(readAnalysis(doc).status).toBe('in_review');
    // The same button, in the same place, is now the next step and let the second click go by.
    expect(screen.getByRole('button', { name: 'Close analysis' })).toBe(step);
    expect(step.getAttribute('aria-disabled')).toBe('true');
    expect(screen.queryByRole('dialog')).toBeNull();

    await armed(step);
    await user.dblClick(step);
    const dialog = screen.getByRole('dialog', { name: 'Close analysis' });
    const signOff = within(dialog).getByRole('button', { name: 'Sign off and close' });
    // Clicks right after it opened, on its button or beside it, neither sign off nor close it.
    await user.click(signOff);
    await user.click(dialog.parentElement!);
    expect(readAnalysis(doc).status).toBe('in_review');
    expect(screen.getByRole('dialog', { name: 'Close analysis' })).toBe(dialog);

    await armed(signOff);
    await user.dblClick(signOff);
    expect(readAnalysis(doc).status).toBe('closed');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Reopen' })).toBe(step);
    expect(document.activeElement).toBe(step);
    await user.click(step);
    expect(readAnalysis(doc).status).toBe('closed');
  });

  it('forgets an open close dialog when someone else takes the analysis back to draft', async () => {
    const doc = newAnalysisDoc();
    must(submitForReview(doc, seed));
    const { user } = renderEditor(doc);
    await press(user, screen, 'Close analysis');
    expect(screen.getByRole('dialog', { name: 'Close analysis' })).toBeTruthy();
    act(() => must(returnToDraft(doc, seed)));
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => must(submitForReview(doc, seed)));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

/** Waits until a button that has just appeared takes clicks (see useArmedAfter). */
async function armed(button: HTMLElement): Promise<void> {
  await waitFor(() => expect(button.getAttribute('aria-disabled')).toBeNull());
}

/** Clicks the button named `name` in `scope` as soon as it takes clicks, as a person would. */
async function press(
  user: UserEvent,
  scope: Pick<BoundFunctions<typeof queries>, 'findByRole'>,
  name: string,
): Promise<void> {
  const button = await scope.findByRole('button', { name });
  await armed(button);
  await user.click(button);
}

/** Disabled itself or by a disabled fieldset around it. */
function disabled(element: HTMLElement): boolean {
  return element.matches(':disabled');
}
