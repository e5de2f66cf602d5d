import { readFileSync } from 'node:fs';

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
