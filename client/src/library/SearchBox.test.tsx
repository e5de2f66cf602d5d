import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openAt, startContractServer, type ContractServer } from './contractServer';
import { LibraryPage } from './LibraryPage';

let server: ContractServer;

beforeAll(async () => {
  server = await startContractServer();
});
afterAll(() => server.close());

const hits = [
  {
    kind: 'why',
    id: 'w5',
    analysisId: 'book',
    title: 'Customers overcharged',
    field: 'text',
    snippet: 'The old \u0002manager\u0003 left before the new \u0002manager\u0003 came',
  },
  {
    kind: 'case',
    id: 'c1',
    caseId: 'c1',
    title: 'Charged twice for one book',
    field: 'description',
    snippet: 'asked for the \u0002manager\u0003 twice',
  },
  {
    kind: 'customer',
    id: 'harbor',
    title: 'Manager Books',
    field: 'name',
    snippet: '\u0002Manager\u0003 Books',
  },
];

beforeEach(() => {
  server.requests.length = 0;
  openAt('/');
  server.routes.set('/api/analyses', () => ({ analyses: [], nextCursor: null }));
  server.routes.set('/api/search', (url) => ({
    results: url.searchParams.get('q') === 'manager' ? hits : [],
  }));
});

const renderPage = () => {
  render(<LibraryPage baseUrl={server.baseUrl} />);
  return userEvent.setup();
};

describe('SearchBox', () => {
  it('asks the server once typing pauses, not once per letter', async () => {
    const user = renderPage();
    await user.type(screen.getByRole('textbox', { name: 'Search' }), 'manager');
    // userEvent types a letter every few ms, well inside the 200 ms pause.
    expect(server.requestsTo('/api/search')).toHaveLength(0);
    await screen.findByRole('heading', { name: 'Search results' });
    await screen.findByRole('link', { name: 'Charged twice for one book' });
    expect(server.requestsTo('/api/search').map((url) => url.searchParams.get('q'))).toEqual([
      'manager',
    ]);
    expect(window.location.search).toBe('?q=manager');
  });

  it('marks each match with <mark> and links every hit to where it lives', async () => {
    openAt('/?q=manager');
    renderPage();
    const whys = within(await screen.findByRole('region', { name: 'Whys' }));
    const why = whys.getByRole('listitem');
    expect([...why.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual([
      'manager',
      'manager',
    ]);
    expect(why.textContent).toContain('The old manager left before the new manager came');
    expect(why.textContent).not.toContain('\u0002');
    expect(why.textContent).not.toContain('\u0003');
    expect(whys.getByRole('link', { name: 'Customers overcharged' }).getAttribute('href')).toBe(
      '/a/book',
    );
    const cases = within(screen.getByRole('region', { name: 'Cases' }));
    expect(
      cases.getByRole('link', { name: 'Charged twice for one book' }).getAttribute('href'),
    ).toBe('/cases/c1');
    expect(cases.getByText('Case · description')).toBeTruthy();
    const customers = within(screen.getByRole('region', { name: 'Customers' }));
    expect(customers.getByRole('link', { name: 'Manager Books' }).getAttribute('href')).toBe(
      '/customers/harbor',
    );
    expect(screen.getByText('3 matches for “manager”')).toBeTruthy();
    // The tabs make room for the results while a query is on.
    expect(screen.queryByRole('tablist')).toBeNull();
  });

  it('says when nothing matches', async () => {
    openAt('/?q=zebra');
    renderPage();
    expect(await screen.findByText('Nothing matches “zebra”.')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Search' }) as HTMLInputElement).value).toBe(
      'zebra',
    );
  });

  it('Escape clears the search and brings the tabs back', async () => {
    openAt('/?tab=cases&q=manager');
    server.routes.set('/api/cases', () => ({ cases: [], nextCursor: null }));
    const user = renderPage();
    await screen.findByRole('link', { name: 'Manager Books' });
    await user.click(screen.getByRole('textbox', { name: 'Search' }));
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.getByRole('tab', { name: 'Cases', selected: true })).toBeTruthy(),
    );
    expect(window.location.search).toBe('?tab=cases');
    expect((screen.getByRole('textbox', { name: 'Search' }) as HTMLInputElement).value).toBe('');
  });
});
