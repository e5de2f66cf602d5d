/**
 * Child-process entry of the latency bench: starts one sync server and reports its URL to the
 * parent over IPC, then stops it when asked (or when the parent goes away).
 *
 *   ours       our server (`startServer`), SQLite in a fresh temp dir, removed on stop
 *   reference  @y/websocket-server 0.1.1 `setupWSConnection` on a plain http + ws server, in memory
 *
 * Each server runs in its own process so that it has an event loop (and a core) of its own and
 * does not compete with the bench clients, as in a real deployment.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';
import { startServer, silentLogger } from '@whychain/server';
import type { HostMessage, ServerKind } from './servers';

interface Hosted {
  url: string;
  stop(): Promise<void>;
}

async function hostOurs(): Promise<Hosted> {
  const dataDir = mkdtempSync(join(tmpdir(), 'whychain-bench-'));
  const server = await startServer({ port: 0, dataDir, log: silentLogger });
  return {
    url: server.url,
    async stop() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function hostReference(): Promise<Hosted> {
  if (process.env.YPERSISTENCE !== undefined) {
    throw new Error('Unset YPERSISTENCE: the reference must run without y-leveldb persistence.');
  }
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
    async stop() {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(message: HostMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const kind = process.argv[2] as ServerKind;
  if (kind !== 'ours' && kind !== 'reference') throw new Error(`unknown server kind ${kind}`);
  const hosted = kind === 'ours' ? await hostOurs() : await hostReference();
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= hosted.stop().then(() => {
      send({ type: 'stopped' });
      process.disconnect?.();
    });
    return stopping;
  };
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  send({ type: 'ready', url: hosted.url });
}

main().catch((err: Error) => {
  console.error(`bench server host failed: ${err.stack ?? err.message}`);
  process.exit(1);
});
