import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { exportAnalysisJson, readAnalysis, type AnalysisSnapshot } from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { everyFieldDoc } from '../../shared/src/export/jsonFixtures';
import { apiClient } from '../fixtures/api';
import { startTestServer, tempDataDir } from '../fixtures/server';

const EUROPEAN = 'Zoë Müller-Łukasiewicz, São Paulo, Ærøskøbing';

/** Every entry of a ZIP archive, by name. */
function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** The visible text of WordprocessingML: the runs' text, decoded, one paragraph a line. */
function wordText(xml: string): string {
  return xml
    .split('</w:p>')
    .map((paragraph) =>
      [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    )
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** `GET /api/analyses/:id/export?format=docx`: the report as an editable Word document. */
describe('Word export over HTTP', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  let id: string;
  let snapshot: AnalysisSnapshot;
  const call = apiClient(() => server.url);

  beforeAll(async () => {
    data = tempDataDir();
    server = await startTestServer(data.dir);
    // The first action's owner gets the European name (the fixture is closed: edit its export).
    const built = readAnalysis(everyFieldDoc());
    const json = exportAnalysisJson({ id: 'elsewhere0001', snapshot: built, caseIds: [] });
    const actions = json.analysis.actions as { owner: string }[];
    actions[0]!.owner = EUROPEAN;
    snapshot = {
      ...built,
      actions: built.actions.map((a, i) => (i === 0 ? { ...a, owner: EUROPEAN } : a)),
    };
    const imported = await call('POST', '/api/import', json);
    expect(imported.status).toBe(201);
    id = imported.body.id as string;
  });
  afterAll(async () => {
    await server.close();
    data.cleanup();
  });

  it('downloads a Word file named after the title, holding every section as text and the tree as PNG', async () => {
    const res = await fetch(`${server.url}/api/analyses/${id}/export?format=docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="angry-book-customers.docx"',
    );
    const files = await unzip(Buffer.from(await res.arrayBuffer()));
    const xml = files.get('word/document.xml')!.toString('utf8');
    const text = wordText(xml);

    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    const headings = [
      ...xml.matchAll(
        /<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading(\d)"\/>(?:(?!<\/w:p>).)*<\/w:p>/gs,
      ),
    ].map((m) => `${m[1]} ${wordText(m[0]).trim()}`);
    expect(headings).toEqual([
      '1 Angry book customers',
      '2 Linked cases',
      '2 Problem',
      '2 The why-tree',
      '2 Root causes',
      '2 Actions',
      '2 Learnings for other customers',
      '2 Ready to close?',
      '2 Appendix: evidence links and comments',
    ]);

    expect(text).toContain('Charged twice, Ærøskøbing.');
    expect(text).toContain('Status: Closed, signed off by Ana São Paulo on ');
    expect(text).toContain('Closed with the checklist incomplete: Customer waiting');
    for (const why of snapshot.order.map((whyId) => snapshot.whys[whyId]!)) {
      expect(text).toContain(`Why ${why.depth}: ${why.text}`);
    }
    const rootCauses = snapshot.order.filter((whyId) => snapshot.whys[whyId]!.rootCause);
    expect(rootCauses.length).toBe(2);
    for (const whyId of rootCauses) expect(text).toContain(`\n${snapshot.whys[whyId]!.text}\n`);
    for (const action of snapshot.actions) {
      expect(text).toContain(`\n${action.description}\n`);
      expect(text).toContain(`\n${action.owner}\n`);
    }
    expect(text).toContain(`\n${EUROPEAN}\n`);
    expect(text).toContain('Log line 42: "run=1, run=1"');
    expect(text).toContain('Are we sure about memory?');
    expect(text).toContain('https://logs.example.com/run/42');

    const media = [...files.keys()].filter(
      (name) => name.startsWith('word/media/') && !name.endsWith('/'),
    );
    expect(media).toHaveLength(1);
    expect(files.get(media[0]!)!.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );

    // The picture keeps the PNG's aspect ratio and fits the text width of an A4 page.
    const picture = files.get(media[0]!)!;
    const [, cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(xml)!;
    const ratio = picture.readUInt32BE(16) / picture.readUInt32BE(20);
    expect(Number(cx) / Number(cy)).toBeCloseTo(ratio, 1);
    expect(Number(cx)).toBeLessThanOrEqual(((11906 - 2 * 1134) / 1440) * 914400);

    const core = files.get('docProps/core.xml')!.toString('utf8');
    expect(core).toContain('<dc:title>Angry book customers</dc:title>');
  });

  it('writes a European title exactly, in the document and its title property', async () => {
    const created = await call('POST', '/api/analyses', {
      title: EUROPEAN,
      problem: 'Ünïcödé <b>',
    });
    expect(created.status).toBe(201);
    const res = await fetch(
      `${server.url}/api/analyses/${created.body.id as string}/export?format=docx`,
    );
    expect(res.status).toBe(200);
    const files = await unzip(Buffer.from(await res.arrayBuffer()));
    const text = wordText(files.get('word/document.xml')!.toString('utf8'));
    expect(text.split('\n')[0]).toBe(EUROPEAN);
    expect(text).toContain('\nÜnïcödé <b>\n');
    expect(text).toContain('No whys yet.');
    expect(files.get('docProps/core.xml')!.toString('utf8')).toContain(
      `<dc:title>${EUROPEAN}</dc:title>`,
    );
  });
});
