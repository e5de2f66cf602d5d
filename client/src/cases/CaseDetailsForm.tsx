import { useState, type FormEvent } from 'react';
import {
  CASE_LIMITS,
  CASE_STATUSES,
  SEVERITIES,
  TOUCHPOINTS,
  type CaseJson,
  type CaseStatus,
  type Severity,
  type Touchpoint,
} from '@whychain/shared';
import type { CaseFieldsInput } from '../api/casesApi';
import type { CustomersApi } from '../api/customersApi';
import { fieldOf, messageOf } from '../api/request';
import { CASE_STATUS_LABELS, SEVERITY_LABELS, TOUCHPOINT_LABELS } from './caseFormat';
import {
  fieldsFromForm,
  formKeyOfField,
  formValuesOf,
  type CaseFormErrors,
  type CaseFormKey,
  type CaseFormValues,
} from './caseForm';
import { CustomerInput } from './CustomerInput';
import { FormField } from './FormField';

interface CaseDetailsFormProps {
  /** The case to edit, or null for a new one. */
  found: CaseJson | null;
  customers: CustomersApi;
  submitLabel: string;
  /** Sends the fields; a thrown error with a `field` is shown next to that field. */
  onSubmit: (fields: CaseFieldsInput) => Promise<void>;
  onCancel?: () => void;
}

/** A case's details: one form for a new case and for changing an existing one (only what changed is sent). */
export function CaseDetailsForm({
  found,
  customers,
  submitLabel,
  onSubmit,
  onCancel,
}: CaseDetailsFormProps) {
  const [saved, setSaved] = useState(() => formValuesOf(found));
  const [values, setValues] = useState(saved);
  const [errors, setErrors] = useState<CaseFormErrors>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [seen, setSeen] = useState(found);

  // The case changed elsewhere on the page (a recovery step, a link): take the new values of the
  // fields this form has not touched.
  if (found !== seen) {
    setSeen(found);
    const next = formValuesOf(found);
    setSaved(next);
    setValues((current) => {
      const merged = { ...current };
      for (const key of Object.keys(next) as CaseFormKey[]) {
        if (current[key] === saved[key]) (merged as Record<string, string>)[key] = next[key];
      }
      return merged;
    });
  }

  const dirty = (Object.keys(values) as CaseFormKey[]).some((key) => values[key] !== saved[key]);
  const set = <K extends CaseFormKey>(key: K, value: CaseFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => (current[key] ? { ...current, [key]: undefined } : current));
    setNotice('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = fieldsFromForm(values, found ? saved : null);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    if (found && Object.keys(result.fields).length === 0) return;
    setBusy(true);
    setErrors({});
    try {
      await onSubmit(result.fields);
      if (found) setNotice('Changes saved.');
    } catch (error) {
      setErrors({ [formKeyOfField(fieldOf(error))]: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  const text = (
    key: CaseFormKey,
    label: string,
    maxLength: number,
    extra: { hint?: string; className?: string; type?: string } = {},
  ) => (
    <FormField label={label} error={errors[key]} hint={extra.hint} className={extra.className}>
      {(control) => (
        <input
          {...control}
          type={extra.type ?? 'text'}
          dir="auto"
          maxLength={maxLength}
          value={values[key]}
          onChange={(event) => set(key, event.target.value)}
        />
      )}
    </FormField>
  );

  return (
    <form
      className="wc-caseform"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label="Case details"
    >
      <FormField
        label="Customer"
        error={errors.customerName}
        hint="Pick a customer or type a new name."
      >
        {(control) => (
          <CustomerInput
            api={customers}
            value={values.customerName}
            onChange={(name) => set('customerName', name)}
            control={control}
          />
        )}
      </FormField>
      {text('owner', 'Owner', CASE_LIMITS.owner, { hint: 'Who looks after this customer now.' })}
      {text('summary', 'Summary', CASE_LIMITS.summary, {
        className: 'is-wide',
        hint: 'What happened, in one line.',
      })}
      <FormField label="Description" error={errors.description} className="is-wide">
        {(control) => (
          <textarea
            {...control}
            dir="auto"
            rows={4}
            maxLength={CASE_LIMITS.description}
            value={values.description}
            onChange={(event) => set('description', event.target.value)}
          />
        )}
      </FormField>
      <div className="wc-caseform__row is-facts is-wide">
        <FormField label="Touchpoint" error={errors.touchpoint}>
          {(control) => (
            <select
              {...control}
              value={values.touchpoint}
              onChange={(event) => set('touchpoint', event.target.value as Touchpoint)}
            >
              {TOUCHPOINTS.map((value) => (
                <option key={value} value={value}>
                  {TOUCHPOINT_LABELS[value]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Severity" error={errors.severity}>
          {(control) => (
            <select
              {...control}
              value={values.severity}
              onChange={(event) => set('severity', event.target.value as Severity)}
            >
              {SEVERITIES.map((value) => (
                <option key={value} value={value}>
                  {SEVERITY_LABELS[value]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Status" error={errors.status}>
          {(control) => (
            <select
              {...control}
              value={values.status}
              onChange={(event) => set('status', event.target.value as CaseStatus)}
            >
              {CASE_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {CASE_STATUS_LABELS[value]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Received at" error={errors.receivedAt}>
          {(control) => (
            <input
              {...control}
              type="datetime-local"
              value={values.receivedAt}
              onChange={(event) => set('receivedAt', event.target.value)}
            />
          )}
        </FormField>
      </div>
      {text('externalRef', 'External reference', CASE_LIMITS.externalRef, {
        hint: 'The ticket id in the help desk or CRM.',
      })}
      <FormField
        label="External URL"
        error={errors.externalUrl}
        after={
          found?.externalUrl ? (
            <a
              className="wc-casefield__link"
              href={found.externalUrl}
              target="_blank"
              rel="noreferrer noopener"
            >
              Open {found.externalRef ?? 'the ticket'} in a new tab
            </a>
          ) : null
        }
      >
        {(control) => (
          <input
            {...control}
            type="url"
            inputMode="url"
            placeholder="https://"
            maxLength={CASE_LIMITS.url}
            value={values.externalUrl}
            onChange={(event) => set('externalUrl', event.target.value)}
          />
        )}
      </FormField>
      <fieldset className="wc-caseform__stakes is-wide">
        <legend>What is at stake</legend>
        <div className="wc-caseform__row">
          {text('amount', 'Amount', 20, { hint: 'e.g. lifetime value' })}
          {text('currency', 'Currency', 3, { hint: 'ISO code, e.g. EUR' })}
          {text('stakesNote', 'Stakes note', CASE_LIMITS.note, { className: 'is-grow' })}
        </div>
      </fieldset>
      {errors.form && (
        <p role="alert" className="wc-error is-wide">
          {errors.form}
        </p>
      )}
      <div className="wc-caseform__buttons is-wide">
        <button
          type="submit"
          className="wc-button wc-button--primary"
          disabled={busy || (found !== null && !dirty)}
        >
          {busy ? 'Saving…' : submitLabel}
        </button>
        {found && dirty && (
          <button
            type="button"
            className="wc-button"
            onClick={() => {
              setValues(saved);
              setErrors({});
            }}
          >
            Discard changes
          </button>
        )}
        {onCancel && (
          <button type="button" className="wc-button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <span className="wc-caseform__notice" role="status">
          {notice}
        </span>
      </div>
    </form>
  );
}
