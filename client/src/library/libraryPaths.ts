/** The page of one case. */
export function casePath(caseId: string): string {
  return `/cases/${encodeURIComponent(caseId)}`;
}

/** The page of one customer. */
export function customerPath(customerId: string): string {
  return `/customers/${encodeURIComponent(customerId)}`;
}

/** The form that records a new case. */
export const NEW_CASE_PATH = '/cases/new';
