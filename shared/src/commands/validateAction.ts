import { ACTION_KINDS, ACTION_STATUSES, LIMITS } from '../schema';
import { badText } from './guard';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The first problem with the given action fields, or undefined when they are valid. */
export function badAction(input: object): string | undefined {
  const fields = input as Record<string, unknown>;
  if ('kind' in fields && !ACTION_KINDS.includes(fields.kind as never)) {
    return `Kind must be one of ${ACTION_KINDS.join(', ')}.`;
  }
  if ('status' in fields && !ACTION_STATUSES.includes(fields.status as never)) {
    return `Status must be one of ${ACTION_STATUSES.join(', ')}.`;
  }
  if ('description' in fields) {
    const bad = badText(fields.description, 'Description', LIMITS.actionDescriptionLength);
    if (bad) return bad;
  }
  for (const key of ['owner', 'completionNote'] as const) {
    if (key in fields && fields[key] !== undefined) {
      const bad = badText(fields[key], key === 'owner' ? 'Owner' : 'Completion note', 1000);
      if (bad) return bad;
    }
  }
  const due = fields.dueDate;
  if (due !== undefined && due !== null && (typeof due !== 'string' || !ISO_DATE.test(due))) {
    return 'Due date must be a date written YYYY-MM-DD.';
  }
  return undefined;
}
