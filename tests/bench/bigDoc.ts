/**
 * Big documents: an analysis of 2,000 whys built by 50,000 updates, pushed over a socket; then
 * unload and compaction, and a fresh client's load, with another small room typing meanwhile
 * (method in run.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { whysOf } from '@whychain/shared';
import {
  buildBig,
  CHARS_PER_WHY,
  openBig,
  openStore,
  push,
  PUSH_BATCH,
  unloadAndCompact,
  WHYS,
} from './bigDocParts';
import { watchMachine } from './machine';
import { RawClient } from './rawClient';
import { spawnServer, type BenchServer, type HostOptions, type LoopStall } from './servers';
import { ms, percentile, table } from './stats';
import { forkTypingClients, type TypingClients } from './typingClients';

const SMALL_ROOM_INTERVAL_MS = 20;
/** CPU time of the servers and clients of this part, for the machine-load line. */
let benchCpuMs = 0;

async function cpuOf(server: BenchServer): Promise<number> {
  const stats = await server.stats();
  return (stats.cpuUser + stats.cpuSystem) / 1000;
}

async function stopCounted(server: BenchServer): Promise<void> {
  benchCpuMs += await cpuOf(server).catch(() => 0);
  await server.stop();
}
/** Target: no stall over this for the other rooms during compaction and load. */
const STALL_TARGET_MS = 50;

interface PhaseRow {
  server: string;
  phase: string;
  ms: number;
  stall: LoopStall;
  smallMax: number;
  smallSamples: number;
  targeted: boolean;
}

interface MemoryRow {
  server: string;
  how: string;
  rssWithout: number;
  rssWith: number;
  heapDelta: number;
}

/** A running server with a small room open in which one writer types every 20 ms. */
interface Setup {
  server: BenchServer;
  typing: TypingClients;
}

async function withSmallRoom(options: HostOptions, crash: (err: Error) => void): Promise<Setup> {
  const server = await spawnServer(options, crash);
  return { server, typing: await smallRoom(server, await server.createRoom(), crash) };
}

async function smallRoom(
  server: BenchServer,
  room: { room: string; initialized: boolean },
  crash: (err: Error) => void,
): Promise<TypingClients> {
  const typing = await forkTypingClients({
    url: server.url,
    rooms: [room],
    processes: 1,
    socketsPerRoom: 2,
    intervalMs: SMALL_ROOM_INTERVAL_MS,
    onCrash: crash,
  });
  typing.start();
  await sleep(1000);
  return typing;
}

/** Runs `fn` as one phase: the server's loop stall and the small room's arrivals meanwhile. */
async function phase(
  setup: Setup,
  rows: PhaseRow[],
  name: string,
  targeted: boolean,
  fn: () => Promise<number | void>,
): Promise<void> {
  await setup.server.resetLoop();
  setup.typing.windowStart();
  const started = performance.now();
  const measured = await fn();
  const elapsed = measured ?? performance.now() - started;
  await sleep(200); // a stall right after the phase still belongs to it
  const stall = await setup.server.readLoop();
  const [window] = await setup.typing.windowEnd();
  benchCpuMs += window!.cpuMs;
  const delays = [...window!.delays].sort((a, b) => a - b);
  rows.push({
    server: setup.server.label,
    phase: name,
    ms: elapsed,
    stall,
    smallMax: percentile(delays, 100),
    smallSamples: delays.length,
    targeted,
  });
}

async function memory(server: BenchServer) {
  await server.gc();
  await sleep(200);
  await server.gc();
  return server.stats();
}

/** Ours as it ships: the log compacts every 500 updates and on unload. */
async function oursDefault(crash: (err: Error) => void, rows: PhaseRow[], mem: MemoryRow[]) {
  const setup = await withSmallRoom({ kind: 'ours' }, crash);
  const { server } = setup;
  try {
    const { room } = await server.createRoom();
    const big = await openBig(server, room);
    const built = buildBig(big.pusher.doc, false);
    await phase(setup, rows, `push ${built.updates.length} updates`, false, () => push(big, built));
    let info = { logAtClose: 0, compactedMs: 0, snapshotBytes: 0 };
    await phase(setup, rows, 'unload + compaction', true, async () => {
      info = await unloadAndCompact(server, [big.pusher, big.observer], room);
      return info.compactedMs;
    });
    rows[rows.length - 1]!.phase +=
      ` (log ${info.logAtClose} updates -> snapshot ${(info.snapshotBytes / 1024).toFixed(0)} KiB)`;
    const without = await memory(server);
    let fresh: RawClient | undefined;
    await phase(setup, rows, 'load from storage -> synced', true, async () => {
      fresh = new RawClient(server.url, room);
      await fresh.synced;
      return fresh.syncMs;
    });
    if (whysOf(fresh!.doc).size !== WHYS) throw new Error('the loaded analysis lacks whys');
    const withRoom = await memory(server);
    mem.push({
      server: server.label,
      how: 'after unload vs after reload (same process)',
      rssWithout: without.rss,
      rssWith: withRoom.rss,
      heapDelta: withRoom.heapUsed - without.heapUsed,
    });
    fresh!.close();
    await setup.typing.stop();
  } finally {
    await stopCounted(server);
  }
}

