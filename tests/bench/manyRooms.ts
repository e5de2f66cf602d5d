/**
 * Many rooms: 2,000 sockets over 200 analyses, one person typing in each at 5 keys a second,
 * for ours and then for the stock relay, each server in its own process (method in run.ts).
 */
import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { machineBusyMs } from './machine';
import { spawnServer, type HostOptions, type HostStats, type LoopStall } from './servers';
import { ms, percentile, table } from './stats';
import { forkTypingClients, type ClientWindow } from './typingClients';

const ROOMS = Number(process.env.ROOMS ?? 200);
const SOCKETS_PER_ROOM = 10;
const CLIENT_PROCESSES = 4;
const KEY_INTERVAL_MS = 200;
const WARMUP_MS = 5_000;
const MEASURE_MS = Number(process.env.ROOMS_MEASURE_MS ?? 25_000);
const RSS_EVERY_MS = 250;
/** Target: edit-to-arrival p99 under this. */
const TARGET_P99_MS = 50;

interface RoomsResult {
  label: string;
  p50: number;
  p99: number;
  max: number;
  samples: number;
  missing: number;
  /** Server CPU during the window (every thread of the process), % of one core. */
  serverCpu: number;
  /** Share of the window the server's main thread was busy (event-loop utilization), %. */
  serverBusy: number;
  idleRss: number;
  peakRss: number;
  endRss: number;
  /** Per client process, % of one core during the window. */
  clientCpu: number[];
  serverLoop: LoopStall;
  /** Every process on the machine together during the window, % of one core (null: unknown). */
  machineCpu: number | null;
  /** Longest event-loop stall per client process, ms. */
  clientLoop: number[];
}

const cores = availableParallelism();
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const pct = (value: number) => `${value.toFixed(0)}%`;
const busyOf = (a: HostStats, b: HostStats) => {
  const active = b.loopActive - a.loopActive;
  return (active / (active + b.loopIdle - a.loopIdle)) * 100;
};
const cpuOf = (a: HostStats, b: HostStats, wallMs: number) =>
  ((b.cpuUser - a.cpuUser + b.cpuSystem - a.cpuSystem) / 1000 / wallMs) * 100;

async function runOne(options: HostOptions, crash: (err: Error) => void): Promise<RoomsResult> {
  const server = await spawnServer(options, crash);
  try {
    await server.gc();
    const idle = await server.stats();
    let peakRss = idle.rss;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peakRss = Math.max(peakRss, (await server.stats()).rss);
        await sleep(RSS_EVERY_MS);
      }
    })();
    const rooms = [];
    for (let i = 0; i < ROOMS; i++) rooms.push(await server.createRoom());
    const clients = await forkTypingClients({
      url: server.url,
      rooms,
      processes: CLIENT_PROCESSES,
      socketsPerRoom: SOCKETS_PER_ROOM,
      intervalMs: KEY_INTERVAL_MS,
      onCrash: crash,
    });
    let windows: ClientWindow[];
    let before: HostStats;
    let after: HostStats;
    let wallMs: number;
    let serverLoop: LoopStall;
    let machineCpu: number | null = null;
    try {
      clients.start();
      await sleep(WARMUP_MS);
      before = await server.stats();
      await server.resetLoop();
      const started = performance.now();
      const busyBefore = machineBusyMs();
      clients.windowStart();
      await sleep(MEASURE_MS);
      after = await server.stats();
      const busyAfter = machineBusyMs();
      serverLoop = await server.readLoop();
      wallMs = performance.now() - started;
      if (busyBefore !== null && busyAfter !== null) {
        machineCpu = ((busyAfter - busyBefore) / wallMs) * 100;
      }
      windows = await clients.windowEnd();
    } finally {
      sampling = false;
      await sampler;
      await clients.stop();
    }
    const delays = windows.flatMap((w) => w.delays).sort((a, b) => a - b);
    return {
      label: server.label,
      p50: percentile(delays, 50),
      p99: percentile(delays, 99),
      max: delays[delays.length - 1] ?? Number.NaN,
      samples: delays.length,
      missing: windows.reduce((sum, w) => sum + w.missing, 0),
      serverCpu: cpuOf(before, after, wallMs),
      serverBusy: busyOf(before, after),
      idleRss: idle.rss,
      peakRss: Math.max(peakRss, after.rss),
      endRss: after.rss,
      clientCpu: windows.map((w) => (w.cpuMs / w.wallMs) * 100),
      serverLoop,
      machineCpu,
      clientLoop: windows.map((w) => w.loopMax),
    };
  } finally {
    await server.stop();
  }
}

