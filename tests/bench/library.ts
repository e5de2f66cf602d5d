/**
 * Library at scale: 10,000 cases over 1,000 customers, 2,000 analyses and 100,000 whys, seeded
 * straight into a data folder (documents through the shared commands, their summary rows,
 * actions and search entries as the summary job writes them), then our server in its own
 * process answers each list (filtered and sorted), search, a customer page and insights over
 * HTTP, one request at a time: p50 and p95 per request, against a 50 ms p95 target.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import {
  addAction,
  addWhy,
  CASE_STATUSES,
  createAnalysis,
  editWhyDetails,
  makeOrigin,
  readAnalysis,
  setRootCause,
  SEVERITIES,
  summarizeAnalysis,
  TOUCHPOINTS,
  type WhyId,
} from '@whychain/shared';
import { SqliteStore } from '@whychain/server';
import { replaceActions } from '../../server/src/db/actions';
import { indexAnalysis } from '../../server/src/db/analysisIndex';
import { indexCase, insertCase, linkAnalysis } from '../../server/src/db/cases';
import { insertCustomer } from '../../server/src/db/customers';
import { relationalDb } from '../../server/src/db/relationalDb';
import { upsertSummary } from '../../server/src/db/summaries';
import { spawnServer } from './servers';
import { ms, percentile, table } from './stats';

const CUSTOMERS = 1_000;
const CASES = 10_000;
const ANALYSES = 2_000;
const WHYS_PER_ANALYSIS = 50;
const REQUESTS = 40;
const TARGET_P95_MS = 50;

const WORDS = (
  'invoice price form order manager delivery parcel courier refund call queue phone email chat ' +
  'billing address contact owner master data review training handover checklist supplier stock ' +
  'warehouse label portal password account renewal contract discount tax shipment return damage'
).split(' ');
const CATEGORIES = ['People', 'Process', 'Tools and systems', 'Policy', 'Communication'];

/** A small deterministic random source, so every run seeds the same data. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

async function seed(dataDir: string): Promise<{ customerId: string }> {
  const rand = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const store = new SqliteStore(dataDir);
  const db = relationalDb(store.connection, () => store.committed());
  const origin = makeOrigin('server', 'Bench');
  const analysisIds: string[] = [];
  for (let a = 0; a < ANALYSES; a++) {
    const doc = new Y.Doc();
    createAnalysis(
      doc,
      { title: `Analysis ${a}: ${sentence(4)}`, problem: `Why ${sentence(8)}?` },
      origin,
    );
    let parent: WhyId | null = null;
    const ids: WhyId[] = [];
    for (let w = 0; w < WHYS_PER_ANALYSIS; w++) {
      // Chains of five, side by side.
      const result = addWhy(
        doc,
        { parentId: w % 5 === 0 ? null : parent, text: `Because ${sentence(10)}` },
        origin,
      );
      if (!result.ok) throw new Error(result.reason);
      parent = result.id;
      ids.push(result.id);
    }
    for (const root of [ids[4]!, ids[9]!]) {
      setRootCause(doc, { whyId: root, rootCause: true }, origin);
      editWhyDetails(doc, { whyId: root, patch: { category: pick(CATEGORIES) } }, origin);
      addAction(
        doc,
        {
          whyId: root,
          kind: 'corrective',
          description: sentence(6),
          owner: `Owner ${Math.floor(rand() * 40)}`,
          dueDate: rand() < 0.3 ? '2020-01-01' : '2999-01-01',
        },
        origin,
      );
    }
    const id = `bench${String(a).padStart(11, '0')}`;
    const snapshot = readAnalysis(doc);
    await store.create(id, Y.encodeStateAsUpdate(doc), { title: snapshot.title, status: 'draft' });
    await upsertSummary(db, id, summarizeAnalysis(snapshot, '2026-12-01'));
    await replaceActions(db, id, snapshot);
    await indexAnalysis(db, id, snapshot);
    analysisIds.push(id);
    doc.destroy();
  }
  const customerIds: string[] = [];
  for (let c = 0; c < CUSTOMERS; c++) {
    customerIds.push((await insertCustomer(db, { name: `Customer ${c} ${pick(WORDS)}` })).id);
  }
  const now = Date.now();
  for (let k = 0; k < CASES; k++) {
    const id = await insertCase(db, pick(customerIds), {
      summary: `Case ${k}: ${sentence(6)}`,
      description: sentence(30),
      touchpoint: pick(TOUCHPOINTS),
      severity: pick(SEVERITIES),
      status: pick(CASE_STATUSES),
      receivedAt: new Date(now - Math.floor(rand() * 365) * 86_400_000).toISOString(),
      owner: `Owner ${Math.floor(rand() * 40)}`,
      stakes: { amount: Math.floor(rand() * 10_000), currency: rand() < 0.5 ? 'EUR' : 'USD' },
      externalRef: `BENCH-${k}`,
    });
    if (k % 2 === 0) await linkAnalysis(db, id, pick(analysisIds));
    await indexCase(db, id);
  }
  await store.close();
  return { customerId: customerIds[0]! };
}

/** Runs the library part and prints its table. */
export async function runLibrary(crash: (err: Error) => void): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'whychain-library-'));
  try {
    const seedStart = performance.now();
    const { customerId } = await seed(dataDir);
    console.log(
      `Library at scale: ${CASES.toLocaleString('en')} cases over ${CUSTOMERS.toLocaleString('en')} customers, ` +
        `${ANALYSES.toLocaleString('en')} analyses, ${(ANALYSES * WHYS_PER_ANALYSIS).toLocaleString('en')} whys ` +
        `(seeded in ${((performance.now() - seedStart) / 1000).toFixed(0)} s); ${REQUESTS} requests each, one at a time.\n`,
    );
    const server = await spawnServer({ kind: 'ours', dataDir }, crash);
    try {
      const requests: [string, string][] = [
        ['analyses, newest first', '/api/analyses'],
        ['analyses, drafts by title', '/api/analyses?status=draft&sort=title'],
        ['analyses of a customer', `/api/analyses?customerId=${customerId}`],
        ['cases, newest first', '/api/cases'],
        ['cases, high by severity', '/api/cases?severity=high&sort=-severity'],
        ['cases of an owner, open', '/api/cases?owner=Owner%207&status=open'],
        ['customers', '/api/customers'],
        ['customers, by name', '/api/customers?q=invoice'],
        ['actions, overdue', '/api/actions?overdue=true'],
        ['search, common word', '/api/search?q=invoice'],
        ['search, two words', '/api/search?q=master%20data'],
        ['customer page', `/api/customers/${customerId}`],
        ['insights, everything', '/api/insights'],
        [
          'seen before',
          `/api/seen-before?text=${encodeURIComponent('Because the master data owner left')}`,
        ],
      ];
      const rows: string[][] = [];
      let misses = 0;
      for (const [name, path] of requests) {
        const times: number[] = [];
        for (let i = 0; i < REQUESTS + 3; i++) {
          const start = performance.now();
          const res = await fetch(`${server.url}${path}`);
          await res.arrayBuffer();
          if (!res.ok) throw new Error(`${path} answered ${res.status}`);
          if (i >= 3) times.push(performance.now() - start); // the first three warm caches
        }
        times.sort((a, b) => a - b);
        const p95 = percentile(times, 95);
        if (p95 >= TARGET_P95_MS) misses++;
        rows.push([
          name,
          ms(percentile(times, 50)),
          ms(p95),
          p95 < TARGET_P95_MS ? 'PASS' : 'MISS',
        ]);
      }
      console.log(table(['request', 'p50', 'p95', `p95 < ${TARGET_P95_MS} ms`], rows));
      console.log(
        `targets: ${requests.length - misses} of ${requests.length} requests under ${TARGET_P95_MS} ms at p95\n`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