/** Ours with a 50,000-update log: compaction off, killed after the push, restarted, loaded. */
async function oursFromLog(crash: (err: Error) => void, rows: PhaseRow[], mem: MemoryRow[]) {
  const dataDir = mkdtempSync(join(tmpdir(), 'whychain-bench-big-'));
  try {
    const first = await withSmallRoom({ kind: 'ours', compactAfter: 1e9, dataDir }, crash);
    const small = await first.server.createRoom();
    const { room } = await first.server.createRoom();
    const big = await openBig(first.server, room);
    const built = buildBig(big.pusher.doc, false);
    await push(big, built);
    await first.typing.stop();
    benchCpuMs += await cpuOf(first.server);
    await first.server.kill(); // the log stays as it is: nothing compacts it
    big.pusher.close();
    big.observer.close();

    const server = await spawnServer({ kind: 'ours', dataDir }, crash);
    try {
      const setup: Setup = { server, typing: await smallRoom(server, small, crash) };
      const without = await memory(server);
      const store = openStore(dataDir);
      const logLength = store.logLength(room);
      store.close();
      let fresh: RawClient | undefined;
      await phase(setup, rows, `load a ${logLength}-update log -> synced`, true, async () => {
        fresh = new RawClient(server.url, room);
        await fresh.synced;
        return fresh.syncMs;
      });
      if (whysOf(fresh!.doc).size !== WHYS) throw new Error('the loaded analysis lacks whys');
      const withRoom = await memory(server);
      mem.push({
        server: `${server.label}, from the log`,
        how: 'fresh process, before vs after the load',
        rssWithout: without.rss,
        rssWith: withRoom.rss,
        heapDelta: withRoom.heapUsed - without.heapUsed,
      });
      let info = { logAtClose: 0, compactedMs: 0, snapshotBytes: 0 };
      await phase(setup, rows, 'unload + compaction', true, async () => {
        info = await unloadAndCompact(server, [fresh!], room);
        return info.compactedMs;
      });
      rows[rows.length - 1]!.phase += ` (log ${info.logAtClose} updates)`;
      await setup.typing.stop();
    } finally {
      await stopCounted(server);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The stock relay: the same updates over a socket, kept in memory; then a fresh client syncs. */
async function reference(crash: (err: Error) => void, rows: PhaseRow[], mem: MemoryRow[]) {
  const setup = await withSmallRoom({ kind: 'reference' }, crash);
  const { server } = setup;
  try {
    const { room } = await server.createRoom();
    const without = await memory(server);
    const big = await openBig(server, room);
    const built = buildBig(big.pusher.doc, true);
    await phase(setup, rows, `push ${built.updates.length} updates`, false, () => push(big, built));
    big.pusher.close();
    big.observer.close();
    await sleep(500);
    let fresh: RawClient | undefined;
    await phase(setup, rows, 'fresh client -> synced (in memory)', true, async () => {
      fresh = new RawClient(server.url, room);
      await fresh.synced;
      return fresh.syncMs;
    });
    if (whysOf(fresh!.doc).size !== WHYS) throw new Error('the synced analysis lacks whys');
    const withRoom = await memory(server);
    mem.push({
      server: server.label,
      how: 'fresh process, before vs after the push',
      rssWithout: without.rss,
      rssWith: withRoom.rss,
      heapDelta: withRoom.heapUsed - without.heapUsed,
    });
    fresh!.close();
    await setup.typing.stop();
  } finally {
    await stopCounted(server);
  }
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** Runs the big-document part and prints its tables. */
export async function runBigDoc(crash: (err: Error) => void): Promise<void> {
  const machine = watchMachine();
  const ownBefore = process.cpuUsage();
  benchCpuMs = 0;
  console.log(
    `Big documents: ${WHYS} whys built by ${WHYS * (CHARS_PER_WHY + 1)} updates (add, then type ` +
      `${CHARS_PER_WHY} characters one update each), pushed over one socket in batches of ` +
      `${PUSH_BATCH};\nanother room stays open meanwhile, its writer typing every ` +
      `${SMALL_ROOM_INTERVAL_MS} ms (own process).\n`,
  );
  const rows: PhaseRow[] = [];
  const mem: MemoryRow[] = [];
  await oursDefault(crash, rows, mem);
  process.stdout.write('  done: ours, compacting as it ships\n');
  await oursFromLog(crash, rows, mem);
  process.stdout.write('  done: ours, from a whole log\n');
  await reference(crash, rows, mem);
  process.stdout.write('  done: reference\n\n');
  console.log(
    table(
      ['server', 'phase', 'time', 'server loop stall max', 'other room max', 'target'],
      rows.map((r) => [
        r.server,
        r.phase,
        ms(r.ms),
        ms(r.stall.max),
        `${ms(r.smallMax)} (${r.smallSamples})`,
        r.targeted
          ? r.stall.max <= STALL_TARGET_MS && r.smallMax <= STALL_TARGET_MS
            ? 'PASS'
            : 'MISS'
          : '',
      ]),
    ),
  );
  console.log(
    `target: during compaction and load no server event-loop stall over ${STALL_TARGET_MS} ms and ` +
      `the other room's edit-to-arrival max under ${STALL_TARGET_MS} ms (its sample count in ` +
      'brackets); time = to the log being empty in the SQLite file (compaction), to the fresh ' +
      "client's sync step 2 applied (load), or the whole paced push.\n",
  );
  console.log(
    table(
      ['server', 'measured', 'RSS without', 'RSS with', 'RSS delta', 'heap delta'],
      mem.map((m) => [
        m.server,
        m.how,
        mib(m.rssWithout),
        mib(m.rssWith),
        mib(m.rssWith - m.rssWithout),
        mib(m.heapDelta),
      ]),
    ),
  );
  console.log(
    'memory per loaded analysis: server process after a full GC, with the room and without.',
  );
  const own = process.cpuUsage(ownBefore);
  console.log(machine.report(benchCpuMs + (own.user + own.system) / 1000));
}
