/**
 * The vocabulary of customer cases: where a customer met the company, how bad it is, where the
 * case stands, and the questions and recovery steps of the customer-recovery process (from the
 * seed article on repairing a relationship with an unhappy customer).
 */
export const TOUCHPOINTS = [
  'phone',
  'email',
  'chat',
  'billing',
  'delivery',
  'support',
  'sales',
  'in_person',
  'web',
  'other',
] as const;
export type Touchpoint = (typeof TOUCHPOINTS)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** low 1 ... critical 4: lists sort by it. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity) + 1;
}

export const CASE_STATUSES = ['open', 'contained', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const DISCOVERY_ANSWERS = ['yes', 'no', 'unsure'] as const;
export type DiscoveryAnswer = (typeof DISCOVERY_ANSWERS)[number];

/** The seven discovery questions to ask before any remedy, each with a stable id. */
export const DISCOVERY_QUESTIONS: readonly { id: string; question: string }[] = [
  {
    id: 'expectation',
    question: 'Is it clear what the customer wanted before and expects now?',
  },
  {
    id: 'commitments',
    question: 'Were our commitments unambiguous, in writing and achievable?',
  },
  {
    id: 'writtenTrail',
    question: 'Was all communication in writing, or was some of it only said or implied?',
  },
  { id: 'contained', question: 'Is the problem contained so that it does not get worse?' },
  {
    id: 'complaintProcess',
    question: 'Is there a formal complaint process, and has it been started?',
  },
  {
    id: 'escalated',
    question: 'Has the communication been raised to the right level of management?',
  },
  {
    id: 'stakes',
    question: 'Is it clear what is at stake if this is not resolved (e.g. lifetime value)?',
  },
];

/** The timestamped recovery steps, in the order they usually happen. */
export const RECOVERY_STEPS = [
  'acknowledgedAt',
  'containmentStartedAt',
  'resolvedAt',
  'customerConfirmedAt',
  'gesture',
  'survey',
  'institutionalizedAt',
] as const;
export type RecoveryStep = (typeof RECOVERY_STEPS)[number];

export const RECOVERY_STEP_LABELS: Record<RecoveryStep, string> = {
  acknowledgedAt: 'Acknowledged',
  containmentStartedAt: 'Containment started',
  resolvedAt: 'Resolved',
  customerConfirmedAt: 'Resolution confirmed by the customer',
  gesture: 'Gesture beyond the call of duty',
  survey: 'Satisfaction survey',
  institutionalizedAt: 'Change institutionalized',
};

export const CASE_LIMITS = {
  customerName: 200,
  externalId: 200,
  externalRef: 200,
  url: 2_000,
  summary: 500,
  description: 20_000,
  owner: 200,
  note: 2_000,
  /** Largest amount at stake accepted (a sanity bound, not a business rule). */
  amount: 1e15,
} as const;

/** "Many minor wounds": this many cases of one customer within the window flags the customer. */
export const MINOR_WOUNDS = { cases: 3, days: 90 } as const;

/** ISO 4217 currency codes are three capital letters. */
export const CURRENCY_PATTERN = '^[A-Z]{3}$';
