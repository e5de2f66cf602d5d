// The disk flusher of the relaxed durability mode, run in a worker thread (see WalFlusher.ts).
// Plain JavaScript so that it loads the same under tsx, vitest and plain Node.
//
// The main thread commits every update to the SQLite WAL with synchronous=NORMAL (written to the
// operating system, not yet to the disk) and counts its commits in a shared Int32Array. Every
// `intervalMs` this thread looks at the counter and, when it moved, fdatasyncs the WAL file: a
// commit reaches the disk at most one interval (plus the flush itself) after it was written,
// and no flush ever runs on the event loop that relays edits. Checkpoints (copying the WAL into
// the database file) run here too, on this thread's own connection, so they never stall a room.
import { closeSync, existsSync, fdatasyncSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { dbPath, intervalMs, checkpointEvery, counters } = workerData;
/** [0]: commits written by the main thread; [1]: commits known to be on disk. */
const commits = new Int32Array(counters);

const db = new Database(dbPath);
db.pragma('busy_timeout = 5000');
db.prepare('SELECT count(*) FROM sqlite_master').get(); // opens the WAL, so the file exists

let walFd = -1;
let ticks = 0;
let flushing = false;

function walDescriptor() {
  if (walFd < 0 && existsSync(`${dbPath}-wal`)) walFd = openSync(`${dbPath}-wal`, 'r');
  return walFd;
}

/** Flushes the WAL when commits were written since the last flush; reports what it did. */
function flush(final) {
  if (flushing) return;
  flushing = true;
  try {
    const written = Atomics.load(commits, 0);
    ticks++;
    if (written !== Atomics.load(commits, 1)) {
      const started = performance.now();
      const fd = walDescriptor();
      if (fd >= 0) fdatasyncSync(fd);
      const seconds = (performance.now() - started) / 1000;
      Atomics.store(commits, 1, written);
      parentPort.postMessage({ type: 'flushed', upTo: written, seconds });
    }
    if (final || ticks % checkpointEvery === 0) {
      const started = performance.now();
      const [result] = db.pragma(final ? 'wal_checkpoint(TRUNCATE)' : 'wal_checkpoint(PASSIVE)');
      if (result && result.log > 0) {
        parentPort.postMessage({
          type: 'checkpoint',
          frames: result.checkpointed,
          seconds: (performance.now() - started) / 1000,
        });
      }
    }
  } catch (err) {
    parentPort.postMessage({
      type: 'error',
      message: String(err && err.message ? err.message : err),
    });
  } finally {
    flushing = false;
  }
}

const timer = setInterval(() => flush(false), intervalMs);

parentPort.on('message', (message) => {
  if (message.type === 'flushNow') {
    flush(false);
    parentPort.postMessage({ type: 'flushedNow', id: message.id });
  } else if (message.type === 'close') {
    clearInterval(timer);
    flush(true);
    if (walFd >= 0) closeSync(walFd);
    db.close();
    parentPort.postMessage({ type: 'closed' });
    parentPort.close();
  }
});
