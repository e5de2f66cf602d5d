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

async function main(): Promise<void> {
  const kind = process.argv[2] as ServerKind;
  if (kind !== 'ours' && kind !== 'reference') throw new Error(`unknown server kind ${kind}`);
  const hosted = kind === 'ours' ? await hostOurs() : await hostReference();
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= hosted.stop().then(() => {
      send({ type: 'stopped' });
      if (process.connected) process.disconnect?.();
    });
    return stopping;
  };
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'stop') void stop();
  });
  // Stop when the bench goes away; on Ctrl-C, let the bench die first and clean up after it.
  process.on('disconnect', () => void stop());
  process.on('SIGINT', () => undefined);
  send({ type: 'ready', url: hosted.url });
}

main().catch((err: Error) => {
  console.error(`bench server host failed: ${err.stack ?? err.message}`);
  process.exit(1);
});
