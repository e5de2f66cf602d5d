import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import type { RunningServer } from '@whychain/server';
import { createAnalysisOver, startTestServer, tempDataDir } from '../fixtures/server';
import { apiClient } from '../fixtures/api';

/** The entries of a ZIP archive, by name, in archive order. */
function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, archive) => {
      if (err) return reject(err);
      const entries = new Map<string, Buffer>();
      archive.on('entry', (entry: yauzl.Entry) => {
        archive.openReadStream(entry, (openErr, stream) => {
          if (openErr) return reject(openErr);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            archive.readEntry();
          });
        });
      });
      archive.on('end', () => resolve(entries));
      archive.on('error', reject);
      archive.readEntry();
    });
  });
}

/** `GET /api/analyses/export`: many analyses in one streamed ZIP, by id or by the list filters. */
describe('bulk export over HTTP', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  const ids: string[] = [];
  const call = apiClient(() => server.url);
  const download = (path: string) => fetch(`${server.url}${path}`);
  const single = async (id: string, query = 'format=md') =>
    Buffer.from(await (await download(`/api/analyses/${id}/export?${query}`)).arrayBuffer());

  beforeAll(async () => {
    data = tempDataDir();
    server = await startTestServer(data.dir);
    for (const title of ['Printer jams on Mondays', 'Late invoices', 'Late invoices']) {
      ids.push(await createAnalysisOver(server.url, { title, problem: `${title}: why?` }));
    }
  });
  afterAll(async () => {
    await server.close();
    data.cleanup();
  });

  it('zips the picked analyses, each as its single export, same titles told apart', async () => {
    const res = await download(`/api/analyses/export?format=md&ids=${ids.join(',')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="whychain-analyses-md.zip"',
    );
    const entries = await unzip(Buffer.from(await res.arrayBuffer()));
    expect([...entries.keys()]).toEqual([
      'printer-jams-on-mondays.md',
      'late-invoices.md',
      'late-invoices-2.md',
    ]);
    expect(entries.get('printer-jams-on-mondays.md')).toEqual(await single(ids[0]!));
    expect(entries.get('late-invoices.md')).toEqual(await single(ids[1]!));
    expect(entries.get('late-invoices-2.md')).toEqual(await single(ids[2]!));
    expect(entries.get('late-invoices.md')!.toString()).toContain('# Late invoices\n');
  });

  it('zips what the list filters select, and everything without ids or filters', async () => {
    const res = await download('/api/analyses/export?format=json&q=invoices&sort=createdAt');
    expect(res.status).toBe(200);
    const entries = await unzip(Buffer.from(await res.arrayBuffer()));
    expect([...entries.keys()]).toEqual(['late-invoices.json', 'late-invoices-2.json']);
    // The same file as the single export, but for the moment it was made.
    const withoutTime = (json: Buffer) => ({ ...JSON.parse(json.toString()), exportedAt: null });
    expect(withoutTime(entries.get('late-invoices.json')!)).toEqual(
      withoutTime(await single(ids[1]!, 'format=json')),
    );
    expect(withoutTime(entries.get('late-invoices-2.json')!)).toEqual(
      withoutTime(await single(ids[2]!, 'format=json')),
    );

    const all = await download('/api/analyses/export?format=md');
    const everything = await unzip(Buffer.from(await all.arrayBuffer()));
    expect(everything.size).toBe(3);
    const none = await download('/api/analyses/export?format=md&status=closed');
    expect((await unzip(Buffer.from(await none.arrayBuffer()))).size).toBe(0);
  });

  it('zips any format of the table, e.g. the PDF reports on Letter paper', async () => {
    const res = await download(
      `/api/analyses/export?format=pdf&paper=letter&ids=${ids[0]},${ids[1]}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="whychain-analyses-pdf.zip"',
    );
    const entries = await unzip(Buffer.from(await res.arrayBuffer()));
    expect([...entries.keys()]).toEqual(['printer-jams-on-mondays.pdf', 'late-invoices.pdf']);
    for (const pdf of entries.values()) expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a missing or unknown format with a 400 that lists the valid ones', async () => {
    const bad = await call('GET', `/api/analyses/export?format=zipx&ids=${ids[0]}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('Format must be one of: pdf, docx, md, csv, json, svg, png.');
    const missing = await call('GET', `/api/analyses/export?ids=${ids[0]}`);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('Format is required.');
  });

  it('answers 404 naming an id that is no analysis, before any file goes out', async () => {
    const res = await call('GET', `/api/analyses/export?format=md&ids=${ids[0]},nosuchanalysis42`);
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('No analysis with id "nosuchanalysis42".');
    expect(res.body.field).toBe('ids');
  });

  it('refuses more than 1000 ids', async () => {
    const many = Array.from({ length: 1001 }, (_, n) => `analysis${n}`).join(',');
    const res = await call('GET', `/api/analyses/export?format=md&ids=${many}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('Ids names 1001 analyses; at most 1000 go in one archive.');
  });
});
