import { useId, useState, type FormEvent } from 'react';
import { CASE_LIMITS } from '@whychain/shared';
import type { CustomerJson } from '../api/customersApi';
import { fieldOf, messageOf } from '../api/request';

interface CustomerNameFormProps {
  customer: CustomerJson;
  onSave: (fields: { name?: string; externalId?: string | null }) => Promise<void>;
  onCancel: () => void;
}

/** Renaming a customer and changing its external id (the id in the CRM). */
export function CustomerNameForm({ customer, onSave, onCancel }: CustomerNameFormProps) {
  const id = useId();
  const [name, setName] = useState(customer.name);
  const [externalId, setExternalId] = useState(customer.externalId ?? '');
  const [error, setError] = useState<{
    field: 'name' | 'externalId' | 'form';
    text: string;
  } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return setError({ field: 'name', text: 'Name is required.' });
    const fields: { name?: string; externalId?: string | null } = {};
    if (name.trim() !== customer.name) fields.name = name.trim();
    const nextExternal = externalId.trim() === '' ? null : externalId.trim();
    if (nextExternal !== customer.externalId) fields.externalId = nextExternal;
    if (Object.keys(fields).length === 0) return onCancel();
    setBusy(true);
    try {
      await onSave(fields);
    } catch (failure) {
      const field = fieldOf(failure);
      setError({
        field: field === 'name' || field === 'externalId' ? field : 'form',
        text: messageOf(failure),
      });
      setBusy(false);
    }
  };

  const errorFor = (field: 'name' | 'externalId' | 'form') =>
    error?.field === field ? (
      <p id={`${id}-${field}-error`} role="alert" className="wc-casefield__error">
        {error.text}
      </p>
    ) : null;

  return (
    <form
      className="wc-customerform"
      aria-label="Edit customer"
      noValidate
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <div className="wc-casefield">
        <label htmlFor={`${id}-name`}>Customer name</label>
        <input
          id={`${id}-name`}
          type="text"
          dir="auto"
          autoFocus
          maxLength={CASE_LIMITS.customerName}
          value={name}
          aria-invalid={error?.field === 'name' || undefined}
          aria-describedby={error?.field === 'name' ? `${id}-name-error` : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        {errorFor('name')}
      </div>
      <div className="wc-casefield">
        <label htmlFor={`${id}-external`}>External id</label>
        <input
          id={`${id}-external`}
          type="text"
          dir="auto"
          maxLength={CASE_LIMITS.externalId}
          value={externalId}
          aria-invalid={error?.field === 'externalId' || undefined}
          aria-describedby={error?.field === 'externalId' ? `${id}-externalId-error` : undefined}
          onChange={(event) => setExternalId(event.target.value)}
        />
        {errorFor('externalId')}
      </div>
      {errorFor('form')}
      <div className="wc-form__buttons">
        <button type="submit" className="wc-button wc-button--primary" disabled={busy}>
          Save
        </button>
        <button type="button" className="wc-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
