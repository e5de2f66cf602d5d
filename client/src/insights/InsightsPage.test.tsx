import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createInsightsApi, type Insights } from '../api/insightsApi';
import { InsightsPage } from './InsightsPage';
import { formatMoney } from './stakesByCurrency';

/** A tiny real HTTP server answering `GET /api/insights` with whatever the test sets. */
let payload: Insights;
const asked: URLSearchParams[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    response.setHeader('content-type', 'application/json');
    if (url.pathname === '/api/insights') {
      asked.push(url.searchParams);
      response.end(JSON.stringify(payload));
    } else {
      response.statusCode = 404;
      response.end(JSON.stringify({ error: 'Not found', code: 'not_found' }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const cause = (
  analysisId: string,
  text: string,
  caseCount: number,
  stakes: { currency: string; amount: number }[],
  category: string | null = 'Process',
) => ({
  analysisId,
  analysisTitle: `Analysis ${analysisId}`,
  whyId: `w-${text}`,
  text,
  category,
  caseCount,
  stakes,
});

beforeEach(() => {
  asked.length = 0;
  payload = {
    // Deliberately not in order: the page sorts them most first.
    categories: [
      { category: 'Training', count: 2 },
      { category: 'Process', count: 5 },
      { category: 'Uncategorized', count: 1 },
      { category: 'Equipment', count: 2 },
    ],
    rootCauses: [
      cause('a1', 'No check of the invoice total', 4, [{ currency: 'EUR', amount: 1200 }]),
      cause('a2', 'Scanner firmware never updated', 1, [
        { currency: 'USD', amount: 5000 },
        { currency: 'EUR', amount: 300 },
      ]),
      cause('a3', 'Nobody owns the returns queue', 2, [{ currency: 'USD', amount: 700 }], null),
    ],
    recurring: [
      {
        text: 'No check of the invoice total',
        analyses: [
          {
            analysisId: 'a1',
            analysisTitle: 'Analysis a1',
            whyId: 'w1',
            text: 'No check of the invoice total',
          },
          {
            analysisId: 'a4',
            analysisTitle: 'Double billing in March',
            whyId: 'w9',
            text: 'Invoice totals are never checked',
          },
        ],
      },
    ],
    actionsByOwner: [
      { owner: 'Dana', open: 4, overdue: 1 },
      { owner: 'Lee', open: 2, overdue: 2 },
    ],
    recovery: {
      acknowledgeMs: (2 * 60 + 10) * 60_000,
      resolveMs: 3 * 86_400_000 + 4 * 3_600_000,
      confirmMs: null,
      cases: 7,
    },
  };
});

function renderPage() {
  const user = userEvent.setup();
  render(<InsightsPage api={createInsightsApi(baseUrl)} chartWidth={900} />);
  return { user };
}

/** The axis labels among `names`, in the order the chart draws them. */
const axisLabels = (chart: Element, names: string[]) =>
  [...chart.querySelectorAll('.recharts-cartesian-axis-tick-value')]
    .map((tick) => tick.textContent)
    .filter((text) => names.includes(text));

const section = (name: string) => screen.getByRole('region', { name });

describe('InsightsPage', () => {
  it('draws the Pareto bars most first and gives the cumulative share in its table', async () => {
    renderPage();
    const table = await screen.findByRole('table', { name: /Root causes by category/ });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        [within(row).getByRole('rowheader'), ...within(row).getAllByRole('cell')].map(
          (cell) => cell.textContent,
        ),
      );
    // 5 + 2 + 2 + 1 = 10: 50%, 70%, 90%, 100%; equal counts in name order.
    expect(rows).toEqual([
      ['Process', '5', '50%'],
      ['Equipment', '2', '70%'],
      ['Training', '2', '90%'],
      ['Uncategorized', '1', '100%'],
    ]);
    // The drawing itself: one bar per category and the category names on the axis, in order.
    const chart = section('Root causes by category').querySelector('.wc-insights__chart')!;
    await waitFor(() => expect(chart.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(4));
    expect(axisLabels(chart, ['Process', 'Equipment', 'Training', 'Uncategorized'])).toEqual([
      'Process',
      'Equipment',
      'Training',
      'Uncategorized',
    ]);
    expect(chart.querySelectorAll('.recharts-line-curve')).toHaveLength(1);
    expect(chart.querySelectorAll('.recharts-line-dot')).toHaveLength(4);
  });

  it('hides the drawings from screen readers, which read the tables, and shows a table on request', async () => {
    const { user } = renderPage();
    const pareto = await screen.findByRole('region', { name: 'Root causes by category' });
    const chart = pareto.querySelector('.wc-insights__chart')!;
    expect(chart.getAttribute('aria-hidden')).toBe('true');
    expect(within(pareto).getByRole('table').closest('.wc-visually-hidden')).not.toBeNull();

    await user.click(within(pareto).getByRole('button', { name: 'Show as table' }));
    expect(
      within(pareto).getByRole('button', { name: 'Show as table' }).getAttribute('aria-pressed'),
    ).toBe('true');
    expect(pareto.querySelector('.wc-insights__chart')).toBeNull();
    expect(within(pareto).getByRole('table').closest('.wc-visually-hidden')).toBeNull();
  });

  it('ranks root causes by linked cases, with links to their analyses', async () => {
    renderPage();
    const table = await screen.findByRole('table', { name: /number of customer cases/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('link').textContent)).toEqual([
      'No check of the invoice total',
      'Nobody owns the returns queue',
      'Scanner firmware never updated',
    ]);
    expect(within(rows[0]!).getByRole('link').getAttribute('href')).toBe('/a/a1');
    expect(within(rows[0]!).getByRole('cell').textContent).toBe('4');
  });

  it('ranks money at stake per currency and never adds currencies together', async () => {
    renderPage();
    const stakes = await screen.findByRole('region', { name: 'Root causes by money at stake' });
    const eur = within(stakes).getByRole('table', { name: 'At stake in EUR' });
    const usd = within(stakes).getByRole('table', { name: 'At stake in USD' });
    const amounts = (table: HTMLElement) =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => [
          within(row).getByRole('link').textContent,
          within(row).getByRole('cell').textContent,
        ]);
    expect(amounts(eur)).toEqual([
      ['No check of the invoice total', formatMoney(1200, 'EUR')],
      ['Scanner firmware never updated', formatMoney(300, 'EUR')],
    ]);
    expect(amounts(usd)).toEqual([
      ['Scanner firmware never updated', formatMoney(5000, 'USD')],
      ['Nobody owns the returns queue', formatMoney(700, 'USD')],
    ]);
    // 5,300 would be EUR and USD added up.
    expect(stakes.textContent).not.toContain('5,300');
  });

  it('groups recurring root causes with a link to each analysis', async () => {
    renderPage();
    const recurring = await screen.findByRole('region', { name: 'Recurring root causes' });
    expect(within(recurring).getByText(/in 2 analyses/)).toBeTruthy();
    const links = within(recurring).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Analysis a1', '/a/a1'],
      ['Double billing in March', '/a/a4'],
    ]);
    expect(within(recurring).getByText(/Invoice totals are never checked/)).toBeTruthy();
  });

  it('charts open and overdue actions by owner, with the figures as a table', async () => {
    renderPage();
    const owners = await screen.findByRole('region', { name: 'Open actions by owner' });
    const table = within(owners).getByRole('table', { name: 'Open and overdue actions by owner' });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(['Dana41', 'Lee22']);
    const chart = owners.querySelector('.wc-insights__chart')!;
    expect(axisLabels(chart, ['Lee', 'Dana'])).toEqual(['Dana', 'Lee']);
    // Stacked: each owner's overdue part in red, one for Dana and one for Lee.
    await waitFor(() =>
      expect(chart.querySelectorAll('.recharts-bar-rectangle path[fill="#b42318"]')).toHaveLength(
        2,
      ),
    );
    expect(within(chart as HTMLElement).getByText('Overdue')).toBeTruthy();
  });

  it('gives the median recovery times in words', async () => {
    renderPage();
    const recovery = await screen.findByRole('region', { name: 'Recovery times' });
    expect(within(recovery).getByText(/over 7 cases/)).toBeTruthy();
    const value = (label: string) =>
      within(recovery).getByText(label).nextElementSibling?.textContent;
    expect(value('To acknowledge')).toBe('2 h 10 min');
    expect(value('To resolve')).toBe('3 d 4 h');
    expect(value('To customer confirmation')).toBe('Not reached yet');
  });

  it('keeps the period in the URL and asks the server for it', async () => {
    window.history.replaceState(null, '', '/insights?from=2026-01-01&to=2026-03-31');
    const { user } = renderPage();
    await screen.findByRole('region', { name: 'Root causes by category' });
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2026-01-01');
    expect(asked.at(-1)?.get('from')).toBe(new Date(2026, 0, 1).toISOString());
    expect(asked.at(-1)?.get('to')).toBe(
      new Date(new Date(2026, 3, 1).getTime() - 1).toISOString(),
    );

    await user.click(screen.getByRole('button', { name: 'All time' }));
    expect(window.location.search).toBe('');
    await waitFor(() => expect(asked.at(-1)?.has('from')).toBe(false));
  });

  it('says plainly when a period has nothing to show', async () => {
    payload = {
      categories: [],
      rootCauses: [],
      recurring: [],
      actionsByOwner: [],
      recovery: { acknowledgeMs: null, resolveMs: null, confirmMs: null, cases: 0 },
    };
    renderPage();
    expect(await screen.findByText('No root cause has been marked in this period.')).toBeTruthy();
    expect(screen.getByText('No customer case was received in this period.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show as table' })).toBeNull();
  });
});
