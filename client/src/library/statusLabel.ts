const LABELS: Record<string, string> = {
  draft: 'Draft',
  in_review: 'In review',
  closed: 'Closed',
};

/** How an analysis status reads on screen. */
export function statusLabel(status: string): string {
  return LABELS[status] ?? status;
}
