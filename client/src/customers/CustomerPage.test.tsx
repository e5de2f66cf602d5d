import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CasePage } from '../cases/CasePage';
import { realServerApis } from '../cases/realServer';
import { CustomerPage } from './CustomerPage';

const apis = realServerApis();

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const WOUNDS =
  'Many minor wounds: 3 cases in the last 90 days. Small letdowns add up; this is the main reason relationships end.';

describe('CustomerPage', { timeout: 20_000 }, () => {
  it('lists the cases newest first and says plainly when they are many minor wounds', async () => {
    const name = 'Harbour Bakery';
    const first = await apis.cases.create({
      customerName: name,
      summary: 'Unanswered call',
      receivedAt: daysAgo(60),
      severity: 'low',
    });
    await apis.cases.create({
      customerName: name,
      summary: 'Sent between departments',
      receivedAt: daysAgo(30),
    });
    const { rerender } = render(<CustomerPage customerId={first.customer.id} apis={apis} />);
    await screen.findByRole('heading', { level: 1, name });
    expect(screen.queryByRole('note', { name: 'Many minor wounds' })).toBeNull();

    const latest = await apis.cases.create({
      customerName: name,
      summary: 'Invoice sent twice',
      receivedAt: daysAgo(2),
      severity: 'high',
    });
    rerender(<CustomerPage key="again" customerId={first.customer.id} apis={apis} />);
    const notice = await screen.findByRole('note', { name: 'Many minor wounds' });
    expect(notice.textContent).toBe(`!${WOUNDS}`);

    const timeline = screen.getByRole('list', { name: 'Cases, newest first' });
    const links = within(timeline)
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(links).toEqual(['Invoice sent twice', 'Sent between departments', 'Unanswered call']);
    const newest = within(timeline).getAllByRole('listitem')[0]!;
    expect(within(newest).getByText('High')).toBeTruthy();
    expect(within(newest).getByText('Open')).toBeTruthy();
    expect(within(newest).getByRole('link').getAttribute('href')).toBe(`/cases/${latest.id}`);
  });

  it('says so on a case page of that customer too, with a link to the customer', async () => {
    const name = 'Northwind Dental';
    const cases = [];
    for (const days of [80, 40, 5]) {
      cases.push(
        await apis.cases.create({
          customerName: name,
          summary: `Letdown ${days}`,
          receivedAt: daysAgo(days),
        }),
      );
    }
    render(<CasePage caseId={cases[2]!.id} apis={apis} />);
    const notice = await screen.findByRole('note', { name: 'Many minor wounds' });
    expect(notice.textContent).toContain(WOUNDS);
    expect(
      within(notice)
        .getByRole('link', { name: `See all cases of ${name}` })
        .getAttribute('href'),
    ).toBe(`/customers/${cases[0]!.customer.id}`);
  });

  it('renames the customer and shows the server refusing a name already taken', async () => {
    const taken = await apis.customers.create({ name: 'Taken Ltd' });
    const mine = await apis.customers.create({ name: 'Old Name GmbH' });
    const user = userEvent.setup();
    render(<CustomerPage customerId={mine.id} apis={apis} />);
    await user.click(await screen.findByRole('button', { name: 'Edit customer' }));
    const input = screen.getByRole('textbox', { name: 'Customer name' });
    await user.clear(input);
    await user.type(input, 'taken ltd');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      `A customer named "${taken.name}" already exists.`,
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');

    await user.clear(input);
    await user.type(input, 'New Name GmbH');
    await user.type(screen.getByRole('textbox', { name: 'External id' }), 'CRM-77');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'New Name GmbH' })).toBeTruthy();
    expect(screen.getByText('CRM-77')).toBeTruthy();
    expect((await apis.customers.get(mine.id)).name).toBe('New Name GmbH');
  });
});
