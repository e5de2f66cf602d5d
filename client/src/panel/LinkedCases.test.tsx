import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { realServerApis } from '../cases/realServer';
import { LinkedCases } from './LinkedCases';

const apis = realServerApis();

describe('LinkedCases', { timeout: 20_000 }, () => {
  it('lists the linked cases with customer, reference and severity, links one more and unlinks', async () => {
    const billing = await apis.cases.create({
      customerName: 'Acme Foods',
      summary: 'Charged the old price',
      externalRef: 'ZD-4411',
      severity: 'critical',
    });
    const other = await apis.cases.create({
      customerName: 'Blue Harbor',
      summary: 'Parcel left in the rain',
      externalRef: 'ZD-5120',
      severity: 'low',
    });
    const { id } = await apis.analyses.create({ title: 'Overcharged', caseIds: [billing.id] });
    const user = userEvent.setup();
    render(<LinkedCases analysisId={id} apis={apis} />);

    const section = screen.getByRole('region', { name: 'Customer cases' });
    const item = await within(section).findByRole('listitem', { name: 'Acme Foods' });
    expect(within(item).getByText('ZD-4411')).toBeTruthy();
    expect(within(item).getByText('Critical').textContent).toBe('Critical severity');
    expect(within(item).getByRole('link', { name: 'Acme Foods' }).getAttribute('href')).toBe(
      `/cases/${billing.id}`,
    );

    await user.click(within(section).getByRole('button', { name: 'Link case' }));
    const dialog = screen.getByRole('dialog', { name: 'Link case' });
    await user.type(within(dialog).getByRole('searchbox', { name: 'Search cases' }), 'rain');
    await user.click(
      await within(dialog).findByRole('button', { name: /Blue Harbor: Parcel left in the rain/ }),
    );
    expect(await within(section).findByRole('listitem', { name: 'Blue Harbor' })).toBeTruthy();
    expect((await apis.cases.get(other.id)).analysisIds).toEqual([id]);

    await user.click(within(item).getByRole('button', { name: 'Unlink' }));
    await waitFor(() =>
      expect(within(section).queryByRole('listitem', { name: 'Acme Foods' })).toBeNull(),
    );
    expect((await apis.cases.get(billing.id)).analysisIds).toEqual([]);
    expect(await apis.analyses.caseIds(id)).toEqual([other.id]);
  });

  it('invites linking when no case is linked', async () => {
    const { id } = await apis.analyses.create({ title: 'Nothing linked' });
    render(<LinkedCases analysisId={id} apis={apis} />);
    expect(
      await screen.findByText('No case linked. Which customers does this explain?'),
    ).toBeTruthy();
  });
});
