/**
 * The vocabulary of the document schema: its version, enums, default lists and limits. It lives
 * apart from the record files so that they and `schema.ts` can share it without an import cycle;
 * `schema.ts` re-exports all of it.
 */
export const SCHEMA_VERSION = 4;

/** Parent id used by whys that hang directly off the problem statement. */
export const PROBLEM_ID = 'problem';

export const ANALYSIS_STATUSES = ['draft', 'in_review', 'closed'] as const;
export type AnalysisStatus = (typeof ANALYSIS_STATUSES)[number];

export const VERIFICATIONS = ['hypothesis', 'verified', 'ruled_out'] as const;
export type Verification = (typeof VERIFICATIONS)[number];

/** Cause categories an analysis starts with; each analysis may change its own list. */
export const DEFAULT_CATEGORIES: readonly string[] = [
  'People',
  'Process',
  'Tools and systems',
  'Policy',
  'Communication',
  'Supplier or external',
];

/**
 * Phrases that put the blame on a person rather than on what allowed the mistake; a why that
 * contains one gets a gentle hint. Each analysis may change its own list.
 */
export const DEFAULT_BLAME_WORDS: readonly string[] = [
  'forgot',
  'human error',
  'operator error',
  'careless',
  'negligent',
  'lazy',
  'incompetent',
  'should have known',
  'did not pay attention',
  "didn't pay attention",
];

export const ACTION_KINDS = ['containment', 'corrective', 'preventive'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const LIMITS = {
  titleLength: 200,
  problemLength: 5_000,
  whyTextLength: 5_000,
  actionDescriptionLength: 5_000,
  ownerLength: 1_000,
  completionNoteLength: 1_000,
  evidenceLength: 20_000,
  linkLength: 2_000,
  /** Evidence links on one why. */
  linkCount: 50,
  commentLength: 5_000,
  listItemLength: 200,
  listLength: 50,
  /** A person's name as recorded in createdBy, author and signedOffBy. */
  nameLength: 200,
  /** A record id (`newId` makes 16 characters; `isIdShaped` allows up to 64). */
  idLength: 64,
} as const;
