import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openAt, startContractServer, type ContractServer } from './contractServer';
import { LibraryPage } from './LibraryPage';
import { caseRow, customerRow } from './testRows';

let server: ContractServer;

beforeAll(async () => {
  server = await startContractServer();
});
afterAll(() => server.close());

beforeEach(() => {
  server.requests.length = 0;
  openAt('/');
  server.routes.set('/api/analyses', () => ({ analyses: [], nextCursor: null }));
  server.routes.set('/api/cases', () => ({
    cases: [caseRow({ id: 'c1', summary: 'Charged twice for one book' })],
    nextCursor: null,
  }));
  server.routes.set('/api/customers', () => ({
    customers: [customerRow({ id: 'harbor', name: 'Harbor Books' })],
    nextCursor: null,
  }));
  server.routes.set('/api/actions', () => ({ actions: [], nextCursor: null }));
});

const renderPage = () => {
  render(<LibraryPage baseUrl={server.baseUrl} />);
  return userEvent.setup();
};

describe('LibraryTabs', () => {
  it('offers the four tabs, Analyses selected at first', () => {
    renderPage();
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual([
      'Analyses',
      'Cases',
      'Customers',
      'Actions',
    ]);
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('Analyses');
    expect(screen.getByRole('tabpanel', { name: 'Analyses' })).toBeTruthy();
    expect(tabs.map((tab) => tab.tabIndex)).toEqual([0, -1, -1, -1]);
  });

  it('switches tab on click, puts it in the URL and starts from that tab’s defaults', async () => {
    openAt('/?status=closed');
    const user = renderPage();
    await user.click(screen.getByRole('tab', { name: 'Cases' }));
    expect(window.location.search).toBe('?tab=cases');
    expect(screen.getByRole('tabpanel', { name: 'Cases' })).toBeTruthy();
    await screen.findByRole('link', { name: 'Charged twice for one book' });
    expect(server.requestsTo('/api/cases')[0]!.search).toBe('');
    await user.click(screen.getByRole('tab', { name: 'Analyses' }));
    expect(window.location.search).toBe('');
  });

  it('opens the tab a shared link names', async () => {
    openAt('/?tab=customers');
    renderPage();
    expect(screen.getByRole('tab', { name: 'Customers', selected: true })).toBeTruthy();
    await screen.findByRole('link', { name: 'Harbor Books' });
  });

  it('moves between tabs with the arrow keys, Home and End', async () => {
    const user = renderPage();
    await user.click(screen.getByRole('tab', { name: 'Analyses' }));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Cases', selected: true }));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(
      screen.getByRole('tab', { name: 'Actions', selected: true }),
    );
    expect(window.location.search).toBe('?tab=actions');
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('Analyses');
    await user.keyboard('{ArrowLeft}{Home}');
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('Analyses');
  });

  it('follows back and forward between tabs', async () => {
    const user = renderPage();
    await user.click(screen.getByRole('tab', { name: 'Customers' }));
    await screen.findByRole('link', { name: 'Harbor Books' });
    window.history.back();
    await waitFor(() =>
      expect(screen.getByRole('tab', { selected: true }).textContent).toBe('Analyses'),
    );
  });

  it('"New case" goes to the new case form', async () => {
    const user = renderPage();
    await user.click(screen.getByRole('button', { name: 'New case' }));
    expect(window.location.pathname).toBe('/cases/new');
  });
});
