/**
 * Edit-to-arrival latency of our sync server against the stock y-websocket server.
 *
 * Run with `npm run bench`. It measures and prints; it is not a test, so it exits 0 whatever the
 * numbers say, and non-zero only when something crashes.
 *
 * Method
 * - Two servers run side by side, each in its own child process (serverHost.ts): ours
 *   (`startServer`, SQLite with WAL + synchronous=FULL in a temp dir, every update stored before
 *   it is relayed) and the reference (@y/websocket-server 0.1.1 `setupWSConnection`, in memory).
 *   The clients all run in this process, as real y-websocket providers over loopback.
 * - "N clients" means N receiving clients plus one writer: N + 1 providers join one analysis, so
 *   there is always at least one receiver. The writer role rotates over all N + 1 clients (edit i
 *   is made by client i mod (N + 1)); the other N receive it.
 * - An edit is `editWhyText` on one why, changing its last character (one deletion and one
 *   insertion in one transaction). The writer takes `process.hrtime` just before the edit; each
 *   receiver takes it in its doc 'update' handler for updates applied from the network (origin is
 *   the provider), once the writer's update is in its document. A sample is that difference, so
 *   one edit gives N samples and p50/p99 are over all arrivals of all edits.
 * - Edits are closed-loop: the next one starts when every receiver has the previous one, after a
 *   random pause of 2-5 ms, so no two edits share a batch and the pauses do not fall into a
 *   rhythm with timers. An edit not everywhere within 5 s counts as a timeout.
 * - Per configuration both servers get a warm-up (not counted); then the servers take turns edit
 *   by edit, in a random order per pair, so machine drift and noise from other processes hit
 *   both alike.
 * - Between edits it also times a 4 KiB overwrite + fdatasync in the temp dir (diskFlush.ts): the
 *   least that storing an update before relaying it can add to its delay on this machine now.
 */
import { closeRoom, measure, openRoom } from './clients';
import { DiskFlushProbe } from './diskFlush';
import { runEditorSpeed } from './editorSpeed';
import { spawnServer, type BenchServer } from './servers';
import { ms, summarize, table, type Summary } from './stats';

interface Config {
  receivers: number;
  /** Edits per server (samples per server = edits x receivers). */
  edits: number;
}

const CONFIGS: readonly Config[] = [
  { receivers: 1, edits: 3000 },
  { receivers: 10, edits: 800 },
  { receivers: 50, edits: 400 },
];
const WARMUP_EDITS = 60;
const GAP_MS = [2, 5] as const;
/** Target: our p99 at most this many times the reference p99. */
const TARGET_RATIO = 1.2;

interface Result {
  receivers: number;
  ours: Summary;
  reference: Summary;
  flush: Summary;
}

/** Runs one configuration on both servers, interleaved edit by edit. */
async function runConfig(config: Config, ours: BenchServer, reference: BenchServer) {
  const rooms = [
    await openRoom(ours, config.receivers),
    await openRoom(reference, config.receivers),
  ];
  const probe = new DiskFlushProbe();
  try {
    await measure(rooms, WARMUP_EDITS, GAP_MS);
    const [oursSamples, referenceSamples] = await measure(rooms, config.edits, GAP_MS, () =>
      probe.sample(),
    );
    return {
      receivers: config.receivers,
      ours: summarize(oursSamples!),
      reference: summarize(referenceSamples!),
      flush: summarize(probe.samples),
    };
  } finally {
    probe.close();
    for (const room of rooms) closeRoom(room);
  }
}

function report(results: readonly Result[]): void {
  const rows = results.map(({ receivers, ours, reference }) => {
    const ratio = ours.p99 / reference.p99;
    return [
      String(receivers),
      ms(ours.p50),
      ms(ours.p99),
      ms(reference.p50),
      ms(reference.p99),
      `${ratio.toFixed(2)}x`,
      ratio <= TARGET_RATIO ? 'PASS' : 'MISS',
    ];
  });
  const header = ['clients', 'ours p50', 'ours p99', 'reference p50', 'reference p99'];
  console.log(table([...header, 'ratio p99 (ours/ref)', 'target'], rows));
  console.log(`\ntarget: ours p99 <= ${TARGET_RATIO}x reference p99 (per row)\n`);
  const detail = results.map(({ receivers, ours, reference, flush }) => [
    String(receivers),
    String(ours.count),
    `${ours.timeouts}/${reference.timeouts}`,
    ms(ours.max),
    ms(reference.max),
    ms(flush.p50),
    ms(flush.p99),
  ]);
  const detailHeader = ['clients', 'samples/server', 'timeouts ours/ref', 'ours max', 'ref max'];
  console.log(table([...detailHeader, 'disk flush p50', 'disk flush p99'], detail));
  console.log(
    'disk flush = 4 KiB overwrite + fdatasync in the temp dir, sampled between edits: about the least ' +
      'that storing an update before relaying it adds to its delay.',
  );
}

async function main(): Promise<void> {
  const started = Date.now();
  console.log(
    'Edit-to-arrival latency, loopback. "N clients" = N receivers + 1 writer in one analysis;\n' +
      'the writer role rotates; one sample per receiver per edit (writer hrtime before the edit\n' +
      `to receiver doc 'update'). Edits closed-loop with ${GAP_MS[0]}-${GAP_MS[1]} ms random gaps, ` +
      `${WARMUP_EDITS} warm-up edits; servers interleaved edit by edit in random order.\n`,
  );
  const crash = (err: Error) => {
    console.error(`bench crashed: ${err.message}`);
    process.exit(1);
  };
  // Each y-websocket provider adds a process 'exit' listener; up to 2 x 51 are open at once.
  process.setMaxListeners(2 * (Math.max(...CONFIGS.map((c) => c.receivers)) + 1) + 10);
  const servers = await Promise.all([spawnServer('ours', crash), spawnServer('reference', crash)]);
  const [ours, reference] = servers;
  try {
    const results: Result[] = [];
    for (const config of CONFIGS) {
      results.push(await runConfig(config, ours, reference));
      process.stdout.write(`  done: ${config.receivers} clients\n`);
    }
    console.log('');
    report(results);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
  console.log('\nEditor speed in Chromium (50, 500 and 2,000 whys):');
  await runEditorSpeed();
  console.log(`\nelapsed: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err: Error) => {
  console.error(`bench crashed: ${err.stack ?? err.message}`);
  process.exit(1);
});
