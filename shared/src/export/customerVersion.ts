import type { ExportInput } from './exportInput';

/** One action as the customer reads it: no staff name unless its owner may be shared. */
export interface CustomerAction {
  readonly description: string;
  /** The owner's name when the action is marked shareable, else "our team". */
  readonly owner: string;
  /** YYYY-MM-DD, or null. */
  readonly dueDate: string | null;
}

/**
 * The customer's version of an analysis, section by section, in plain words (the seed articles'
 * order: own the mistake, say what we found and what we do, hide nothing that concerns them).
 * Evidence, comments, the parking lot, staff names and everything marked internal are left out.
 */
export interface CustomerReport {
  readonly title: string;
  /** Names of the linked cases' customers. */
  readonly customers: readonly string[];
  /** The team's "Message to the customer". */
  readonly message: string;
  /** What happened: the problem statement. */
  readonly whatHappened: string;
  /** What we found: the root causes not marked internal. */
  readonly rootCauses: readonly string[];
  /** What we have done: done actions. */
  readonly done: readonly CustomerAction[];
  /** What we will do and by when: open and in-progress actions. */
  readonly planned: readonly CustomerAction[];
  /** How we make sure it does not happen again: preventive actions (any status but cancelled). */
  readonly prevention: readonly CustomerAction[];
}

/** The customer's version of `input` (not built yet). */
export function customerReport(_input: ExportInput): CustomerReport {
  throw new Error("The customer's version is not built yet.");
}

/** The customer's version as Markdown (not built yet). */
export function renderCustomerMarkdown(_input: ExportInput): string {
  throw new Error("The customer's version is not built yet.");
}
