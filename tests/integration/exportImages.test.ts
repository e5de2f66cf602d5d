import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addWhy,
  createAnalysis,
  exportAnalysisJson,
  makeOrigin,
  readAnalysis,
  SAMPLE_ANALYSIS,
  setRootCause,
  type WhyId,
} from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { apiClient } from '../fixtures/api';
import { startTestServer, tempDataDir } from '../fixtures/server';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const origin = makeOrigin('local', 'Test');

/** The export of a chain of whys under `problem`, the last one a root cause. */
function chainExport(title: string, problem: string, whys: readonly string[]) {
  const doc = new Y.Doc();
  createAnalysis(doc, { title, problem }, origin);
  let parentId: WhyId | null = null;
  for (const text of whys) {
    const added = addWhy(doc, { parentId, text }, origin);
    if (!added.ok) throw new Error(added.reason);
    parentId = added.id;
  }
  if (parentId) setRootCause(doc, { whyId: parentId, rootCause: true }, origin);
  return exportAnalysisJson({ id: 'elsewhere0001', snapshot: readAnalysis(doc), caseIds: [] });
}

/** `GET /api/analyses/:id/export?format=svg|png`: the why tree as a picture. */
describe('tree picture exports over HTTP', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  let sampleId: string;
  const call = apiClient(() => server.url);
  const download = (id: string, format: string) =>
    fetch(`${server.url}/api/analyses/${id}/export?format=${format}`);

  async function importAnalysis(json: ReturnType<typeof chainExport>): Promise<string> {
    const res = await call('POST', '/api/import', json);
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function png(id: string): Promise<Buffer> {
    const res = await download(id, 'png');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    return Buffer.from(await res.arrayBuffer());
  }

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

  it('downloads the tree as SVG with the text of every why, user markup shown as text', async () => {
    const res = await download(sampleId, 'svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="customers-overcharged-for-the-book.svg"',
    );
    const svg = await res.text();
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain(`<title>${SAMPLE_ANALYSIS.title}</title>`);
    const words = svg
      .replace(/<[^>]+>/g, ' ')
      .replace(/&apos;/g, "'")
      .replace(/\s+/g, ' ');
    for (const why of SAMPLE_ANALYSIS.whys) expect(words).toContain(why);
    expect(words).toContain('Root cause');

    const hostileId = await importAnalysis(
      chainExport('Tags & "quotes"', '<script>alert(1)</script>', ['<img src=x onerror=y>']),
    );
    const hostile = await (await download(hostileId, 'svg')).text();
    expect(hostile).not.toMatch(/<script|<img/);
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile).toContain('&lt;img');
    expect(hostile).toContain('<title>Tags &amp; &quot;quotes&quot;</title>');
  });

  it('downloads the tree as PNG at twice the size of the SVG', async () => {
    const svg = await (await download(sampleId, 'svg')).text();
    const [, width, height] = /^<svg [^>]*width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
    const bytes = await png(sampleId);
    expect(bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
    expect(bytes.readUInt32BE(16)).toBe(Math.round(Number(width) * 2));
    expect(bytes.readUInt32BE(20)).toBe(Math.round(Number(height) * 2));
  });

  it('draws the texts into the PNG (resvg would leave out text in a font it lacks)', async () => {
    const whys = ['Invoice run twice', 'Retry job blind', 'Flag in memory'];
    const withText = await importAnalysis(chainExport('Drawn', 'Charged twice', whys));
    const blank = await importAnalysis(
      chainExport(
        'Drawn',
        ' ',
        whys.map(() => ''),
      ),
    );
    const drawn = await png(withText);
    const empty = await png(blank);
    // Same boxes, same size: only the drawn text can tell them apart.
    expect(drawn.subarray(16, 24)).toEqual(empty.subarray(16, 24));
    expect(drawn.equals(empty)).toBe(false);
    expect(drawn.length).toBeGreaterThan(empty.length);
  });
});
