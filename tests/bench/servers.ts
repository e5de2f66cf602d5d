import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export type ServerKind = 'ours' | 'reference';

/** How a server host is started (passed to serverHost.ts as one JSON argument). */
export interface HostOptions {
  kind: ServerKind;
  /** Ours only: `relaxed` (the server's default) or `strict`. */
  durability?: 'relaxed' | 'strict';
  /** Ours only: compact a document's log once it holds this many updates (server default if unset). */
  compactAfter?: number;
  /** Ours only: use this data folder (kept on stop) instead of a fresh temp dir (removed on stop). */
  dataDir?: string;
}

/** Figures a host reports about its own process. */
export interface HostStats {
  rss: number;
  heapUsed: number;
  /** process.cpuUsage() of the host, microseconds. */
  cpuUser: number;
  cpuSystem: number;
  /** performance.eventLoopUtilization() of the host's main thread, milliseconds. */
  loopIdle: number;
  loopActive: number;
}

/** Event-loop delay of the host since the last reset, milliseconds. */
export interface LoopStall {
  max: number;
  p99: number;
}

/** What a server host child tells the bench. */
export type HostMessage =
  | { type: 'ready'; url: string; dataDir: string | null }
  | { type: 'stopped' }
  | { type: 'reply'; id: number; value: unknown };

/** What the bench asks a server host. */
export type HostRequest = 'stats' | 'gc' | 'loop-reset' | 'loop-read';

/** A sync server running in a child process (see serverHost.ts). */
export interface BenchServer {
  kind: ServerKind;
  /** For tables: `ours (relaxed)`, `ours (strict)`, `reference`. */
  label: string;
  url: string;
  pid: number;
  /** Ours: the folder of its SQLite file. */
  dataDir: string | null;
  /** A room that the bench clients can join; `initialized` tells whether it already holds an analysis. */
  createRoom(): Promise<{ room: string; initialized: boolean }>;
  stats(): Promise<HostStats>;
  /** Runs a full garbage collection in the server process (so RSS compares like with like). */
  gc(): Promise<void>;
  resetLoop(): Promise<void>;
  readLoop(): Promise<LoopStall>;
  /** Stops the server and waits for its process to exit. */
  stop(): Promise<void>;
  /** SIGKILLs the server process (a crash) and waits for it to exit. */
  kill(): Promise<void>;
}

const HOST = fileURLToPath(new URL('./serverHost.ts', import.meta.url));
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 30_000;

export function labelOf(options: HostOptions): string {
  return options.kind === 'ours' ? `ours (${options.durability ?? 'relaxed'})` : 'reference';
}

/** Forks a server host (inheriting `--import tsx`, with `--expose-gc`) and waits for its URL. */
export async function spawnServer(
  options: HostOptions,
  onCrash: (err: Error) => void,
): Promise<BenchServer> {
  // The reference must stay in memory: with YPERSISTENCE set it would persist to y-leveldb.
  const env = { ...process.env };
  delete env.YPERSISTENCE;
  const label = labelOf(options);
  const child = fork(HOST, [JSON.stringify(options)], {
    env,
    execArgv: [...process.execArgv, '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let stopping = false;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  void exited.then((code) => {
    if (!stopping) onCrash(new Error(`${label} server process exited unexpectedly (code ${code})`));
  });
  const replies = new Map<number, (value: unknown) => void>();
  let nextId = 0;
  child.on('message', (message: HostMessage) => {
    if (message.type !== 'reply') return;
    replies.get(message.id)?.(message.value);
    replies.delete(message.id);
  });
  const request = <T>(what: HostRequest): Promise<T> =>
    new Promise((resolve) => {
      const id = nextId++;
      replies.set(id, resolve as (value: unknown) => void);
      child.send({ type: 'request', id, what });
    });
  const { url, dataDir } = await waitReady(child, label);
  return {
    kind: options.kind,
    label,
    url,
    pid: child.pid!,
    dataDir,
    createRoom: () => (options.kind === 'ours' ? createAnalysis(url) : createReferenceRoom()),
    stats: () => request<HostStats>('stats'),
    gc: () => request<void>('gc'),
    resetLoop: () => request<void>('loop-reset'),
    readLoop: () => request<LoopStall>('loop-read'),
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.connected) child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill(), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      stopping = true;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

function waitReady(
  child: ChildProcess,
  label: string,
): Promise<{ url: string; dataDir: string | null }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${label} server did not start in ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    child.on('message', (message: HostMessage) => {
      if (message.type !== 'ready') return;
      clearTimeout(timer);
      resolve({ url: message.url, dataDir: message.dataDir });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} server exited during startup (code ${code})`));
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
