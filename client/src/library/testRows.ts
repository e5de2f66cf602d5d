import { DISCOVERY_QUESTIONS, EMPTY_RECOVERY, type CaseJson } from '@whychain/shared';
import type { ActionRow } from '../api/actionsApi';
import type { CustomerJson } from '../api/customersApi';

/** A case as the server answers it, with what a test does not care about filled in. */
export function caseRow(fields: Partial<CaseJson> & { id: string; summary: string }): CaseJson {
  return {
    customer: { id: 'cust1', name: 'Harbor Books' },
    externalRef: null,
    externalUrl: null,
    description: '',
    touchpoint: 'phone',
    severity: 'medium',
    stakes: { amount: null, currency: null, note: '' },
    receivedAt: '2026-03-02T09:30:00.000Z',
    owner: '',
    status: 'open',
    recovery: EMPTY_RECOVERY,
    discovery: DISCOVERY_QUESTIONS.map((q) => ({ ...q, answer: null, note: '' })),
    analysisIds: [],
    createdAt: '2026-03-02T09:30:00.000Z',
    updatedAt: '2026-03-02T09:30:00.000Z',
    ...fields,
  };
}

export function customerRow(
  fields: Partial<CustomerJson> & { id: string; name: string },
): CustomerJson {
  return {
    externalId: null,
    caseCount: 1,
    openCases: 1,
    lastCaseAt: '2026-03-02T09:30:00.000Z',
    recentCases: 1,
    flagged: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}

export function actionRow(
  fields: Partial<ActionRow> & { id: string; description: string },
): ActionRow {
  return {
    analysisId: 'an1',
    analysisTitle: 'Customers overcharged',
    whyId: 'why1',
    whyText: 'The price list was old',
    kind: 'corrective',
    owner: '',
    dueDate: null,
    status: 'open',
    overdue: false,
    ...fields,
  };
}
