/**
 * Exports analyses to files, for scripts and scheduled reports:
 *
 *   npm run export -- <id...|--all> --format md --out DIR [--data DIR | --server URL]
 *                     [--paper a4] [--table actions]
 *
 * With --server it asks a running server over HTTP; otherwise it opens the data directory
 * (--data, else DATA_DIR, else ./data) and answers the same requests in process, so both give
 * the very files the Export menu gives. Reading the data file while a server runs on it is safe
 * (SQLite in WAL mode lets a reader see the last committed state): the command only reads, except
that, like a server start, it brings a file from an older version up to the current schema.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CSV_TABLES, MINOR_WOUNDS } from '@whychain/shared';
import { allowEveryone } from '../access';
import { relationalDb } from '../db/relationalDb';
import { uniqueFileName } from '../export/bulk';
import { PAPERS } from '../export/exportFile';
import { FORMAT_NAMES } from '../export/formats';
import { buildApp } from '../http/app';
import { SummaryRefresher } from '../jobs/SummaryRefresher';
import { silentLogger } from '../log';
import { ServerMetrics } from '../metrics';
import { SqliteStore } from '../storage/SqliteStore';
import { SyncHub } from '../sync/SyncHub';

const USAGE =
  'Usage: npm run export -- <id...|--all> --format <format> --out DIR ' +
  '[--data DIR | --server URL] [--paper a4|letter] [--table actions|whys]';

/** An answer to a GET, whether it came over the network or from the app in process. */
interface Answer {
  status: number;
  contentDisposition: string | undefined;
  body: Buffer;
}

/** Where the analyses come from: a GET of the API, and how to let go of it. */
interface Source {
  get(path: string): Promise<Answer>;
  close(): Promise<void>;
}

/** A problem the user can fix; its message is printed as is. */
class UsageError extends Error {}

/** A running server, asked over HTTP. */
function serverSource(baseUrl: string): Source {
  return {
    async get(path) {
      const res = await fetch(new URL(path, baseUrl)).catch((err: Error) => {
        const cause = (err.cause as Error | undefined)?.message ?? err.message;
        throw new UsageError(`Could not reach the server at ${baseUrl}: ${cause}`);
      });
      return {
        status: res.status,
        contentDisposition: res.headers.get('content-disposition') ?? undefined,
        body: Buffer.from(await res.arrayBuffer()),
      };
    },
    async close() {},
  };
}

/** The data directory, opened read-only in spirit: the app answers in process, nothing listens. */
async function dataSource(dataDir: string): Promise<Source> {
  if (!existsSync(join(dataDir, 'whychain.sqlite'))) {
    throw new UsageError(`No Whychain data in ${dataDir} (no whychain.sqlite there).`);
  }
  // Strict durability starts no background flusher: this process only reads.
  const store = new SqliteStore(dataDir, { durability: 'strict' });
  const db = relationalDb(store.connection, () => {});
  const metrics = new ServerMetrics();
  const hub = new SyncHub({ store, log: silentLogger, metrics });
  const summaries = new SummaryRefresher({
    db,
    snapshot: (id) => hub.snapshot(id),
    log: silentLogger,
  });
  const app = await buildApp({
    store,
    db,
    dataVersion: { value: 0 },
    summaries,
    minorWounds: MINOR_WOUNDS,
    hub,
    metrics,
    access: allowEveryone,
    log: silentLogger,
    clientDir: dataDir,
    bodyLimit: 1024 * 1024,
  });
  return {
    async get(path) {
      const res = await app.inject({ method: 'GET', url: path });
      const disposition = res.headers['content-disposition'];
      return {
        status: res.statusCode,
        contentDisposition: typeof disposition === 'string' ? disposition : undefined,
        body: res.rawPayload,
      };
    },
    async close() {
      await app.close();
      await hub.close();
      await summaries.close();
      await store.close();
    },
  };
}

/** The error message of an API answer that is not a 200. */
function errorOf(answer: Answer): string {
  try {
    const parsed = JSON.parse(answer.body.toString()) as { error?: string };
    if (parsed.error) return parsed.error;
  } catch {
    // not JSON: fall through to the status
  }
  return `The server answered ${answer.status}.`;
}

