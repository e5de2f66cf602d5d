import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSeenBeforeApi, type SeenBeforeMatch } from '../api/seenBeforeApi';
import { SEEN_BEFORE_DELAY_MS, SeenBefore } from './SeenBefore';

/** A tiny real HTTP server for `GET /api/seen-before`, recording what it was asked. */
let matches: SeenBeforeMatch[] = [];
const asked: { text: string | null; analysisId: string | null; at: number }[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    response.setHeader('content-type', 'application/json');
    if (url.pathname !== '/api/seen-before') {
      response.statusCode = 404;
      response.end('{}');
      return;
    }
    asked.push({
      text: url.searchParams.get('text'),
      analysisId: url.searchParams.get('analysisId'),
      at: Date.now(),
    });
    response.end(JSON.stringify({ matches }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  asked.length = 0;
  matches = [];
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const match = (analysisId: string, title: string, status: string, caseIds: string[]) => ({
  analysisId,
  analysisTitle: title,
  status,
  whyId: `why-${analysisId}`,
  text: 'Nobody checks the invoice total before it is sent',
  caseIds,
});

describe('SeenBefore', () => {
  it('asks once, after typing pauses, with the last text and this analysis', async () => {
    const api = createSeenBeforeApi(baseUrl);
    const typed = ['Nobody', 'Nobody checks', 'Nobody checks the', 'Nobody checks the invoice'];
    const { rerender } = render(<SeenBefore text={typed[0]!} analysisId="own" api={api} />);
    for (const text of typed.slice(1)) {
      await sleep(150);
      rerender(<SeenBefore text={text} analysisId="own" api={api} />);
    }
    const stopped = Date.now();
    await sleep(SEEN_BEFORE_DELAY_MS / 2);
    expect(asked).toHaveLength(0);
    await waitFor(() => expect(asked).toHaveLength(1), { timeout: 2000 });
    expect(asked[0]).toMatchObject({ text: 'Nobody checks the invoice', analysisId: 'own' });
    expect(asked[0]!.at - stopped).toBeGreaterThanOrEqual(SEEN_BEFORE_DELAY_MS - 50);
    await sleep(SEEN_BEFORE_DELAY_MS);
    expect(asked).toHaveLength(1);
  });

  it('does not ask about fewer than three words', async () => {
    render(<SeenBefore text="Invoice wrong" analysisId="own" api={createSeenBeforeApi(baseUrl)} />);
    await sleep(SEEN_BEFORE_DELAY_MS + 300);
    expect(asked).toHaveLength(0);
  });

  it('shows nothing at all when nothing matches', async () => {
    const { container } = render(
      <SeenBefore
        text="The invoice total is never checked"
        analysisId="own"
        api={createSeenBeforeApi(baseUrl)}
      />,
    );
    await waitFor(() => expect(asked).toHaveLength(1), { timeout: 2000 });
    await sleep(100);
    expect(container.innerHTML).toBe('');
    expect(screen.queryByText('Seen before')).toBeNull();
  });

  it('lists the matching root causes as links with status and linked cases', async () => {
    matches = [
      match('a1', 'Double billing in March', 'closed', ['c1', 'c2']),
      match('a2', 'Refunds paid twice', 'in_review', ['c3']),
    ];
    render(
      <SeenBefore
        text="The invoice total is never checked"
        analysisId="own"
        api={createSeenBeforeApi(baseUrl)}
      />,
    );
    const box = await screen.findByRole(
      'complementary',
      { name: 'Seen before' },
      { timeout: 2000 },
    );
    const items = within(box).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const first = within(items[0]!).getByRole('link', { name: 'Double billing in March' });
    expect(first.getAttribute('href')).toBe('/a/a1');
    expect(within(items[0]!).getByText('Closed')).toBeTruthy();
    expect(within(items[0]!).getByText(/2 linked cases/)).toBeTruthy();
    expect(within(items[1]!).getByText('In review')).toBeTruthy();
    expect(within(items[1]!).getByText(/1 linked case$/)).toBeTruthy();
    expect(within(items[1]!).getByText(/Nobody checks the invoice total/)).toBeTruthy();
  });

  it('hides the list again when the why is cut below three words', async () => {
    matches = [match('a1', 'Double billing in March', 'draft', [])];
    const api = createSeenBeforeApi(baseUrl);
    const { rerender } = render(
      <SeenBefore text="The invoice total is never checked" analysisId="own" api={api} />,
    );
    await screen.findByRole('complementary', { name: 'Seen before' }, { timeout: 2000 });
    rerender(<SeenBefore text="The invoice" analysisId="own" api={api} />);
    expect(screen.queryByRole('complementary', { name: 'Seen before' })).toBeNull();
  });
});
