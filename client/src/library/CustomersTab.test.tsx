import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCustomersApi } from '../api/customersApi';
import { openAt, startContractServer, type ContractServer } from './contractServer';
import { CustomersTab } from './CustomersTab';
import { customerRow } from './testRows';

let server: ContractServer;

beforeAll(async () => {
  server = await startContractServer();
});
afterAll(() => server.close());

const customers = [
  customerRow({
    id: 'harbor',
    name: 'Harbor Books',
    caseCount: 4,
    openCases: 2,
    recentCases: 3,
    flagged: true,
  }),
  customerRow({ id: 'quill', name: 'Quill & Co', caseCount: 1, openCases: 0, flagged: false }),
  customerRow({ id: 'new', name: 'Newcomer Ltd', caseCount: 0, openCases: 0, lastCaseAt: null }),
];

beforeEach(() => {
  server.requests.length = 0;
  openAt('/?tab=customers');
  server.routes.set('/api/customers', (url) => {
    const q = url.searchParams.get('q')?.toLowerCase() ?? '';
    return {
      customers: customers.filter((c) => c.name.toLowerCase().includes(q)),
      nextCursor: null,
    };
  });
});

const renderTab = () => {
  render(<CustomersTab api={createCustomersApi(server.baseUrl)} />);
  return userEvent.setup();
};

describe('CustomersTab', () => {
  it('says "Many minor wounds" in words beside a flagged customer, and only there', async () => {
    renderTab();
    const link = await screen.findByRole('link', { name: 'Harbor Books' });
    expect(link.getAttribute('href')).toBe('/customers/harbor');
    const flagged = screen.getByRole('row', { name: /Harbor Books/ });
    expect(within(flagged).getByText('Many minor wounds')).toBeTruthy();
    expect(
      within(flagged)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Harbor BooksMany minor wounds', '4', '2', expect.stringMatching(/2026/)]);
    expect(screen.getAllByText('Many minor wounds')).toHaveLength(1);
    const quiet = screen.getByRole('row', { name: /Quill & Co/ });
    expect(within(quiet).queryByText('Many minor wounds')).toBeNull();
    expect(within(screen.getByRole('row', { name: /Newcomer/ })).getByText('None')).toBeTruthy();
  });

  it('filters by name: `name` in the URL, `q` to the server', async () => {
    const user = renderTab();
    await screen.findByRole('link', { name: 'Quill & Co' });
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'harb');
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Quill & Co' })).toBeNull());
    expect(window.location.search).toBe('?tab=customers&name=harb');
    expect(server.requestsTo('/api/customers').at(-1)!.searchParams.get('q')).toBe('harb');
    expect(screen.getByRole('link', { name: 'Harbor Books' })).toBeTruthy();
  });

  it('says so when no customer has that name', async () => {
    openAt('/?tab=customers&name=zebra');
    renderTab();
    expect(await screen.findByText('No customer has that name.')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe('zebra');
  });
});
