import type { Samples } from './clients';

export interface Summary {
  p50: number;
  p99: number;
  max: number;
  count: number;
  timeouts: number;
}

/** Nearest-rank percentile `p` (0..100) of ascending `sorted`. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: Samples): Summary {
  const sorted = [...samples.delays].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    count: sorted.length,
    timeouts: samples.timeouts,
  };
}

/** Median and 95th percentile of plain samples. */
export function quantiles(values: readonly number[]): { p50: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

/** Renders rows as a plain-text table with right-aligned columns. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => c.padStart(widths[i]!)).join(' | ');
  const rule = widths.map((w) => '-'.repeat(w)).join('-|-');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export const ms = (value: number): string => `${value.toFixed(2)} ms`;
