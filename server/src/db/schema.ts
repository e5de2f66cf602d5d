/**
 * The relational tables of the data file as Kysely sees them. Times are milliseconds since 1970;
 * lists and nested records that are always read whole (recovery steps, discovery answers, root
 * causes of a summary) are JSON text. The document tables (`documents`, `updates`) belong to the
 * document store, which reads them with its own prepared statements on the relay path.
 */
export interface CustomerTable {
  id: string;
  name: string;
  /** The name folded for the case-insensitive unique index. */
  name_key: string;
  external_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface CaseTable {
  id: string;
  customer_id: string;
  external_ref: string | null;
  external_url: string | null;
  summary: string;
  description: string;
  touchpoint: string;
  severity: string;
  /** Severity as a number (low 1 ... critical 4) so that lists sort by it. */
  severity_rank: number;
  stakes_amount: number | null;
  stakes_currency: string | null;
  stakes_note: string;
  received_at: number;
  owner: string;
  status: string;
  recovery: string;
  discovery: string;
  created_at: number;
  updated_at: number;
}

export interface CaseAnalysisTable {
  case_id: string;
  analysis_id: string;
  linked_at: number;
}

export interface AnalysisSummaryTable {
  analysis_id: string;
  title: string;
  status: string;
  problem: string;
  /** JSON: [{ id, text, category }] */
  root_causes: string;
  why_count: number;
  open_actions: number;
  overdue_actions: number;
  /** JSON: the action owners, each once. */
  owners: string;
  updated_at: number;
}

export interface AnalysisActionTable {
  id: string;
  analysis_id: string;
  why_id: string | null;
  why_text: string;
  kind: string;
  description: string;
  owner: string;
  /** YYYY-MM-DD */
  due_date: string | null;
  status: string;
}

/** The document store's row per analysis (read here for lists; written by the store only). */
export interface DocumentTable {
  id: string;
  title: string;
  status: string;
  created_at: number;
  updated_at: number;
}

export interface Database {
  customers: CustomerTable;
  cases: CaseTable;
  case_analyses: CaseAnalysisTable;
  analysis_summaries: AnalysisSummaryTable;
  documents: DocumentTable;
  analysis_actions: AnalysisActionTable;
}
