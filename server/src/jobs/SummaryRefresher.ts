import type { Kysely } from 'kysely';
import { summarizeAnalysis, type AnalysisSnapshot } from '@whychain/shared';
import type { Database } from '../db/schema';
import { replaceActions } from '../db/actions';
import { indexAnalysis } from '../db/analysisIndex';
import { analysesWithoutSummary, upsertSummary } from '../db/summaries';
import type { Logger } from '../log';

export interface SummaryRefresherOptions {
  db: Kysely<Database>;
  /** The analysis as it stands (from memory when loaded, else from storage). */
  snapshot(id: string): Promise<AnalysisSnapshot | undefined>;
  log: Logger;
  /** How long after a change its summary is refreshed; later changes within it share one. */
  delayMs?: number;
  /** Today as YYYY-MM-DD, for overdue actions (the server's local day). */
  today?: () => string;
  /** Told after each refresh wrote its rows (caches of figures built on them go stale). */
  onRefreshed?(analysisId: string): void;
}

export const localToday = () => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/**
 * Keeps each analysis's summary row, its actions list and its search entries (the lists, search and insights read) in step with its
 * document, off the relay path: a stored update only marks the analysis (one Map lookup); the
 * row is rebuilt once, `delayMs` later, from the document in memory.
 */
export class SummaryRefresher {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly delayMs: number;
  private readonly today: () => string;
  private running: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: SummaryRefresherOptions) {
    this.delayMs = options.delayMs ?? 1000;
    this.today = options.today ?? localToday;
  }

  /** The document changed: refresh its summary soon. */
  touched(id: string): void {
    if (this.closed || this.pending.has(id)) return;
    const timer = setTimeout(() => {
      this.pending.delete(id);
      void this.enqueue(id);
    }, this.delayMs);
    timer.unref();
    this.pending.set(id, timer);
  }

  /** Refreshes one analysis now (a new analysis, a test). */
  refreshNow(id: string): Promise<void> {
    const timer = this.pending.get(id);
    if (timer) clearTimeout(timer);
    this.pending.delete(id);
    return this.enqueue(id);
  }

  /** Refreshes everything that is waiting, and resolves once done. */
  async flush(): Promise<void> {
    const ids = [...this.pending.keys()];
    for (const id of ids) void this.refreshNow(id);
    await this.running;
  }

  /** Writes the summaries missing (files from before summaries), one analysis at a time. */
  async backfill(): Promise<number> {
    const ids = await analysesWithoutSummary(this.options.db);
    for (const id of ids) {
      if (this.closed) break;
      await this.enqueue(id);
      await new Promise((resolve) => setImmediate(resolve)); // let the rooms have the loop
    }
    return ids.length;
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }

  /** One refresh at a time, in order: a summary never goes back to an older state. */
  private enqueue(id: string): Promise<void> {
    this.running = this.running.then(() => this.refresh(id));
    return this.running;
  }

  private async refresh(id: string): Promise<void> {
    try {
      const snapshot = await this.options.snapshot(id);
      if (!snapshot) return;
      const { db } = this.options;
      await upsertSummary(db, id, summarizeAnalysis(snapshot, this.today()));
      await replaceActions(db, id, snapshot);
      await indexAnalysis(db, id, snapshot);
      this.options.onRefreshed?.(id);
    } catch (err) {
      this.options.log('error', 'summary refresh failed', {
        analysisId: id,
        why: (err as Error).message,
      });
    }
  }
}
