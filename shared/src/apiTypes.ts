/**
 * The shapes the HTTP API answers, written once for the server that builds them and the client
 * that reads them. (Case JSON is in cases/caseJson.ts.)
 */

/** One analysis as `GET /api/analyses` lists it: its document row and summary. */
export interface AnalysisListItem {
  id: string;
  title: string;
  status: string;
  problem: string;
  rootCauses: { id: string; text: string; category: string | null }[];
  whyCount: number;
  openActions: number;
  overdueActions: number;
  owners: string[];
  caseIds: string[];
  /** Milliseconds since 1970. */
  createdAt: number;
  updatedAt: number;
}

export const ANALYSIS_SORTS = [
  'updatedAt',
  '-updatedAt',
  'createdAt',
  '-createdAt',
  'title',
  '-title',
] as const;
export type AnalysisSort = (typeof ANALYSIS_SORTS)[number];

/** One action as `GET /api/actions` lists it, across all analyses. */
export interface ActionListItem {
  id: string;
  analysisId: string;
  analysisTitle: string;
  /** Null for a containment action on the whole analysis. */
  whyId: string | null;
  whyText: string;
  kind: string;
  description: string;
  owner: string;
  /** YYYY-MM-DD, or null when no date is set. */
  dueDate: string | null;
  status: string;
  /** Past its due date and neither done nor cancelled. */
  overdue: boolean;
}

export type SearchKind = 'case' | 'analysis' | 'why' | 'action' | 'customer';

/** One hit of `GET /api/search`. */
export interface SearchResult {
  kind: SearchKind;
  id: string;
  /** The analysis a why or an action belongs to. */
  analysisId?: string;
  caseId?: string;
  title: string;
  /** Which field matched (summary, description, name, title, problem, text, ...). */
  field: string;
  /** Plain text; the match sits between \u0002 and \u0003. */
  snippet: string;
}

/** A root cause of another analysis worded like the why being written. */
export interface SeenBeforeMatch {
  analysisId: string;
  analysisTitle: string;
  status: string;
  whyId: string;
  text: string;
  caseIds: string[];
}

/** Root causes of one category (`Uncategorized` for those without one). */
export interface CategoryCount {
  category: string;
  count: number;
}

/** An amount at stake in one currency (ISO 4217); amounts of different currencies never mix. */
export interface StakeAmount {
  currency: string;
  amount: number;
}

/** One root cause with the cases its analysis is linked to and what those cases put at stake. */
export interface RankedRootCause {
  analysisId: string;
  analysisTitle: string;
  whyId: string;
  text: string;
  category: string | null;
  caseCount: number;
  stakes: StakeAmount[];
}

/** Root causes worded alike in two or more analyses. */
export interface RecurringRootCause {
  text: string;
  analyses: { analysisId: string; analysisTitle: string; whyId: string; text: string }[];
}

export interface OwnerActions {
  owner: string;
  open: number;
  overdue: number;
}

/** Median times from a case's receipt to each recovery step; null when no case reached it. */
export interface RecoveryTimes {
  acknowledgeMs: number | null;
  resolveMs: number | null;
  confirmMs: number | null;
  cases: number;
}

/** The figures behind the Insights screen, as `GET /api/insights` answers them. */
export interface Insights {
  categories: CategoryCount[];
  rootCauses: RankedRootCause[];
  recurring: RecurringRootCause[];
  actionsByOwner: OwnerActions[];
  recovery: RecoveryTimes;
}
