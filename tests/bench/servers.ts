import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export type ServerKind = 'ours' | 'reference';

/** What a server host child tells the bench. */
export type HostMessage = { type: 'ready'; url: string } | { type: 'stopped' };

/** A sync server running in a child process (see serverHost.ts). */
export interface BenchServer {
  kind: ServerKind;
  url: string;
  /** A room that the bench clients can join; `initialized` tells whether it already holds an analysis. */
  createRoom(): Promise<{ room: string; initialized: boolean }>;
  /** Stops the server and waits for its process to exit. */
  stop(): Promise<void>;
}

const HOST = fileURLToPath(new URL('./serverHost.ts', import.meta.url));
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 15_000;

/** Forks a server host of `kind` (inheriting `--import tsx`) and waits for its URL. */
export async function spawnServer(
  kind: ServerKind,
  onCrash: (err: Error) => void,
): Promise<BenchServer> {
  // The reference must stay in memory: with YPERSISTENCE set it would persist to y-leveldb.
  const env = { ...process.env };
  delete env.YPERSISTENCE;
  const child = fork(HOST, [kind], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let stopping = false;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  void exited.then((code) => {
    if (!stopping) onCrash(new Error(`${kind} server process exited unexpectedly (code ${code})`));
  });
  const url = await waitReady(child, kind);
  return {
    kind,
    url,
    createRoom: () => (kind === 'ours' ? createAnalysis(url) : createReferenceRoom()),
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.connected) child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill(), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

function waitReady(child: ChildProcess, kind: ServerKind): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${kind} server did not start in ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    child.on('message', (message: HostMessage) => {
      if (message.type !== 'ready') return;
      clearTimeout(timer);
      resolve(message.url);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${kind} server exited during startup (code ${code})`));
    });
  });
}

/** Our server: analyses are created through the HTTP API, already initialized. */
async function createAnalysis(baseUrl: string): Promise<{ room: string; initialized: boolean }> {
  const res = await fetch(`${baseUrl}/api/analyses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Bench', problem: 'Why is the bench slow?' }),
  });
  if (res.status !== 201) throw new Error(`create analysis failed: ${res.status}`);
  const { id } = (await res.json()) as { id: string };
  return { room: id, initialized: true };
}

/** The reference has no API: any name is a room, and it starts empty. */
async function createReferenceRoom(): Promise<{ room: string; initialized: boolean }> {
  return { room: randomUUID(), initialized: false };
}
