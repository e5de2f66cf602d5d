/**
 * Exports: a 200-why analysis (branching, every why with evidence, a root cause per branch and
 * actions) is imported into our server in its own process, then each format is fetched over HTTP
 * one request at a time (p50 and p95 of the whole request, file received), and the text formats
 * are also timed in this process straight from the shared renderers (what the browser and the
 * command line run). Last, 100 analyses of the sample's size come back as one ZIP of PDF reports
 * from the bulk route: the time to the last byte and the server's RSS sampled every 250 ms
 * (before, peak) show whether the ZIP is streamed or built in memory.
 */
import * as Y from 'yjs';
import {
  addAction,
  addWhy,
  createAnalysis,
  editEvidence,
  exportAnalysisJson,
  makeOrigin,
  readAnalysis,
  renderCsv,
  renderMarkdown,
  setRootCause,
  writeSampleAnalysis,
  type WhyId,
} from '@whychain/shared';
import { spawnServer } from './servers';
import { ms, percentile, table } from './stats';

const WHYS = 200;
const ROUNDS = 10;
const ZIP_ANALYSES = 100;
const TARGETS_MS: Record<string, number> = {
  md: 20,
  csv: 20,
  json: 20,
  pdf: 1_500,
  docx: 1_000,
  png: 1_000,
  svg: 1_000,
};

/** A branching analysis of `WHYS` whys: ten chains of twenty, each ending in a root cause. */
function bigAnalysis(): Y.Doc {
  const doc = new Y.Doc();
  const team = makeOrigin('local', 'Zoë Müller-Łukasiewicz');
  createAnalysis(
    doc,
    { title: 'Two hundred whys', problem: 'Why did 40 customers in São Paulo get no refund?' },
    team,
  );
  for (let chain = 0; chain < 10; chain++) {
    let parent: WhyId | null = null;
    for (let step = 0; step < WHYS / 10; step++) {
      const text = `Chain ${chain}, step ${step}: the handover list left out the late orders again`;
      const added = addWhy(doc, { parentId: parent, text }, team);
      if (!added.ok) throw new Error(added.reason);
      editEvidence(
        doc,
        { whyId: added.id, text: `Ticket ${chain}-${step}, Ærøskøbing desk` },
        team,
      );
      parent = added.id;
    }
    setRootCause(doc, { whyId: parent!, rootCause: true }, team);
    for (const kind of ['corrective', 'preventive'] as const) {
      addAction(
        doc,
        { whyId: parent!, kind, description: `Fix chain ${chain} (${kind})`, owner: 'Ops' },
        team,
      );
    }
  }
  return doc;
}

function sampleAnalysis(n: number): Y.Doc {
  const doc = new Y.Doc();
  writeSampleAnalysis(doc, makeOrigin('local', 'Bench'));
  doc.getMap('meta').set('title', `Sample ${n}`);
  return doc;
}

async function importOver(url: string, doc: Y.Doc): Promise<string> {
  const json = exportAnalysisJson({ id: 'bench', snapshot: readAnalysis(doc), caseIds: [] });
  const res = await fetch(`${url}/api/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(json),
  });
  if (res.status !== 201) throw new Error(`import: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

async function timeFetch(href: string): Promise<{ ms: number; bytes: number }> {
  const at = performance.now();
  const res = await fetch(href);
  const body = new Uint8Array(await res.arrayBuffer());
  if (!res.ok) throw new Error(`${href}: ${res.status} ${new TextDecoder().decode(body)}`);
  return { ms: performance.now() - at, bytes: body.byteLength };
}

function timeLocal(run: () => unknown): number[] {
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const at = performance.now();
    run();
    samples.push(performance.now() - at);
  }
  return samples.sort((a, b) => a - b);
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export async function runExports(crash: (err: Error) => void): Promise<void> {
  const server = await spawnServer({ kind: 'ours' }, crash);
  try {
    const doc = bigAnalysis();
    const id = await importOver(server.url, doc);
    const rows: string[][] = [];
    const input = { snapshot: readAnalysis(doc), cases: [], id };
    const local: [string, () => unknown][] = [
      ['md', () => renderMarkdown(input)],
      ['csv', () => renderCsv(input, 'whys')],
      ['json', () => JSON.stringify(exportAnalysisJson({ ...input, caseIds: [] }))],
    ];
    for (const [format, run] of local) {
      const sorted = timeLocal(run);
      rows.push([
        `${format} (shared renderer)`,
        ms(percentile(sorted, 50)),
        ms(percentile(sorted, 95)),
        `${TARGETS_MS[format]} ms`,
        '',
      ]);
    }
    for (const format of ['md', 'csv', 'json', 'svg', 'png', 'docx', 'pdf']) {
      const href = `${server.url}/api/analyses/${id}/export?format=${format}`;
      await timeFetch(href); // warm-up: fonts, the room's first load
      const samples: number[] = [];
      let bytes = 0;
      for (let i = 0; i < ROUNDS; i++) {
        const got = await timeFetch(href);
        samples.push(got.ms);
        bytes = got.bytes;
      }
      samples.sort((a, b) => a - b);
      rows.push([
        `${format} over HTTP`,
        ms(percentile(samples, 50)),
        ms(percentile(samples, 95)),
        `${TARGETS_MS[format]} ms`,
        `${(bytes / 1024).toFixed(0)} KiB`,
      ]);
    }
    console.log(`Exports of a ${WHYS}-why analysis (${ROUNDS} rounds each):`);
    console.log(table(['export', 'p50', 'p95', 'target', 'size'], rows));

    const ids: string[] = [];
    for (let n = 0; n < ZIP_ANALYSES; n++)
      ids.push(await importOver(server.url, sampleAnalysis(n)));
    await server.gc();
    const before = (await server.stats()).rss;
    let peak = before;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, (await server.stats()).rss);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    const zip = await timeFetch(
      `${server.url}/api/analyses/export?format=pdf&ids=${ids.join(',')}`,
    );
    sampling = false;
    await sampler;
    console.log(`A ZIP of ${ZIP_ANALYSES} PDF reports (bulk route, streamed):`);
    console.log(
      table(
        ['time', 'target', 'size', 'server RSS before', 'server RSS peak', 'growth'],
        [
          [
            `${(zip.ms / 1000).toFixed(1)} s`,
            '60 s',
            mib(zip.bytes),
            mib(before),
            mib(peak),
            mib(peak - before),
          ],
        ],
      ),
    );
  } finally {
    await server.stop();
  }
}
