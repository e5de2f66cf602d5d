/**
 * Child-process entry of the bench: starts one sync server and reports its URL to the parent
 * over IPC, answers requests for its own figures, then stops it when asked (or when the parent
 * goes away). Its one argument is a JSON `HostOptions` (servers.ts).
 *
 *   ours       our server (`startServer`) with the given durability, SQLite in a fresh temp dir
 *              (removed on stop) or in the given one (kept)
 *   reference  @y/websocket-server 0.1.1 `setupWSConnection` on a plain http + ws server, in memory
 *
 * Each server runs in its own process so that it has an event loop (and a core) of its own and
 * does not compete with the bench clients, as in a real deployment. Requests: `stats` (RSS, heap,
 * CPU time of this process), `gc` (needs --expose-gc), `loop-reset` / `loop-read` (the longest
 * event-loop stall since the reset, from `monitorEventLoopDelay` at 1 ms resolution).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { WebSocketServer } from 'ws';
import { startServer, silentLogger, type ServerOptions } from '@whychain/server';
import type { HostMessage, HostOptions, HostRequest, HostStats, LoopStall } from './servers';

interface Hosted {
  url: string;
  dataDir: string | null;
  stop(): Promise<void>;
}

async function hostOurs(options: HostOptions): Promise<Hosted> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'whychain-bench-'));
  // Cast: keeps the bench compiling against a server that does not take every option yet.
  const server = await startServer({
    port: 0,
    dataDir,
    log: silentLogger,
    durability: options.durability ?? 'relaxed',
    ...(options.compactAfter === undefined ? {} : { compactAfter: options.compactAfter }),
  } as ServerOptions);
  return {
    url: server.url,
    dataDir,
    async stop() {
      await server.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function hostReference(): Promise<Hosted> {
  if (process.env.YPERSISTENCE !== undefined) {
    throw new Error('Unset YPERSISTENCE: the reference must run without y-leveldb persistence.');
  }
  // Imported here: the module reads YPERSISTENCE when loaded, and only this host needs it.
  const { docs, setupWSConnection } = await import('@y/websocket-server/utils');
  const server = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server });
  wss.on('connection', (conn, req) => {
    // Same room naming as ours: the client connects to `${url}/sync/${room}`.
    const docName = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/^\/sync\//, '');
    setupWSConnection(conn, req, { docName });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir: null,
    async stop() {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Without persistence it keeps every document (and its awareness timer) forever.
      for (const doc of docs.values()) doc.destroy();
      docs.clear();
    },
  };
}

function send(message: HostMessage): void {
  if (process.connected) process.send?.(message);
}

const loop = monitorEventLoopDelay({ resolution: 1 });

function answer(what: HostRequest): unknown {
  switch (what) {
    case 'stats': {
      const cpu = process.cpuUsage();
      const memory = process.memoryUsage();
      const elu = performance.eventLoopUtilization();
      const stats: HostStats = {
        rss: memory.rss,
        heapUsed: memory.heapUsed,
        cpuUser: cpu.user,
        cpuSystem: cpu.system,
        loopIdle: elu.idle,
        loopActive: elu.active,
      };
      return stats;
    }
    case 'gc':
      (globalThis as { gc?: () => void }).gc?.();
      return null;
    case 'loop-reset':
      loop.reset();
      return null;
    case 'loop-read': {
      // The histogram is in nanoseconds and counts the monitor's own 1 ms timer period.
      const stall: LoopStall = { max: loop.max / 1e6, p99: loop.percentile(99) / 1e6 };
      return stall;
    }
  }
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as HostOptions;
  if (options.kind !== 'ours' && options.kind !== 'reference') {
    throw new Error(`unknown server kind ${options.kind}`);
  }
  const hosted = options.kind === 'ours' ? await hostOurs(options) : await hostReference();
  loop.enable();
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= hosted.stop().then(() => {
      send({ type: 'stopped' });
      if (process.connected) process.disconnect?.();
    });
    return stopping;
  };
  process.on('message', (message: { type?: string; id?: number; what?: HostRequest }) => {
    if (message.type === 'stop') void stop();
    if (message.type === 'request') {
      send({ type: 'reply', id: message.id!, value: answer(message.what!) });
    }
  });
  // Stop when the bench goes away; on Ctrl-C, let the bench die first and clean up after it.
  process.on('disconnect', () => void stop());
  process.on('SIGINT', () => undefined);
  send({ type: 'ready', url: hosted.url, dataDir: hosted.dataDir });
}

main().catch((err: Error) => {
  console.error(`bench server host failed: ${err.stack ?? err.message}`);
  process.exit(1);
});
