import { isIsoDate } from '../records/validators';
import { ACTION_KINDS, ACTION_STATUSES, LIMITS } from '../schema';
import { badText } from './guard';

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
      const bad =
        key === 'owner'
          ? badText(fields[key], 'Owner', LIMITS.ownerLength)
          : badText(fields[key], 'Completion note', LIMITS.completionNoteLength);
      if (bad) return bad;
    }
  }
  for (const key of ['internal', 'ownerShareable'] as const) {
    if (key in fields && fields[key] !== undefined && typeof fields[key] !== 'boolean') {
      return `${key === 'internal' ? 'Internal' : 'Owner shareable'} must be true or false.`;
    }
  }
  const due = fields.dueDate;
  if (due !== undefined && due !== null && (typeof due !== 'string' || !isIsoDate(due))) {
    return 'Due date must be a date written YYYY-MM-DD.';
  }
  return undefined;
}
