import type { CategoryCount } from '../api/insightsApi';

/** One bar of the Pareto chart: a category, its count and the share of all counts up to it. */
export interface ParetoRow {
  category: string;
  count: number;
  /** Percent of all root causes in this and every larger category, 0-100, rounded. */
  cumulative: number;
}

/** Categories most first (ties by name, so the order is stable) with their running share. */
export function paretoRows(categories: readonly CategoryCount[]): ParetoRow[] {
  const sorted = [...categories]
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
  const total = sorted.reduce((sum, row) => sum + row.count, 0);
  let running = 0;
  return sorted.map((row) => {
    running += row.count;
    return { ...row, cumulative: Math.round((running / total) * 100) };
  });
}