/** Every analysis id, following the list's pages. */
async function allIds(source: Source): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '200', sort: 'createdAt' });
    if (cursor) query.set('cursor', cursor);
    const answer = await source.get(`/api/analyses?${query}`);
    if (answer.status !== 200) throw new UsageError(errorOf(answer));
    const page = JSON.parse(answer.body.toString()) as {
      analyses: { id: string }[];
      nextCursor: string | null;
    };
    ids.push(...page.analyses.map((analysis) => analysis.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/** The file name the server gave, split into the part to de-duplicate and its ending. */
function fileNameOf(answer: Answer, id: string): { slug: string; suffix: string } {
  const given = /filename="([^"]+)"/.exec(answer.contentDisposition ?? '')?.[1];
  const name = basename(given ?? id);
  const dot = name.indexOf('.');
  return dot > 0
    ? { slug: name.slice(0, dot), suffix: name.slice(dot) }
    : { slug: name, suffix: '' };
}

interface Options {
  ids: string[];
  all: boolean;
  query: URLSearchParams;
  out: string;
  data: string | undefined;
  server: string | undefined;
}

/** Reads the command line, or throws a UsageError saying what is wrong. */
function readOptions(argv: string[]): Options {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      all: { type: 'boolean', default: false },
      format: { type: 'string' },
      out: { type: 'string' },
      data: { type: 'string' },
      server: { type: 'string' },
      paper: { type: 'string' },
      table: { type: 'string' },
    },
  });
  const { format, out, paper, table } = values;
  const oneOf = (name: string, value: string, valid: readonly string[]) => {
    if (!valid.includes(value)) {
      throw new UsageError(`--${name} must be one of: ${valid.join(', ')} (got "${value}").`);
    }
  };
  if (!format) throw new UsageError(`--format is required: one of ${FORMAT_NAMES.join(', ')}.`);
  oneOf('format', format, FORMAT_NAMES);
  if (paper) oneOf('paper', paper, PAPERS);
  if (table) oneOf('table', table, CSV_TABLES);
  if (!out) throw new UsageError('--out DIR is required: the folder to write the files into.');
  if (values.all === positionals.length > 0) {
    throw new UsageError('Name the analyses to export by id, or give --all (not both).');
  }
  if (values.data && values.server) throw new UsageError('Give --data or --server, not both.');
  const query = new URLSearchParams({ format });
  if (paper) query.set('paper', paper);
  if (table) query.set('table', table);
  return {
    ids: positionals,
    all: values.all,
    query,
    out: resolve(out),
    data: values.data,
    server: values.server,
  };
}

/** Writes one file per analysis into the out folder; the exit code (1 if any failed). */
async function run(options: Options, source: Source): Promise<number> {
  const ids = options.all ? await allIds(source) : options.ids;
  await mkdir(options.out, { recursive: true });
  const used = new Set<string>();
  let failed = 0;
  for (const id of ids) {
    const answer = await source.get(
      `/api/analyses/${encodeURIComponent(id)}/export?${options.query}`,
    );
    if (answer.status !== 200) {
      console.error(`${id}: ${errorOf(answer)}`);
      failed++;
      continue;
    }
    const { slug, suffix } = fileNameOf(answer, id);
    const path = join(options.out, uniqueFileName(used, slug, suffix));
    await writeFile(path, answer.body);
    console.log(path);
  }
  if (ids.length === 0) console.error('No analyses to export.');
  return failed > 0 ? 1 : 0;
}

/** The command: read the options, open the source, export, close; the exit code. */
async function main(argv: string[]): Promise<number> {
  let source: Source | undefined;
  try {
    const options = readOptions(argv);
    source = options.server
      ? serverSource(options.server)
      : await dataSource(resolve(options.data ?? (process.env.DATA_DIR || 'data')));
    return await run(options, source);
  } catch (err) {
    const usage =
      err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error((err as Error).message);
    if (usage) console.error(USAGE);
    return 1;
  } finally {
    await source?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
