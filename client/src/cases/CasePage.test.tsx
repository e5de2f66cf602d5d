import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CasePage } from './CasePage';
import { toLocalInput } from './caseFormat';
import { realServerApis } from './realServer';

const apis = realServerApis();

const RECEIVED = '2026-01-10T09:00:00.000Z';

async function openCase(summary: string) {
  const created = await apis.cases.create({
    customerName: `Customer of ${summary}`,
    summary,
    externalRef: `T-${summary.length}-${Math.random().toString(36).slice(2, 8)}`,
    receivedAt: RECEIVED,
  });
  const user = userEvent.setup();
  render(<CasePage caseId={created.id} apis={apis} />);
  await screen.findByRole('heading', { level: 1, name: summary });
  return { id: created.id, user };
}

describe('CasePage', { timeout: 20_000 }, () => {
  it('saves a changed field through the server and shows the server refusing a bad one', async () => {
    const { id, user } = await openCase('Invoice sent twice');
    const owner = screen.getByRole('textbox', { name: 'Owner' });
    await user.type(owner, 'Grace');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Changes saved.')).toBeTruthy();
    expect((await apis.cases.get(id)).owner).toBe('Grace');
    expect(screen.getByText('Owner: Grace')).toBeTruthy();

    const url = screen.getByRole('textbox', { name: 'External URL' });
    await user.type(url, 'ftp://tickets.example/1');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const error = await screen.findByText('External url must be an http or https address.');
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(url.getAttribute('aria-describedby')).toContain(error.id);
    expect((await apis.cases.get(id)).externalUrl).toBeNull();
  });

  it('marks a recovery step done and says how long after receipt it was', async () => {
    const { id, user } = await openCase('Call never returned');
    const step = screen.getByRole('listitem', { name: 'Acknowledged' });
    expect(within(step).getByText('Not done yet')).toBeTruthy();
    await user.click(within(step).getByRole('button', { name: 'Mark done' }));
    const at = within(step).getByLabelText('Done at');
    fireEvent.change(at, { target: { value: toLocalInput('2026-01-10T09:35:00.000Z') } });
    await user.click(within(step).getByRole('button', { name: 'Save' }));
    expect(await within(step).findByText('35 min after receipt')).toBeTruthy();
    expect((await apis.cases.get(id)).recovery.acknowledgedAt).toBe('2026-01-10T09:35:00.000Z');

    const survey = screen.getByRole('listitem', { name: 'Satisfaction survey' });
    await user.click(within(survey).getByRole('button', { name: 'Mark done' }));
    fireEvent.change(within(survey).getByLabelText('Done at'), {
      target: { value: toLocalInput('2026-01-12T11:00:00.000Z') },
    });
    await user.click(within(survey).getByRole('radio', { name: '4' }));
    await user.type(within(survey).getByLabelText('Survey comment'), 'Fair in the end');
    await user.click(within(survey).getByRole('button', { name: 'Save' }));
    expect(await within(survey).findByText('2 days 2 h after receipt')).toBeTruthy();
    expect(within(survey).getByText('Score 4 of 5')).toBeTruthy();
    expect(screen.getByText('2 of 7 steps done')).toBeTruthy();
    expect((await apis.cases.get(id)).recovery.survey).toEqual({
      at: '2026-01-12T11:00:00.000Z',
      score: 4,
      comment: 'Fair in the end',
    });
  });

  it('answers a discovery question and keeps its note', async () => {
    const { id, user } = await openCase('Shuffled between departments');
    expect(screen.getByText('0 of 7 answered')).toBeTruthy();
    const question = screen.getByRole('group', {
      name: /Is the problem contained so that it does not get worse\?/,
    });
    await user.click(within(question).getByRole('radio', { name: 'No' }));
    expect(await screen.findByText('1 of 7 answered')).toBeTruthy();
    expect(within(question).getByRole<HTMLInputElement>('radio', { name: 'No' }).checked).toBe(
      true,
    );
    await user.type(
      within(question).getByRole('textbox', { name: 'Note on question 4' }),
      'Still billing{Enter}',
    );
    await waitFor(async () => {
      const item = (await apis.cases.get(id)).discovery.find((d) => d.id === 'contained');
      expect(item).toMatchObject({ answer: 'no', note: 'Still billing' });
    });
  });

  it('links an analysis found by its title, shows it, and unlinks it', async () => {
    const { id, user } = await openCase('Wrong price on the invoice');
    const analysis = await apis.analyses.create({
      title: 'Overcharged customers',
      problem: 'Why?',
    });
    expect(await screen.findByText(/No analysis yet/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Link analysis' }));
    const dialog = screen.getByRole('dialog', { name: 'Link analysis' });
    await user.type(
      within(dialog).getByRole('searchbox', { name: 'Search analyses' }),
      'Overcharged',
    );
    await user.click(await within(dialog).findByRole('button', { name: /Overcharged customers/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const linked = await screen.findByRole('listitem', { name: 'Overcharged customers' });
    expect(
      within(linked).getByRole('link', { name: 'Overcharged customers' }).getAttribute('href'),
    ).toBe(`/a/${analysis.id}`);
    expect(within(linked).getByText('No root cause marked yet.')).toBeTruthy();
    expect(within(linked).getByText('No open actions')).toBeTruthy();
    expect((await apis.cases.get(id)).analysisIds).toEqual([analysis.id]);

    await user.click(within(linked).getByRole('button', { name: 'Unlink' }));
    expect(await screen.findByText(/No analysis yet/)).toBeTruthy();
    expect((await apis.cases.get(id)).analysisIds).toEqual([]);
  });

  it('says when the case does not exist', async () => {
    render(<CasePage caseId="nosuchcase0000000000" apis={apis} />);
    expect(await screen.findByRole('heading', { name: 'Case not found' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('nosuchcase0000000000');
  });
});
