import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  EXPORT_VERSION,
  exportAnalysisJson,
  importAnalysisJson,
  makeOrigin,
  readAnalysis,
  writeSampleAnalysis,
} from '@whychain/shared';
import { ImportButton } from './ImportButton';

/**
 * A real HTTP server answering `POST /api/import` as the server's route does: the shared importer
 * decides, so a refusal carries its real words.
 */
const received: unknown[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += String(chunk)));
    request.on('end', () => {
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.url !== '/api/import' || request.method !== 'POST') {
        send(404, { error: 'Not found', code: 'not_found' });
        return;
      }
      const body: unknown = JSON.parse(text);
      received.push(body);
      const result = importAnalysisJson(new Y.Doc(), body, makeOrigin('server', 'test'));
      if (result.ok) send(201, { id: 'imported1' });
      else send(400, { error: result.reason, code: result.code, field: result.field });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  received.length = 0;
  window.history.replaceState(null, '', '/');
});

function sampleExport() {
  const doc = new Y.Doc();
  writeSampleAnalysis(doc, makeOrigin('local', 'Ana'));
  return exportAnalysisJson({ id: 'source1', snapshot: readAnalysis(doc), caseIds: [] });
}

function jsonFile(name: string, value: unknown): File {
  return new File([JSON.stringify(value)], name, { type: 'application/json' });
}

describe('ImportButton', () => {
  it('sends a picked export to the server and opens the new analysis', async () => {
    const user = userEvent.setup();
    render(<ImportButton baseUrl={baseUrl} />);
    expect(screen.getByRole('button', { name: 'Import' })).toBeTruthy();
    const exported = sampleExport();
    await user.upload(
      screen.getByLabelText('Import analysis (JSON)'),
      jsonFile('sample.json', exported),
    );
    await waitFor(() => expect(window.location.pathname).toBe('/a/imported1'));
    expect(received).toEqual([JSON.parse(JSON.stringify(exported))]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the server’s reason when the export comes from a newer version', async () => {
    const user = userEvent.setup();
    render(<ImportButton baseUrl={baseUrl} />);
    await user.upload(
      screen.getByLabelText('Import analysis (JSON)'),
      jsonFile('newer.json', { ...sampleExport(), version: 99 }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      `This export comes from a newer Whychain (version 99); this one reads up to ${EXPORT_VERSION}.`,
    );
    expect(window.location.pathname).toBe('/');
  });

  it('says so when the file is not JSON, without asking the server', async () => {
    const user = userEvent.setup();
    render(<ImportButton baseUrl={baseUrl} />);
    await user.upload(
      screen.getByLabelText('Import analysis (JSON)'),
      new File(['# not json'], 'notes.json', { type: 'application/json' }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('notes.json is not a JSON file');
    expect(received).toEqual([]);
  });
});
