import type { ActionKind, ActionStatus } from '@whychain/shared';

export const KIND_LABELS: Record<ActionKind, string> = {
  containment: 'Containment',
  corrective: 'Corrective',
  preventive: 'Preventive',
};

/** What each kind of action is for, in a few words. */
export const KIND_HINTS: Record<ActionKind, string> = {
  containment: 'stop the damage now',
  corrective: 'remove this cause',
  preventive: 'make sure it cannot recur',
};

export const STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};

/** Today as YYYY-MM-DD in local time, to compare with due dates. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
