import { render, screen } from '@testing-library/react';
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

const summary = (id: string, title: string, status = 'draft') => ({
  id,
  title,
  status,
  problem: '',
  rootCauses: [],
  whyCount: 0,
  openActions: 0,
  overdueActions: 0,
  owners: [],
  caseIds: [],
  createdAt: 0,
  updatedAt: Date.UTC(2026, 2, 2, 10),
});

beforeEach(() => {
  openAt('/');
  server.routes.set('/api/analyses', () => ({
    analyses: [
      summary('book', 'Customers overcharged'),
      summary('late', 'Late deliveries'),
      summary('calls', 'Unanswered calls', 'closed'),
    ],
    nextCursor: null,
  }));
});

/** The address a download link points at, as the bulk export route reads it. */
const target = (name: string) => {
  const href = screen.getByRole('link', { name }).getAttribute('href')!;
  const url = new URL(href, 'http://localhost');
  return { path: url.pathname, query: Object.fromEntries(url.searchParams) };
};

describe('bulk export from the Analyses tab', () => {
  it('downloads the ticked analyses as one ZIP in the chosen format', async () => {
    render(<AnalysesTab api={createAnalysesApi(server.baseUrl)} />);
    const user = userEvent.setup();
    await screen.findByRole('link', { name: 'Late deliveries' });
    expect(
      (screen.getByRole('button', { name: 'Export selected' }) as HTMLButtonElement).disabled,
    ).toBe(true);

    await user.click(screen.getByRole('checkbox', { name: 'Select Customers overcharged' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Unanswered calls' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Format' }), 'Markdown (.md)');
    const link = screen.getByRole('link', { name: 'Export selected (2)' });
    expect(link.hasAttribute('download')).toBe(true);
    expect(target('Export selected (2)')).toEqual({
      path: '/api/analyses/export',
      query: { format: 'md', ids: 'book,calls' },
    });

    await user.click(screen.getByRole('checkbox', { name: 'Select Customers overcharged' }));
    expect(target('Export selected (1)').query.ids).toBe('calls');
  });

  it('downloads all the list shows, with its filters', async () => {
    openAt('/?status=closed&sort=title');
    render(<AnalysesTab api={createAnalysesApi(server.baseUrl)} />);
    const user = userEvent.setup();
    await screen.findByRole('link', { name: 'Late deliveries' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Format' }), 'Actions (.csv)');
    expect(target('Export all shown')).toEqual({
      path: '/api/analyses/export',
      query: { format: 'csv', table: 'actions', status: 'closed', sort: 'title' },
    });
  });
});
