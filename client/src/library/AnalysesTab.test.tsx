import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnalysesApi } from '../api/analysesApi';
import { AnalysesTab } from './AnalysesTab';
import { openAt, startContractServer, type ContractServer } from './contractServer';

let server: ContractServer;

beforeAll(async () => {
  server = await startContractServer();
});
afterAll(() => server.close());

const summary = (id: string, title: string, fields: Record<string, unknown> = {}) => ({
  id,
  title,
  status: 'draft',
  problem: '',
  rootCauses: [],
  whyCount: 0,
  openActions: 0,
  overdueActions: 0,
  owners: [],
  caseIds: [],
  createdAt: 0,
  updatedAt: Date.UTC(2026, 2, 2, 10),
  ...fields,
});

/** 5 analyses, 2 per page, the cursor being the index of the next row. */
const all = [
  summary('book', 'Customers overcharged', {
    status: 'in_review',
    rootCauses: [{ id: 'w5', text: 'The old manager left before ordering', category: 'People' }],
    openActions: 3,
    overdueActions: 1,
    caseIds: ['c1', 'c2'],
  }),
  summary('late', 'Late deliveries'),
  summary('calls', 'Unanswered calls', { status: 'closed' }),
  summary('shuffle', 'Shuffled between departments'),
  summary('refund', 'Refund took a month'),
];

beforeEach(() => {
  server.requests.length = 0;
  openAt('/');
  server.routes.set('/api/analyses', (url) => {
    const status = url.searchParams.get('status');
    const rows = all.filter((a) => !status || a.status === status);
    const from = Number(url.searchParams.get('cursor') ?? 0);
    const next = from + 2 < rows.length ? String(from + 2) : null;
    return { analyses: rows.slice(from, from + 2), nextCursor: next };
  });
});

const renderTab = () => {
  render(<AnalysesTab api={createAnalysesApi(server.baseUrl)} />);
  return userEvent.setup();
};

describe('AnalysesTab', () => {
  it('shows root causes as text, open and overdue actions and the linked cases', async () => {
    renderTab();
    const row = within(await screen.findByRole('row', { name: /Customers overcharged/ }));
    expect(row.getByRole('link', { name: 'Customers overcharged' }).getAttribute('href')).toBe(
      '/a/book',
    );
    expect(row.getByText('In review')).toBeTruthy();
    expect(row.getByText('The old manager left before ordering')).toBeTruthy();
    expect(row.getByText('3 open')).toBeTruthy();
    expect(row.getByText('1 overdue').className).toBe('wc-lib-overdue');
    expect(row.getAllByRole('cell')[4]!.textContent).toBe('2');
    const plain = within(screen.getByRole('row', { name: /Late deliveries/ }));
    expect(plain.getByText('None marked')).toBeTruthy();
    expect(plain.getByText('None open')).toBeTruthy();
  });

  it('loads the next page with the cursor and keeps the page count in the URL', async () => {
    const user = renderTab();
    await screen.findByRole('link', { name: 'Late deliveries' });
    expect(screen.queryByRole('link', { name: 'Unanswered calls' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByRole('link', { name: 'Unanswered calls' });
    expect(server.requestsTo('/api/analyses').at(-1)!.searchParams.get('cursor')).toBe('2');
    await waitFor(() => expect(window.location.search).toBe('?pages=2'));
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByRole('link', { name: 'Refund took a month' });
    expect(screen.getAllByRole('row')).toHaveLength(6);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    await waitFor(() => expect(window.location.search).toBe('?pages=3'));
  });

  it('shows as many pages as a shared link asks for', async () => {
    openAt('/?pages=2');
    renderTab();
    await screen.findByRole('link', { name: 'Shuffled between departments' });
    expect(screen.getAllByRole('row')).toHaveLength(5);
    expect(screen.getByRole('button', { name: 'Load more' })).toBeTruthy();
  });

  it('filters by status from the first page again', async () => {
    openAt('/?pages=2');
    const user = renderTab();
    await screen.findByRole('link', { name: 'Shuffled between departments' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Closed');
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    expect(screen.getByRole('link', { name: 'Unanswered calls' })).toBeTruthy();
    expect(window.location.search).toBe('?status=closed');
    const last = server.requestsTo('/api/analyses').at(-1)!.searchParams;
    expect([last.get('status'), last.get('cursor')]).toEqual(['closed', null]);
  });

  it('says so when no analysis matches the filters', async () => {
    openAt('/?status=closed');
    server.routes.set('/api/analyses', () => ({ analyses: [], nextCursor: null }));
    renderTab();
    expect(await screen.findByText('No analyses match these filters.')).toBeTruthy();
  });
});
