import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createActionsApi } from '../api/actionsApi';
import { ActionsTab } from './ActionsTab';
import { openAt, startContractServer, type ContractServer } from './contractServer';
import { actionRow } from './testRows';

let server: ContractServer;

beforeAll(async () => {
  server = await startContractServer();
});
afterAll(() => server.close());

const actions = [
  actionRow({
    id: 'a1',
    description: 'Order the books a month ahead',
    owner: 'Operations manager',
    dueDate: '2026-02-01',
    status: 'in_progress',
    overdue: true,
    analysisId: 'book',
    analysisTitle: 'Customers overcharged',
  }),
  actionRow({
    id: 'a2',
    description: 'Hand over the order calendar',
    owner: 'Billing lead',
    dueDate: '2099-12-31',
    status: 'open',
  }),
];

beforeEach(() => {
  server.requests.length = 0;
  openAt('/?tab=actions');
  server.routes.set('/api/actions', (url) => ({
    actions: actions.filter((a) => url.searchParams.get('overdue') !== 'true' || a.overdue),
    nextCursor: null,
  }));
});

const renderTab = () => {
  render(<ActionsTab api={createActionsApi(server.baseUrl)} />);
  return userEvent.setup();
};

describe('ActionsTab', () => {
  it('marks an overdue action "Overdue" in words and in red, with owner, due date and analysis', async () => {
    renderTab();
    const late = within(await screen.findByRole('row', { name: /Order the books/ }));
    const overdue = late.getByText('Overdue');
    expect(overdue.className).toBe('wc-lib-overdue');
    expect(late.getByText('Operations manager')).toBeTruthy();
    expect(late.getByText('In progress')).toBeTruthy();
    const due = late.getByText(/2026/);
    expect(due.getAttribute('dateTime')).toBe('2026-02-01');
    expect(due.className).toBe('wc-lib-overdue-date');
    expect(late.getByRole('link', { name: 'Customers overcharged' }).getAttribute('href')).toBe(
      '/a/book',
    );
    const onTime = within(screen.getByRole('row', { name: /Hand over/ }));
    expect(onTime.queryByText('Overdue')).toBeNull();
    expect(onTime.getByText(/2099/).className).toBe('');
  });

  it('"Overdue only" puts overdue=true in the URL and in the request', async () => {
    const user = renderTab();
    await screen.findByRole('row', { name: /Hand over/ });
    await user.click(screen.getByRole('checkbox', { name: 'Overdue only' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: /Hand over/ })).toBeNull());
    expect(window.location.search).toBe('?tab=actions&overdue=true');
    expect(server.requestsTo('/api/actions').at(-1)!.searchParams.get('overdue')).toBe('true');
    await user.click(screen.getByRole('checkbox', { name: 'Overdue only' }));
    await screen.findByRole('row', { name: /Hand over/ });
    expect(window.location.search).toBe('?tab=actions');
    expect(server.requestsTo('/api/actions').at(-1)!.searchParams.has('overdue')).toBe(false);
  });

  it('filters by status and owner from the URL', async () => {
    openAt('/?tab=actions&status=open&owner=Billing%20lead');
    renderTab();
    await screen.findByRole('row', { name: /Hand over/ });
    const sent = server.requestsTo('/api/actions')[0]!.searchParams;
    expect(sent.get('status')).toBe('open');
    expect(sent.get('owner')).toBe('Billing lead');
    expect((screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement).value).toBe(
      'open',
    );
  });
});
