import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCsv, renderMarkdown, SAMPLE_ANALYSIS, SAMPLE_CUSTOMER } from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { createAnalysisOver, startTestServer, tempDataDir } from '../fixtures/server';
import { apiClient, exportInputOver } from '../fixtures/api';

/** `GET /api/analyses/:id/export`: Markdown and CSV downloads of one analysis and its cases. */
describe('analysis exports over HTTP', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  let sampleId: string;
  const call = apiClient(() => server.url);
  const download = (path: string) => fetch(`${server.url}${path}`);

  beforeAll(async () => {
    data = tempDataDir();
    server = await startTestServer(data.dir, { seedSample: true });
    const list = await call('GET', '/api/analyses');
    sampleId = (list.body.analyses as { id: string; title: string }[]).find(
      (a) => a.title === SAMPLE_ANALYSIS.title,
    )!.id;
  });
  afterAll(async () => {
    await server.close();
    data.cleanup();
  });

  const expectedInput = (id: string) => exportInputOver(call, id);

  it('downloads the Markdown report named after the title, with its linked case', async () => {
    const res = await download(`/api/analyses/${sampleId}/export?format=md`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="customers-overcharged-for-the-book.md"',
    );
    const body = await res.text();
    expect(body).toBe(renderMarkdown(await expectedInput(sampleId)));
    expect(body.startsWith(`# ${SAMPLE_ANALYSIS.title}\n`)).toBe(true);
    expect(body).toContain(`| ${SAMPLE_CUSTOMER} |`);
    expect(body).toContain(`**Why 5:** ${SAMPLE_ANALYSIS.whys[4]} · **Root cause**`);
  });

  it('downloads the actions and the whys as CSV files', async () => {
    const input = await expectedInput(sampleId);
    for (const table of ['actions', 'whys'] as const) {
      const res = await download(`/api/analyses/${sampleId}/export?format=csv&table=${table}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="customers-overcharged-for-the-book-${table}.csv"`,
      );
      const body = await res.text();
      expect(body).toBe(renderCsv(input, table));
      expect(body.split('\r\n')).toHaveLength(
        (table === 'actions' ? input.snapshot.actions.length : input.snapshot.order.length) + 2,
      );
    }
    const bare = await download(`/api/analyses/${sampleId}/export?format=csv`);
    expect(bare.headers.get('content-disposition')).toContain('-actions.csv"');
    expect((await bare.text()).startsWith('id,kind,description,owner,due,status,')).toBe(true);
  });

  it('names the file in lowercase ASCII even for a European title', async () => {
    const id = await createAnalysisOver(server.url, {
      title: 'Zoë Müller-Łukasiewicz, São Paulo, Ærøskøbing',
      problem: 'Charged twice',
    });
    const res = await download(`/api/analyses/${id}/export?format=md`);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="zoe-muller-lukasiewicz-sao-paulo-aeroskobing.md"',
    );
    expect(await res.text()).toContain('# Zoë Müller-Łukasiewicz, São Paulo, Ærøskøbing\n');
  });

  it('refuses an unknown format or table with a 400 that lists the valid ones', async () => {
    const format = await call('GET', `/api/analyses/${sampleId}/export?format=pdfx`);
    expect(format.status).toBe(400);
    // Formats added later join the end of the list.
    expect(format.body.error).toBe('Format must be one of: pdf, docx, md, csv, json, svg, png.');
    expect(format.body.code).toBe('not_allowed');
    const missing = await call('GET', `/api/analyses/${sampleId}/export`);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('Format is required.');
    const table = await call('GET', `/api/analyses/${sampleId}/export?format=csv&table=cases`);
    expect(table.status).toBe(400);
    expect(table.body.error).toBe('Table must be one of: actions, whys.');
  });

  it('answers 404 naming an id that is no analysis', async () => {
    const res = await call('GET', '/api/analyses/nosuchanalysis42/export?format=md');
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('No analysis with id "nosuchanalysis42".');
  });
});
