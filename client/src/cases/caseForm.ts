import {
  CASE_LIMITS,
  type CaseJson,
  type CaseStatus,
  type Severity,
  type Touchpoint,
} from '@whychain/shared';
import type { CaseFieldsInput } from '../api/casesApi';
import { fromLocalInput, toLocalInput } from './caseFormat';

/** The details form's values, as the inputs hold them (all text). */
export interface CaseFormValues {
  customerName: string;
  summary: string;
  externalRef: string;
  externalUrl: string;
  description: string;
  touchpoint: Touchpoint;
  severity: Severity;
  amount: string;
  currency: string;
  stakesNote: string;
  receivedAt: string;
  owner: string;
  status: CaseStatus;
}

export type CaseFormKey = keyof CaseFormValues;
export type CaseFormErrors = Partial<Record<CaseFormKey | 'form', string>>;

export function formValuesOf(found: CaseJson | null): CaseFormValues {
  return {
    customerName: found?.customer.name ?? '',
    summary: found?.summary ?? '',
    externalRef: found?.externalRef ?? '',
    externalUrl: found?.externalUrl ?? '',
    description: found?.description ?? '',
    touchpoint: found?.touchpoint ?? 'other',
    severity: found?.severity ?? 'medium',
    amount: found?.stakes.amount == null ? '' : String(found.stakes.amount),
    currency: found?.stakes.currency ?? '',
    stakesNote: found?.stakes.note ?? '',
    receivedAt: toLocalInput(found?.receivedAt ?? new Date().toISOString()),
    owner: found?.owner ?? '',
    status: found?.status ?? 'open',
  };
}

/** The form key a server error's `field` path names ("stakes.currency" -> currency). */
export function formKeyOfField(field: string | null): CaseFormKey | 'form' {
  switch (field) {
    case 'customerName':
    case 'customerId':
      return 'customerName';
    case 'stakes.amount':
      return 'amount';
    case 'stakes.currency':
      return 'currency';
    case 'stakes.note':
      return 'stakesNote';
    case 'summary':
    case 'externalRef':
    case 'externalUrl':
    case 'description':
    case 'touchpoint':
    case 'severity':
    case 'receivedAt':
    case 'owner':
    case 'status':
      return field;
    default:
      return 'form';
  }
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * The request body for the values: every field for a new case, only what changed for an
 * existing one. Problems the browser can see before asking the server come back as errors.
 */
export function fieldsFromForm(
  values: CaseFormValues,
  before: CaseFormValues | null,
): { fields: CaseFieldsInput } | { errors: CaseFormErrors } {
  const errors: CaseFormErrors = {};
  if (values.customerName.trim() === '') errors.customerName = 'Customer is required.';
  if (values.summary.trim() === '') errors.summary = 'Summary is required.';
  const amount = values.amount.trim() === '' ? null : Number(values.amount.replace(',', '.'));
  if (amount !== null && (!Number.isFinite(amount) || amount < 0 || amount > CASE_LIMITS.amount)) {
    errors.amount = 'Amount must be a number of zero or more.';
  }
  const receivedAt = fromLocalInput(values.receivedAt);
  if (values.receivedAt !== '' && receivedAt === null) {
    errors.receivedAt = 'Received at must be a date and time.';
  }
  if (Object.keys(errors).length > 0) return { errors };

  const changed = (key: CaseFormKey) => before === null || values[key] !== before[key];
  const fields: CaseFieldsInput = {};
  if (changed('customerName')) fields.customerName = values.customerName.trim();
  if (changed('summary')) fields.summary = values.summary.trim();
  if (changed('externalRef')) fields.externalRef = orNull(values.externalRef);
  if (changed('externalUrl')) fields.externalUrl = orNull(values.externalUrl);
  if (changed('description')) fields.description = values.description;
  if (changed('touchpoint')) fields.touchpoint = values.touchpoint;
  if (changed('severity')) fields.severity = values.severity;
  if (changed('amount') || changed('currency') || changed('stakesNote')) {
    fields.stakes = {
      amount,
      currency: orNull(values.currency.toUpperCase()),
      note: values.stakesNote,
    };
  }
  if (changed('receivedAt') && receivedAt !== null) fields.receivedAt = receivedAt;
  if (changed('owner')) fields.owner = values.owner.trim();
  if (changed('status')) fields.status = values.status;
  return { fields };
}
