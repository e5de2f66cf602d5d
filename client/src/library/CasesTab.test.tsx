import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCasesApi } from '../api/casesApi';
import { CasesTab } from './CasesTab';
import { openAt, startContractServer, StatusBody, type ContractServer } from './contractServer';
import { caseRow } from './testRows';

let server: ContractServer;

beforeAll(async () => {
  server = await startContractServer();
});
afterAll(() => server.close());

beforeEach(() => {
  server.requests.length = 0;
  openAt('/?tab=cases');
  server.routes.set('/api/cases', (url) => {
    const severity = url.searchParams.get('severity');
    const all = [
      caseRow({
        id: 'c1',
        summary: 'Charged twice for one book',
        severity: 'high',
        externalRef: 'ZD-1042',
        customer: { id: 'harbor', name: 'Harbor Books' },
      }),
      caseRow({ id: 'c2', summary: 'Call never answered', severity: 'low' }),
    ];
    return { cases: all.filter((c) => !severity || c.severity === severity), nextCursor: null };
  });
});

const renderTab = () => {
  render(<CasesTab api={createCasesApi(server.baseUrl)} />);
  return userEvent.setup();
};

describe('CasesTab', () => {
  it('lists cases with links to the case and to its customer', async () => {
    renderTab();
    const summary = await screen.findByRole('link', { name: 'Charged twice for one book' });
    expect(summary.getAttribute('href')).toBe('/cases/c1');
    const row = screen.getByRole('row', { name: /Charged twice/ });
    expect(within(row).getByRole('link', { name: 'Harbor Books' }).getAttribute('href')).toBe(
      '/customers/harbor',
    );
    expect(within(row).getByText('High')).toBeTruthy();
    expect(within(row).getByText('Open')).toBeTruthy();
    expect(within(row).getByText('ZD-1042')).toBeTruthy();
  });

  it('filters by severity in the URL and in the request', async () => {
    const user = renderTab();
    await screen.findByRole('link', { name: 'Call never answered' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Severity' }), 'high');
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'Call never answered' })).toBeNull(),
    );
    expect(new URLSearchParams(window.location.search).get('severity')).toBe('high');
    expect(server.requestsTo('/api/cases').at(-1)!.searchParams.get('severity')).toBe('high');
    expect(screen.getByRole('link', { name: 'Charged twice for one book' })).toBeTruthy();
  });

  it('reads status, severity, owner and sort from a shared link', async () => {
    openAt('/?tab=cases&status=open&severity=high&owner=Dana&sort=-severity');
    renderTab();
    await screen.findByRole('link', { name: 'Charged twice for one book' });
    const sent = server.requestsTo('/api/cases')[0]!.searchParams;
    expect(Object.fromEntries(sent)).toEqual({
      status: 'open',
      severity: 'high',
      owner: 'Dana',
      sort: '-severity',
    });
    expect((screen.getByRole('combobox', { name: 'Sort by' }) as HTMLSelectElement).value).toBe(
      '-severity',
    );
    expect((screen.getByRole('textbox', { name: 'Owner' }) as HTMLInputElement).value).toBe('Dana');
  });

  it('sends the owner once typing pauses, not once per letter', async () => {
    const user = renderTab();
    await screen.findByRole('link', { name: 'Call never answered' });
    const before = server.requestsTo('/api/cases').length;
    await user.type(screen.getByRole('textbox', { name: 'Owner' }), 'Dana');
    await waitFor(() => expect(window.location.search).toContain('owner=Dana'));
    await waitFor(() => expect(server.requestsTo('/api/cases').length).toBe(before + 1));
    expect(server.requestsTo('/api/cases').at(-1)!.searchParams.get('owner')).toBe('Dana');
  });

  it('sorts by what the user picks', async () => {
    const user = renderTab();
    await screen.findByRole('link', { name: 'Call never answered' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Most severe');
    await waitFor(() =>
      expect(server.requestsTo('/api/cases').at(-1)!.searchParams.get('sort')).toBe('-severity'),
    );
    expect(window.location.search).toBe('?tab=cases&sort=-severity');
  });

  it("shows the server's refusal", async () => {
    server.routes.set(
      '/api/cases',
      () => new StatusBody(400, { error: 'Owner is too long.', code: 'too_long', field: 'owner' }),
    );
    renderTab();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not load the cases: Owner is too long.',
    );
  });
});
