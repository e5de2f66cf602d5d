/**
 * Edit-to-arrival latency: ours in both durability modes against the stock y-websocket server,
 * three servers taking turns edit by edit (method in run.ts).
 */
import { closeRoom, measure, openRoom } from './clients';
import { DiskFlushProbe } from './diskFlush';
import { watchMachine } from './machine';
import { spawnServer, type BenchServer, type HostOptions } from './servers';
import { ms, summarize, table, type Summary } from './stats';

interface Config {
  receivers: number;
  /** Edits per server (samples per server = edits x receivers). */
  edits: number;
}

/*
 * Edit counts: at 1 receiver an edit takes about 5 ms with its pause, so 5,000 edits x 3 servers
 * are about 75 s; at 10 and 50 receivers one takes about 7 and 15 ms, so 1,200 and 500 x 3 are
 * about 25 s each. The latency part stays near 2.5 minutes (the old 2-server counts would leave
 * p99 at 1 client on 30 samples beyond it; 5,000 gives 50).
 */
const CONFIGS: readonly Config[] = [
  { receivers: 1, edits: 5000 },
  { receivers: 10, edits: 1200 },
  { receivers: 50, edits: 500 },
];
const WARMUP_EDITS = 60;
const GAP_MS = [2, 5] as const;
const SERVERS: readonly HostOptions[] = [
  { kind: 'ours', durability: 'relaxed' },
  { kind: 'ours', durability: 'strict' },
  { kind: 'reference' },
];

interface Result {
  receivers: number;
  relaxed: Summary;
  strict: Summary;
  reference: Summary;
  flush: Summary;
}

/** Runs one configuration on the three servers, interleaved edit by edit. */
async function runConfig(config: Config, servers: readonly BenchServer[]): Promise<Result> {
  const rooms = [];
  for (const server of servers) rooms.push(await openRoom(server, config.receivers));
  const probe = new DiskFlushProbe();
  try {
    await measure(rooms, WARMUP_EDITS, GAP_MS);
    const [relaxed, strict, reference] = await measure(rooms, config.edits, GAP_MS, () =>
      probe.sample(),
    );
    return {
      receivers: config.receivers,
      relaxed: summarize(relaxed!),
      strict: summarize(strict!),
      reference: summarize(reference!),
      flush: summarize(probe.samples),
    };
  } finally {
    probe.close();
    for (const room of rooms) closeRoom(room);
  }
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
const plus = (a: number, b: number) => `${a - b >= 0 ? '+' : ''}${(a - b).toFixed(2)}`;

function report(results: readonly Result[]): void {
  console.log(
    table(
      ['clients', 'relaxed p50', 'relaxed p99', 'strict p50', 'strict p99', 'ref p50', 'ref p99'],
      results.map((r) => [
        String(r.receivers),
        ms(r.relaxed.p50),
        ms(r.relaxed.p99),
        ms(r.strict.p50),
        ms(r.strict.p99),
        ms(r.reference.p50),
        ms(r.reference.p99),
      ]),
    ),
  );
  console.log('');
  console.log(
    table(
      [
        'clients',
        'relaxed/ref p50',
        'relaxed/ref p99',
        'relaxed target',
        'strict p99',
        'ref p99 + flush p99',
        'strict target',
      ],
      results.map((r) => {
        const bound = r.reference.p99 + r.flush.p99;
        return [
          String(r.receivers),
          ratio(r.relaxed.p50, r.reference.p50),
          ratio(r.relaxed.p99, r.reference.p99),
          verdict(r.relaxed.p50 <= r.reference.p50 && r.relaxed.p99 <= r.reference.p99),
          ms(r.strict.p99),
          ms(bound),
          verdict(r.strict.p99 <= bound),
        ];
      }),
    ),
  );
  console.log(
    'targets: relaxed p50 and p99 <= reference (ratio <= 1.00); strict p99 <= reference p99 + ' +
      'disk flush p99 of the same run (per row)\n',
  );
  console.log(
    table(
      [
        'clients',
        'samples/server',
        'timeouts rel/str/ref',
        'max rel/str/ref',
        'disk flush p50',
        'disk flush p99',
      ],
      results.map((r) => [
        String(r.receivers),
        String(r.relaxed.count),
        `${r.relaxed.timeouts}/${r.strict.timeouts}/${r.reference.timeouts}`,
        [r.relaxed.max, r.strict.max, r.reference.max].map((v) => v.toFixed(1)).join('/') + ' ms',
        ms(r.flush.p50),
        ms(r.flush.p99),
      ]),
    ),
  );
  console.log(
    'disk flush = 4 KiB overwrite + fdatasync in the temp dir, sampled between edits: about the least ' +
      'that storing an update on disk before relaying it adds to its delay.',
  );
  const cost = (pick: (r: Result) => Summary) =>
    results
      .map((r) => `${plus(pick(r).p50, r.reference.p50)}/${plus(pick(r).p99, r.reference.p99)}`)
      .join(', ');
  console.log(
    `cost over the in-memory reference, p50/p99 ms at ${results.map((r) => r.receivers).join('/')} ` +
      `clients: relaxed ${cost((r) => r.relaxed)} (in the WAL before relay, on disk <= 100 ms ` +
      `later: an OS crash or power loss may lose that window, kill -9 loses nothing); strict ` +
      `${cost((r) => r.strict)} (every update fdatasynced before it is relayed).`,
  );
}

/** Runs the latency part and prints its tables. */
export async function runLatency(crash: (err: Error) => void): Promise<void> {
  console.log(
    'Edit-to-arrival latency, loopback. "N clients" = N receivers + 1 writer in one analysis;\n' +
      'the writer role rotates; one sample per receiver per edit (writer hrtime before the edit\n' +
      `to receiver doc 'update'). Edits closed-loop with ${GAP_MS[0]}-${GAP_MS[1]} ms random gaps, ` +
      `${WARMUP_EDITS} warm-up edits; three servers (ours relaxed, ours strict, reference)\n` +
      'interleaved edit by edit in random order.\n',
  );
  // Each y-websocket provider adds a process 'exit' listener; up to 3 x 51 are open at once.
  const most = Math.max(...CONFIGS.map((c) => c.receivers)) + 1;
  process.setMaxListeners(SERVERS.length * most + 10);
  const servers = await Promise.all(SERVERS.map((options) => spawnServer(options, crash)));
  const cpuMs = async () => {
    const own = process.cpuUsage();
    const stats = await Promise.all(servers.map((s) => s.stats()));
    return [own, ...stats.map((s) => ({ user: s.cpuUser, system: s.cpuSystem }))].reduce(
      (sum, c) => sum + (c.user + c.system) / 1000,
      0,
    );
  };
  const machine = watchMachine();
  const cpuBefore = await cpuMs();
  try {
    const results: Result[] = [];
    for (const config of CONFIGS) {
      results.push(await runConfig(config, servers));
      process.stdout.write(`  done: ${config.receivers} clients\n`);
    }
    console.log('');
    report(results);
    console.log(machine.report((await cpuMs()) - cpuBefore));
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}
