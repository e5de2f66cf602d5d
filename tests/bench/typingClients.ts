import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ParentMessage } from './roomsClient';

const ENTRY = fileURLToPath(new URL('./roomsClient.ts', import.meta.url));
const READY_TIMEOUT_MS = 180_000;

/** What one client process reported for one measuring window. */
export type ClientWindow = Extract<ChildMessage, { type: 'window' }>;

/** Client processes (roomsClient.ts), each typing in its share of the rooms. */
export interface TypingClients {
  pids: number[];
  start(): void;
  windowStart(): void;
  windowEnd(): Promise<ClientWindow[]>;
  stop(): Promise<void>;
}

/**
 * Forks `processes` client processes, hands each an equal share of `rooms` (in order) and waits
 * until every room is joined and ready to type.
 */
export async function forkTypingClients(options: {
  url: string;
  rooms: { room: string; initialized: boolean }[];
  processes: number;
  socketsPerRoom: number;
  intervalMs: number;
  onCrash: (err: Error) => void;
}): Promise<TypingClients> {
  const share = Math.ceil(options.rooms.length / options.processes);
  const children: ChildProcess[] = [];
  let stopping = false;
  const inbox: ((m: ChildMessage) => void)[] = [];
  for (let i = 0; i < options.processes; i++) {
    const child = fork(ENTRY, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (m: ChildMessage) => {
      if (m.type === 'failed') options.onCrash(new Error(`bench client failed: ${m.message}`));
      inbox[i]?.(m);
    });
    child.once('exit', (code) => {
      if (!stopping) options.onCrash(new Error(`bench client exited unexpectedly (code ${code})`));
    });
    children.push(child);
  }
  const next = (i: number, type: ChildMessage['type']) =>
    new Promise<ChildMessage>((resolve) => {
      inbox[i] = (m) => {
        if (m.type === type) resolve(m);
      };
    });
  const all = (message: ParentMessage) => children.forEach((c) => c.send(message));

  const ready = children.map((_, i) => next(i, 'ready'));
  children.forEach((child, i) => {
    const message: ParentMessage = {
      type: 'setup',
      url: options.url,
      rooms: options.rooms.slice(i * share, (i + 1) * share),
      socketsPerRoom: options.socketsPerRoom,
      intervalMs: options.intervalMs,
    };
    child.send(message);
  });
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(ready),
    new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`bench clients not ready in ${READY_TIMEOUT_MS} ms`)),
        READY_TIMEOUT_MS,
      );
    }),
  ]);
  clearTimeout(timer);

  return {
    pids: children.map((c) => c.pid!),
    start: () => all({ type: 'start' }),
    windowStart: () => all({ type: 'window-start' }),
    async windowEnd() {
      const windows = children.map((_, i) => next(i, 'window'));
      all({ type: 'window-end' });
      return (await Promise.all(windows)) as ClientWindow[];
    },
    async stop() {
      stopping = true;
      const exited = children.map(
        (c) =>
          new Promise<void>((resolve) =>
            c.exitCode !== null ? resolve() : c.once('exit', () => resolve()),
          ),
      );
      all({ type: 'stop' });
      await Promise.all(exited);
    },
  };
}
