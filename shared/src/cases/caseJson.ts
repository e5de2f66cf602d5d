import type { CaseStatus, DiscoveryAnswer, Severity, Touchpoint } from './vocabulary';

/** The recovery steps of a case; each time is ISO 8601, or null while the step is not done. */
export interface CaseRecovery {
  acknowledgedAt: string | null;
  containmentStartedAt: string | null;
  resolvedAt: string | null;
  customerConfirmedAt: string | null;
  gesture: { at: string; note: string } | null;
  survey: { at: string; score: number; comment: string } | null;
  institutionalizedAt: string | null;
}

export interface CaseDiscoveryItem {
  id: string;
  question: string;
  answer: DiscoveryAnswer | null;
  note: string;
}

/** A customer case as the API answers it. */
export interface CaseJson {
  id: string;
  customer: { id: string; name: string };
  externalRef: string | null;
  externalUrl: string | null;
  summary: string;
  description: string;
  touchpoint: Touchpoint;
  severity: Severity;
  stakes: { amount: number | null; currency: string | null; note: string };
  receivedAt: string;
  owner: string;
  status: CaseStatus;
  recovery: CaseRecovery;
  discovery: CaseDiscoveryItem[];
  analysisIds: string[];
  createdAt: string;
  updatedAt: string;
}

export const EMPTY_RECOVERY: CaseRecovery = {
  acknowledgedAt: null,
  containmentStartedAt: null,
  resolvedAt: null,
  customerConfirmedAt: null,
  gesture: null,
  survey: null,
  institutionalizedAt: null,
};

/** The writable fields of a case, as POST and PATCH take them (the customer aside). */
export interface CaseFields {
  summary?: string;
  externalRef?: string | null;
  /** http or https only. */
  externalUrl?: string | null;
  description?: string;
  touchpoint?: Touchpoint;
  severity?: Severity;
  stakes?: { amount?: number | null; currency?: string | null; note?: string };
  /** ISO 8601. */
  receivedAt?: string;
  owner?: string;
  status?: CaseStatus;
  /** Only the steps given change; null clears a step. */
  recovery?: Partial<CaseRecovery>;
  /** Only the questions given change; `{ <questionId>: { answer, note } }`. */
  discovery?: Record<string, { answer?: DiscoveryAnswer | null; note?: string }>;
}
