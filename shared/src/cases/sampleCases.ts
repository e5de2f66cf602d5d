import type { CaseStatus, Severity, Touchpoint } from './vocabulary';

/** The customer of the sample analysis. */
export const SAMPLE_CUSTOMER = 'Northwind Book Club';

/**
 * The sample customer's cases: the book overcharge the sample analysis explains, and two earlier
 * small letdowns (from the seed articles' list of minor wounds) within 90 days, so the
 * many-minor-wounds warning shows on a first start. Days are counted back from the seeding.
 */
export const SAMPLE_CASES: readonly {
  summary: string;
  description: string;
  touchpoint: Touchpoint;
  severity: Severity;
  status: CaseStatus;
  daysAgo: number;
  externalRef: string;
  stakes?: { amount: number; currency: string; note: string };
  /** Linked to the sample analysis. */
  explained?: boolean;
  /** Hours after receipt that the steps were done. */
  steps?: { acknowledged?: number; containment?: number; resolved?: number };
}[] = [
  {
    summary: 'Unanswered call about a missing order',
    description:
      'The customer called twice about an order that had not arrived; nobody picked up and the voicemail promised no time for a call back.',
    touchpoint: 'phone',
    severity: 'low',
    status: 'closed',
    daysAgo: 62,
    externalRef: 'SAMPLE-101',
    steps: { acknowledged: 26, resolved: 30 },
  },
  {
    summary: 'Shuffled between departments over a refund',
    description:
      'Asked for a refund, the customer was passed from sales to billing to support before anyone could answer.',
    touchpoint: 'support',
    severity: 'medium',
    status: 'resolved',
    daysAgo: 31,
    externalRef: 'SAMPLE-102',
    steps: { acknowledged: 4, resolved: 50 },
  },
  {
    summary: 'Overcharged for the book',
    description:
      'Members were charged more for the book than the price list says: the order form carried last year’s prices.',
    touchpoint: 'billing',
    severity: 'high',
    status: 'contained',
    daysAgo: 3,
    externalRef: 'SAMPLE-103',
    stakes: {
      amount: 18000,
      currency: 'EUR',
      note: 'Yearly revenue from the club (lifetime value about five times that)',
    },
    explained: true,
    steps: { acknowledged: 1, containment: 5 },
  },
];
