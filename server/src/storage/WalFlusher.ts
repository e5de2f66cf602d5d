import { Worker } from 'node:worker_threads';

/** What the flusher reports: each flush of the WAL and each checkpoint, with how long it took. */
export interface FlushEvents {
  onFlush?(seconds: number): void;
  onCheckpoint?(seconds: number): void;
  onError?(message: string): void;
}

/**
 * Runs flushWorker.js: fdatasyncs the SQLite WAL off the event loop at most `intervalMs` after a
 * commit, and checkpoints on its own connection. `committed()` is the whole cost on the write
 * path: one atomic add.
 */
export class WalFlusher {
  private readonly worker: Worker;
  private readonly counters = new Int32Array(new SharedArrayBuffer(8));
  private readonly waiting = new Map<number, () => void>();
  private nextId = 0;
  private closed: Promise<void> | undefined;

  constructor(dbPath: string, intervalMs: number, events: FlushEvents = {}) {
    intervalMs = Math.max(1, intervalMs);
    this.worker = new Worker(new URL('./flushWorker.js', import.meta.url), {
      workerData: {
        dbPath,
        intervalMs,
        // About once a second: a passive checkpoint keeps the WAL from growing without bound.
        checkpointEvery: Math.max(1, Math.round(1000 / intervalMs)),
        counters: this.counters.buffer,
      },
      // The worker is plain JavaScript: no loader (tsx, vitest) needed.
      execArgv: [],
    });
    this.worker.unref();
    this.worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'flushed') events.onFlush?.(message.seconds);
      else if (message.type === 'checkpoint') events.onCheckpoint?.(message.seconds);
      else if (message.type === 'error') events.onError?.(message.message);
      else if (message.type === 'flushedNow') {
        this.waiting.get(message.id)?.();
        this.waiting.delete(message.id);
      }
    });
    this.worker.on('error', (err) => events.onError?.(err.message));
  }

  /** Counts one commit written to the WAL; the worker flushes it within one interval. */
  committed(): void {
    Atomics.add(this.counters, 0, 1);
  }

  /** Whether every commit counted so far is on disk. */
  get flushedAll(): boolean {
    return Atomics.load(this.counters, 0) === Atomics.load(this.counters, 1);
  }

  /** Flushes now and resolves once what was committed before the call is on disk. */
  flushNow(): Promise<void> {
    if (this.closed) return this.closed;
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ type: 'flushNow', id });
    });
  }

  /** Flushes and checkpoints a last time, then stops the worker. */
  close(): Promise<void> {
    this.closed ??= new Promise<void>((resolve) => {
      const done = () => resolve();
      this.worker.once('exit', done);
      this.worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'closed') void this.worker.terminate().then(done, done);
      });
      this.worker.postMessage({ type: 'close' });
    });
    return this.closed;
  }
}

type WorkerMessage =
  | { type: 'flushed'; upTo: number; seconds: number }
  | { type: 'checkpoint'; frames: number; seconds: number }
  | { type: 'flushedNow'; id: number }
  | { type: 'closed' }
  | { type: 'error'; message: string };
