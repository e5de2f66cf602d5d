import type { Action, AnalysisSnapshot, Why } from '../readAnalysis';
import type { ExportInput } from './exportInput';
import { block, inline } from './renderMarkdown';

/** One action as the customer reads it: no staff name unless its owner may be shared. */
export interface CustomerAction {
  readonly description: string;
  /** The owner's name when the action is marked shareable, else "our team". */
  readonly owner: string;
  /** YYYY-MM-DD, or null. */
  readonly dueDate: string | null;
  /** True when the action is done (a preventive action is listed whether done or not). */
  readonly completed: boolean;
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
  /** What we will do and by when: open and in-progress actions, soonest due first. */
  readonly planned: readonly CustomerAction[];
  /** How we make sure it does not happen again: preventive actions (any status but cancelled). */
  readonly prevention: readonly CustomerAction[];
}

/** Who the customer reads as an action's owner when the name may not be shared. */
export const CUSTOMER_OWNER = 'our team';

/** Ids of the whys the customer never sees: each internal why and its whole branch below it. */
function hiddenWhyIds(snapshot: AnalysisSnapshot): Set<string> {
  const hidden = new Set<string>();
  for (const id of snapshot.order) {
    const why = snapshot.whys[id]!;
    if (why.internal || (why.parentId !== null && hidden.has(why.parentId))) hidden.add(id);
  }
  return hidden;
}

/** A root cause the customer reads: not hidden, not ruled out, with some text. */
function isSharedRootCause(why: Why, hidden: Set<string>): boolean {
  return (
    why.rootCause &&
    why.verification !== 'ruled_out' &&
    !hidden.has(why.id) &&
    why.text.trim() !== ''
  );
}

/**
 * An action the customer reads: not internal, not cancelled, with some text, and not attached to
 * a hidden why or to a root cause left out of "What we found".
 */
function isSharedAction(action: Action, snapshot: AnalysisSnapshot, hidden: Set<string>): boolean {
  if (action.internal || action.status === 'cancelled' || action.description.trim() === '') {
    return false;
  }
  if (action.whyId === null) return true;
  const why = snapshot.whys[action.whyId];
  if (why === undefined) return true;
  if (hidden.has(why.id)) return false;
  return !(why.rootCause && !isSharedRootCause(why, hidden));
}

function customerAction(action: Action): CustomerAction {
  const owner = action.owner.trim();
  return {
    description: action.description.trim(),
    owner: action.ownerShareable && owner !== '' ? owner : CUSTOMER_OWNER,
    dueDate: action.dueDate,
    completed: action.status === 'done',
  };
}

/** Soonest due date first, undated last; otherwise in the analysis's order. */
function byDueDate(a: Action, b: Action): number {
  if (a.dueDate === b.dueDate) return 0;
  if (a.dueDate === null) return 1;
  if (b.dueDate === null) return -1;
  return a.dueDate < b.dueDate ? -1 : 1;
}

/** Each customer name once, in the order of the linked cases. */
function customerNames(input: ExportInput): string[] {
  const names = input.cases.map((c) => c.customer.name.trim()).filter((name) => name !== '');
  return [...new Set(names)];
}

/** The customer's version of `input`: only what may be shown to the customer. */
export function customerReport(input: ExportInput): CustomerReport {
  const { snapshot } = input;
  const hidden = hiddenWhyIds(snapshot);
  const actions = snapshot.actions.filter((a) => isSharedAction(a, snapshot, hidden));
  return {
    title: snapshot.title,
    customers: customerNames(input),
    message: snapshot.customerMessage,
    whatHappened: snapshot.problem,
    rootCauses: snapshot.order
      .map((id) => snapshot.whys[id]!)
      .filter((why) => isSharedRootCause(why, hidden))
      .map((why) => why.text.trim()),
    done: actions.filter((a) => a.status === 'done').map(customerAction),
    planned: actions
      .filter((a) => a.status === 'open' || a.status === 'in_progress')
      .sort(byDueDate)
      .map(customerAction),
    prevention: actions.filter((a) => a.kind === 'preventive').map(customerAction),
  };
}

/** "Refund everyone (Billing, by 2026-12-15)": the owner, then the date or "done" when asked. */
function actionItem(action: CustomerAction, showWhen: boolean): string {
  const details = [inline(action.owner)];
  if (showWhen && action.completed) details.push('done');
  else if (showWhen && action.dueDate !== null) details.push(`by ${action.dueDate}`);
  return `- ${inline(action.description)} (${details.join(', ')})`;
}

function list(items: readonly string[], empty: string): string {
  return items.length === 0 ? `_${empty}_` : items.join('\n');
}

/** The customer's version as GitHub-flavoured Markdown, user text escaped as in renderMarkdown. */
export function renderCustomerMarkdown(input: ExportInput): string {
  const report = customerReport(input);
  const title = report.title.trim() === '' ? 'Our analysis' : inline(report.title);
  const lines = [`# ${title}: what happened and what we are doing`];
  if (report.customers.length > 0) {
    lines.push(`**For:** ${report.customers.map(inline).join(', ')}`);
  }
  const sections: [string, string][] = [
    ['A message from our team', block(report.message, 'Nothing yet.')],
    ['What happened', block(report.whatHappened, 'Nothing yet.')],
    [
      'What we found',
      list(
        report.rootCauses.map((cause) => `- ${inline(cause)}`),
        'We are still looking into the causes.',
      ),
    ],
    [
      'What we have done',
      list(
        report.done.map((a) => actionItem(a, false)),
        'Nothing yet.',
      ),
    ],
    [
      'What we will do',
      list(
        report.planned.map((a) => actionItem(a, true)),
        'Nothing yet.',
      ),
    ],
    [
      'How we make sure it does not happen again',
      list(
        report.prevention.map((a) => actionItem(a, true)),
        'Nothing yet.',
      ),
    ],
  ];
  return (
    [...lines, ...sections.map(([heading, body]) => `## ${heading}\n\n${body}`)].join('\n\n') + '\n'
  );
}
