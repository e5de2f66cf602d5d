/**
 * The bench: sync latency, many rooms, big documents and editor speed.
 *
 * Run with `npm run bench`; `BENCH_ONLY=latency,rooms,big,editor,library,exports` (any of them, comma-separated;
 * default all) runs some parts. It measures and prints; it is not a test, so it exits 0 whatever
 * the numbers say, and non-zero only when something crashes.
 *
 * Method
 * - Every server runs in its own child process (serverHost.ts), which reports its URL, its CPU
 *   time, RSS and event-loop stalls (`monitorEventLoopDelay`, 1 ms resolution) over IPC: ours
 *   (`startServer`, SQLite in a temp dir) with `durability: 'relaxed'` (the default: an update is
 *   in the SQLite WAL before it is relayed and fdatasynced off the relay path at most 100 ms
 *   later) or `'strict'` (every update fdatasynced before it is relayed), and the reference
 *   (@y/websocket-server 0.1.1 `setupWSConnection`, in memory).
 * - Latency (latency.ts, clients.ts): "N clients" means N receiving clients plus one writer in
 *   one analysis, all real y-websocket providers in this process; the writer role rotates (edit i
 *   is made by client i mod (N + 1)). An edit is `editWhyText` changing the last character of one
 *   why. The writer takes `process.hrtime` just before the edit; each receiver takes it in its
 *   doc 'update' handler for network updates once the writer's update is in its document; one
 *   edit gives N samples. Edits are closed-loop (the next starts when every receiver has the
 *   previous one, after a random 2-5 ms pause, so no two share a batch and the pauses do not fall
 *   into a rhythm with timers); an edit not everywhere within 5 s is a timeout. Three servers
 *   (ours relaxed, ours strict, reference) get a warm-up, then take turns edit by edit in a
 *   random order per round, so drift and noise hit all alike. Between rounds the bench times a
 *   4 KiB overwrite + fdatasync in the temp dir (diskFlush.ts): the least that putting an update
 *   on disk before relaying it can add on this machine now.
 * - Many rooms (manyRooms.ts, roomsClient.ts, rawClient.ts): 2,000 sockets over 200 analyses, in
 *   each one writer typing a character every 200 ms (random phase) and nine receiving. The
 *   clients are lean y-websocket protocol clients (one socket and one Y.Doc each, no awareness)
 *   in 4 child processes of 50 rooms; a room's writer and receivers share a process, so arrival
 *   is timed against the writer's send on one clock. After 5 s of warm-up, 25 s are measured:
 *   delays of the edits sent in the window, the server's CPU (`process.cpuUsage` over the
 *   window, % of one core), its RSS (sampled every 250 ms: peak and end) and each client
 *   process's CPU. Ours, then the stock relay, each in a fresh process.
 * - Big documents (bigDoc.ts): an analysis of 2,000 whys built by 50,000 updates (each why added,
 *   then its 24 characters typed one update each), pushed over one socket in paced batches. Ours
 *   stores them as its log (compacting every 500 updates, as it ships); the last client leaves
 *   (the room unloads and compacts: timed until the log in the SQLite file is empty, read-only),
 *   then a fresh client opens a socket and is timed until it has the whole document (ours loads
 *   it from storage). A second run with compaction off, killed with SIGKILL after the push and
 *   restarted, times the load of the whole 50,000-update log. The stock relay gets the same
 *   updates over a socket and keeps them in memory; then a fresh client syncs. Memory per
 *   analysis is the server's RSS after a full GC with the room loaded minus without it. During
 *   each phase another small room is open with a writer typing every 20 ms (a child process);
 *   its edit-to-arrival max, and the server's longest event-loop stall, are printed per phase.
 * - Editor speed (editorSpeed.ts): Chromium against our server, see that file.
 * - Library at scale (library.ts): lists, search, a customer page and insights over HTTP with
 *   10,000 cases, 2,000 analyses and 100,000 whys, see that file.
 * - Exports (exports.ts): every format of a 200-why analysis, and a streamed ZIP of 100 PDF
 *   reports with the server's memory, see that file.
 */
import { runBigDoc } from './bigDoc';
import { runEditorSpeed } from './editorSpeed';
import { runExports } from './exports';
import { runLatency } from './latency';
import { runLibrary } from './library';
import { runManyRooms } from './manyRooms';

const PARTS = ['latency', 'rooms', 'big', 'editor', 'library', 'exports'] as const;
type Part = (typeof PARTS)[number];

function partsToRun(): Set<Part> {
  const raw = process.env.BENCH_ONLY?.trim();
  if (!raw) return new Set(PARTS);
  const asked = raw.split(',').map((p) => p.trim());
  const unknown = asked.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0) {
    throw new Error(
      `BENCH_ONLY: unknown part(s) ${unknown.join(', ')}; known: ${PARTS.join(', ')}`,
    );
  }
  return new Set(asked as Part[]);
}

async function main(): Promise<void> {
  const started = Date.now();
  const parts = partsToRun();
  const crash = (err: Error) => {
    console.error(`bench crashed: ${err.message}`);
    process.exit(1);
  };
  const timed = async (name: string, run: () => Promise<void>) => {
    const at = Date.now();
    await run();
    console.log(`(${name}: ${((Date.now() - at) / 1000).toFixed(1)} s)\n`);
  };
  if (parts.has('latency')) await timed('latency', () => runLatency(crash));
  if (parts.has('rooms')) await timed('many rooms', () => runManyRooms(crash));
  if (parts.has('big')) await timed('big documents', () => runBigDoc(crash));
  if (parts.has('editor')) {
    console.log('Editor speed in Chromium (50, 500, 2,000 and 5,000 whys):');
    await timed('editor', () => runEditorSpeed());
  }
  if (parts.has('library')) await timed('library', () => runLibrary(crash));
  if (parts.has('exports')) await timed('exports', () => runExports(crash));
  console.log(`elapsed: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err: Error) => {
  console.error(`bench crashed: ${err.stack ?? err.message}`);
  process.exit(1);
});
