import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnalysesApi } from '../api/analysesApi';
import { LibraryPage } from './LibraryPage';

interface Row {
  id: string;
  title: string;
  status: string;
  updatedAt: number;
}

/** A tiny real HTTP server speaking the library's part of the server contract. */
const rows: Row[] = [];
const posted: unknown[] = [];
let server: Server;
let baseUrl: string;

async function readJson(request: IncomingMessage): Promise<unknown> {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return JSON.parse(body || 'null');
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.url === '/api/analyses' && request.method === 'GET') {
      send(200, { analyses: rows });
    } else if (request.url === '/api/analyses' && request.method === 'POST') {
      void readJson(request).then((input) => {
        posted.push(input);
        const { title } = input as { title?: string };
        if (!title?.trim()) send(400, { error: 'Title is required.' });
        else if (title.includes('<')) send(400, { error: 'Titles cannot contain angle brackets.' });
        else send(201, { id: 'created123' });
      });
    } else {
      send(404, { error: 'Not found' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  rows.length = 0;
  posted.length = 0;
});

function renderLibrary() {
  const user = userEvent.setup();
  render(<LibraryPage api={createAnalysesApi(baseUrl)} />);
  return { user };
}

describe('LibraryPage', () => {
  it('lists the analyses with a link to each editor', async () => {
    rows.push(
      { id: 'book123', title: 'Customers overcharged', status: 'draft', updatedAt: Date.now() },
      { id: 'late456', title: 'Late deliveries', status: 'in_review', updatedAt: Date.now() },
    );
    renderLibrary();
    const link = await screen.findByRole('link', { name: 'Customers overcharged' });
    expect(link.getAttribute('href')).toBe('/a/book123');
    const row = screen.getByRole('row', { name: /Late deliveries/ });
    expect(within(row).getByText('In review')).toBeTruthy();
  });

  it('says so when there are no analyses yet', async () => {
    renderLibrary();
    expect(await screen.findByText(/No analyses yet/)).toBeTruthy();
  });

  it('opens the editor of a listed analysis without reloading the page', async () => {
    rows.push({ id: 'book123', title: 'Customers overcharged', status: 'draft', updatedAt: 0 });
    const { user } = renderLibrary();
    await user.click(await screen.findByRole('link', { name: 'Customers overcharged' }));
    expect(window.location.pathname).toBe('/a/book123');
  });

  it('asks for a title before sending anything', async () => {
    const { user } = renderLibrary();
    await user.click(screen.getByRole('button', { name: 'New analysis' }));
    await user.type(screen.getByRole('textbox', { name: 'Problem statement' }), 'Why?');
    await user.click(screen.getByRole('button', { name: 'Create analysis' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Title is required.');
    expect(posted).toEqual([]);
  });

  it("shows the server's message when it refuses the analysis", async () => {
    const { user } = renderLibrary();
    await user.click(screen.getByRole('button', { name: 'New analysis' }));
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Bad <title>');
    await user.click(screen.getByRole('button', { name: 'Create analysis' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Titles cannot contain angle brackets.',
    );
    expect(window.location.pathname).toBe('/');
  });

  it('creates the analysis and goes to its editor', async () => {
    const { user } = renderLibrary();
    await user.click(screen.getByRole('button', { name: 'New analysis' }));
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Angry customers');
    await user.type(
      screen.getByRole('textbox', { name: 'Problem statement' }),
      'Why are the customers angry?',
    );
    await user.click(screen.getByRole('button', { name: 'Create analysis' }));
    await waitFor(() => expect(window.location.pathname).toBe('/a/created123'));
    expect(posted).toEqual([{ title: 'Angry customers', problem: 'Why are the customers angry?' }]);
  });

  it('reports a server that cannot be reached', async () => {
    render(<LibraryPage api={createAnalysesApi('http://127.0.0.1:9')} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Could not reach the server/);
  });
});
