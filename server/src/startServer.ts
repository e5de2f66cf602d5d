import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { isIdShaped, MINOR_WOUNDS } from '@whychain/shared';
import { allowEveryone, type AccessCheck } from './access';
import { buildApp } from './http/app';
import { consoleLogger, type Logger } from './log';
import { ServerMetrics } from './metrics';
import type { DocumentStore, Durability } from './storage/DocumentStore';
import { seedSample } from './jobs/seedSample';
import { SqliteStore } from './storage/SqliteStore';
import { memoryRelationalDb, relationalDb } from './db/relationalDb';
import { SummaryRefresher } from './jobs/SummaryRefresher';
import { CLOSE } from './sync/Connection';
import { SyncHub } from './sync/SyncHub';

export interface ServerOptions {
  /** Port to listen on; 0 picks a free one. */
  port?: number;
  host?: string;
  /** Folder of the SQLite file (used when no `store` is given). */
  dataDir?: string;
  /** Storage engine; defaults to SQLite in `dataDir`. */
  store?: DocumentStore;
  /** When an update counts as stored (see `Durability`); default relaxed. Ignored with `store`. */
  durability?: Durability;
  /** Relaxed durability: the longest an update waits for its disk flush (default 100 ms). */
  flushIntervalMs?: number;
  /** The largest a document may grow in storage; an update that would pass it is refused. */
  maxDocumentBytes?: number;
  /** Largest sync message accepted, in bytes; a larger one closes that socket. */
  maxMessageBytes?: number;
  /** Folder of the built client; defaults to client/dist of this checkout. */
  clientDir?: string;
  /** Flag a customer with this many cases within this many days (default 3 in 90). */
  minorWounds?: { cases: number; days: number };
  /** Create the sample analysis when storage holds none. */
  seedSample?: boolean;
  /** Compact a document's update log once it holds this many updates. */
  compactAfter?: number;
  /** How long after a change an analysis's summary row is refreshed (default 1000 ms). */
  summaryDelayMs?: number;
  access?: AccessCheck;
  log?: Logger;
}

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:8080 */
  url: string;
  port: number;
  hub: SyncHub;
  store: DocumentStore;
  metrics: ServerMetrics;
  /** Stops accepting, closes sockets, stores pending updates and closes storage. */
  close(): Promise<void>;
}

export const DEFAULT_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
// CLIENT_DIR lets a developer (or a test run) serve a client built elsewhere, e.g. with
// `vite build --outDir`, without touching this checkout's client/dist.
const defaultClientDir =
  process.env.CLIENT_DIR ?? fileURLToPath(new URL('../../client/dist', import.meta.url));

/** Starts the HTTP API, the static client and the sync socket on one port. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const log = options.log ?? consoleLogger;
  const metrics = new ServerMetrics();
  const store =
    options.store ??
    new SqliteStore(options.dataDir ?? 'data', {
      durability: options.durability,
      flushIntervalMs: options.flushIntervalMs,
      onWrite: (seconds) => metrics.storeWrite.observe(seconds),
      events: {
        onFlush: (seconds) => metrics.diskFlush.observe(seconds),
        onError: (message) => log('error', 'disk flush failed', { why: message }),
      },
    });
  const access = options.access ?? allowEveryone;
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const db =
    store instanceof SqliteStore
      ? relationalDb(store.connection, () => store.committed())
      : memoryRelationalDb();
  // Summary rows follow the documents, a second after their changes, off the relay path.
  const dataVersion = { value: 0 };
  const summaries = new SummaryRefresher({
    db,
    onRefreshed: () => dataVersion.value++,
    snapshot: (id) => hub.snapshot(id),
    log,
    delayMs: options.summaryDelayMs,
  });
  const hub = new SyncHub({
    store,
    log,
    metrics,
    compactAfter: options.compactAfter,
    maxDocumentBytes: options.maxDocumentBytes,
    earlyMessageBytes: 2 * maxMessageBytes,
    onStored: (id) => summaries.touched(id),
  });
  if (options.seedSample && (await store.list()).length === 0) await seedSample(store, db);

  void summaries
    .backfill()
    .catch((err: Error) => log('error', 'summary backfill failed', { why: err.message }));
  const app = await buildApp({
    dataVersion,
    summaries,
    store,
    db,
    minorWounds: options.minorWounds ?? MINOR_WOUNDS,
    hub,
    metrics,
    access,
    log,
    clientDir: options.clientDir ?? defaultClientDir,
    bodyLimit: 1024 * 1024,
  });
  const server = app.server;

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  server.on('upgrade', (req, socket, head) => {
    let id: string;
    try {
      const { pathname } = new URL(req.url ?? '/', 'http://localhost');
      const match = /^\/sync\/([^/]+)$/.exec(pathname);
      if (!match) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
        return;
      }
      id = decodeURIComponent(match[1]!);
    } catch {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, async (ws) => {
      try {
        const decision = await access({
          channel: 'socket',
          analysisId: id,
          action: 'read',
          request: req,
        });
        if (!decision.allowed) {
          ws.close(CLOSE.forbidden, decision.reason);
          return;
        }
        if (!isIdShaped(id)) {
          ws.close(CLOSE.unknownAnalysis, `Unknown analysis ${String(id).slice(0, 60)}`);
          return;
        }
        const label = `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`;
        hub.connect(ws, id, decision.canWrite, label);
      } catch (err) {
        log('error', 'socket setup failed', { analysisId: id, why: (err as Error).message });
        ws.close(CLOSE.serverError, 'The server could not open this analysis.');
      }
    });
  });

  const heartbeat = setInterval(() => void hub.heartbeat(), 30_000);
  heartbeat.unref();

  await app.listen({ port: options.port ?? 8080, host: options.host ?? '127.0.0.1' });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url,
    port,
    hub,
    store,
    metrics,
    async close() {
      clearInterval(heartbeat);
      const closed = app.close();
      await hub.close();
      await summaries.close();
      for (const ws of wss.clients) ws.terminate();
      server.closeAllConnections();
      await closed;
      await store.close();
    },
  };
}
