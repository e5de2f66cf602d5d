import type { AnalysisSnapshot } from './readAnalysis';

/** What lists, search and insights know of an analysis without loading its document. */
export interface AnalysisSummary {
  title: string;
  status: string;
  problem: string;
  rootCauses: { id: string; text: string; category: string | null }[];
  whyCount: number;
  /** Actions not done nor cancelled. */
  openActions: number;
  /** Open actions whose due date is before `today`. */
  overdueActions: number;
  /** Owners of the analysis's actions, each once, in alphabetical order. */
  owners: string[];
}

/** True when the action is still to do and its due day (YYYY-MM-DD) is before `today`. */
export function isOverdue(
  action: { status: string; dueDate: string | null },
  today: string,
): boolean {
  const open = action.status !== 'done' && action.status !== 'cancelled';
  // Dates are YYYY-MM-DD, so comparing the strings compares the days.
  return open && action.dueDate !== null && action.dueDate < today;
}

/** The summary row of an analysis; `today` is YYYY-MM-DD. */
export function summarizeAnalysis(snapshot: AnalysisSnapshot, today: string): AnalysisSummary {
  const owners: string[] = [];
  let openActions = 0;
  let overdueActions = 0;
  for (const action of snapshot.actions) {
    const owner = action.owner.trim();
    if (owner && !owners.includes(owner)) owners.push(owner);
    if (action.status === 'done' || action.status === 'cancelled') continue;
    openActions++;
    if (isOverdue(action, today)) overdueActions++;
  }
  return {
    title: snapshot.title,
    status: snapshot.status,
    problem: snapshot.problem,
    rootCauses: snapshot.order
      .map((id) => snapshot.whys[id]!)
      .filter((why) => why.rootCause)
      .map((why) => ({ id: why.id, text: why.text, category: why.category })),
    whyCount: snapshot.order.length,
    openActions,
    overdueActions,
    // Actions live in a map, whose order differs between replicas: sort for a stable row.
    owners: owners.sort((a, b) => a.localeCompare(b)),
  };
}
