import type { AnalysisStatus, ActionKind, ActionStatus, Verification } from '../schema';

/** Words a reader sees for the stored enum values, shared by the text renderers. */
export const STATUS_LABELS: Record<AnalysisStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  closed: 'Closed',
};

export const VERIFICATION_LABELS: Record<Verification, string> = {
  hypothesis: 'Hypothesis',
  verified: 'Verified',
  ruled_out: 'Ruled out',
};

export const KIND_LABELS: Record<ActionKind, string> = {
  containment: 'Containment',
  corrective: 'Corrective',
  preventive: 'Preventive',
};

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};

/** A time in milliseconds as "2026-11-20 09:30 UTC": the same in every time zone and locale. */
export function utcMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