/**
 * Where the time went: the server's core, a client process, or the machine as a whole. Loop busy
 * (event-loop utilization) counts time the server waited for a core as busy too, so only CPU
 * time says whether the server itself is the limit.
 */
function bottleneck(r: RoomsResult): string {
  const clients = r.clientCpu.reduce((a, b) => a + b, 0);
  const others = r.machineCpu === null ? null : Math.max(0, r.machineCpu - clients - r.serverCpu);
  const split =
    `CPU: server ${pct(r.serverCpu)}, clients ${pct(clients)}` +
    (others === null ? '' : `, other processes ${pct(others)}`) +
    ` of ${pct(cores * 100)}; server loop busy ${pct(r.serverBusy)}`;
  const total = r.machineCpu ?? clients + r.serverCpu;
  if (r.serverCpu >= 85) return `the server: its core is near full (${split})`;
  if (Math.max(...r.clientCpu) >= 85) return `a client process is near a full core (${split})`;
  if (total >= cores * 100 * 0.85) {
    return `the machine: every core is near busy, the server waits for one (${split})`;
  }
  if (r.serverBusy >= 85) return `the server's event loop (${split})`;
  return `neither: the server and the clients have CPU to spare (${split})`;
}

/** Runs the many-rooms part and prints its table. */
export async function runManyRooms(crash: (err: Error) => void): Promise<void> {
  console.log(
    `Many rooms: ${ROOMS * SOCKETS_PER_ROOM} sockets over ${ROOMS} analyses (${SOCKETS_PER_ROOM} each), ` +
      `in each one writer typing ${1000 / KEY_INTERVAL_MS} keys/s into one why, ${SOCKETS_PER_ROOM - 1} receiving;\n` +
      `${CLIENT_PROCESSES} client processes of ${ROOMS / CLIENT_PROCESSES} rooms (lean y-websocket clients, ` +
      `one Y.Doc each), ${WARMUP_MS / 1000} s warm-up, ${MEASURE_MS / 1000} s measured; ours, then the stock relay.\n`,
  );
  const results: RoomsResult[] = [];
  for (const options of [{ kind: 'ours' }, { kind: 'reference' }] as HostOptions[]) {
    results.push(await runOne(options, crash));
    process.stdout.write(`  done: ${results[results.length - 1]!.label}\n`);
  }
  console.log('');
  console.log(
    table(
      [
        'server',
        'p50',
        'p99',
        'max',
        'samples',
        'missing',
        'RSS idle',
        'RSS peak',
        'RSS end',
        'RSS growth',
      ],
      results.map((r) => [
        r.label,
        ms(r.p50),
        ms(r.p99),
        ms(r.max),
        String(r.samples),
        String(r.missing),
        mib(r.idleRss),
        mib(r.peakRss),
        mib(r.endRss),
        mib(r.peakRss - r.idleRss),
      ]),
    ),
  );
  const [ours, reference] = results as [RoomsResult, RoomsResult];
  console.log(
    `targets: p99 < ${TARGET_P99_MS} ms: ours ${ours.p99 < TARGET_P99_MS ? 'PASS' : 'MISS'}, ` +
      `reference ${reference.p99 < TARGET_P99_MS ? 'PASS' : 'MISS'}; ours peak RSS <= the stock relay's: ` +
      `${ours.peakRss <= reference.peakRss ? 'PASS' : 'MISS'} (${mib(ours.peakRss)} vs ${mib(reference.peakRss)})\n`,
  );
  console.log(
    table(
      [
        'server',
        'server CPU',
        'server loop busy',
        'server stall max / p99',
        'client CPU (each)',
        'client stall max (each)',
        'machine CPU',
      ],
      results.map((r) => [
        r.label,
        pct(r.serverCpu),
        pct(r.serverBusy),
        `${ms(r.serverLoop.max)} / ${ms(r.serverLoop.p99)}`,
        r.clientCpu.map(pct).join(' '),
        r.clientLoop.map((v) => v.toFixed(0)).join(' ') + ' ms',
        r.machineCpu === null ? '?' : pct(r.machineCpu),
      ]),
    ),
  );
  console.log(
    'CPU in % of one core over the measured window (server: all its threads; loop busy: its ' +
      'main thread, eventLoopUtilization; machine: every process, from /proc/stat); RSS of the ' +
      'server process (idle = before any socket, growth = peak - idle); stall = longest ' +
      'event-loop delay (monitorEventLoopDelay, 1 ms resolution) in the window.',
  );
  for (const r of results) console.log(`bottleneck, ${r.label}: ${bottleneck(r)}`);
}
