import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/**
 * CPU time the whole machine has spent busy (all cores, all processes) in milliseconds, from
 * /proc/stat; null where there is none. Two readings give what every process together used,
 * so the bench can tell its own load from other work on the machine.
 */
export function machineBusyMs(): number | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
    const ticks = user! + nice! + system! + irq! + softirq! + steal!;
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/**
 * Watches the machine over one part of the bench: `report(ownMs)` says how busy every core was
 * on average and how much of that was not the bench (`ownMs`: CPU time of the bench's own
 * processes meanwhile), so a reader can tell a quiet run from a noisy one.
 */
export function watchMachine(): { report(ownMs: number): string } {
  const busyAt = machineBusyMs();
  const startedAt = performance.now();
  return {
    report(ownMs: number) {
      const busyNow = machineBusyMs();
      if (busyAt === null || busyNow === null) return 'machine load: unknown (no /proc/stat)';
      const wall = performance.now() - startedAt;
      const all = ((busyNow - busyAt) / wall) * 100;
      const others = Math.max(0, all - (ownMs / wall) * 100);
      return (
        `machine load during this part: ${all.toFixed(0)}% of ${availableParallelism() * 100}% ` +
        `(other processes than the bench: ${others.toFixed(0)}%; quiet runs have near 0%)`
      );
    },
  };
}
