import { useEffect, useId, useState } from 'react';
import type { CustomersApi } from '../api/customersApi';

interface CustomerInputProps {
  api: CustomersApi;
  value: string;
  onChange: (name: string) => void;
  control: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string };
}

/**
 * The customer of a case: pick one of the known customers (suggested as you type) or type a new
 * name; the server finds the customer by name whatever its letter case, or creates it.
 */
export function CustomerInput({ api, value, onChange, control }: CustomerInputProps) {
  const listId = useId();
  const [names, setNames] = useState<string[]>([]);

  useEffect(() => {
    const abort = new AbortController();
    // A short pause so a fast typist sends one request, not one per key.
    const timer = setTimeout(() => {
      api.list({ q: value.trim() || undefined, limit: 8 }, abort.signal).then(
        (page) => setNames(page.customers.map((customer) => customer.name)),
        () => setNames([]),
      );
    }, 200);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [api, value]);

  return (
    <>
      <input
        {...control}
        type="text"
        dir="auto"
        autoComplete="off"
        list={listId}
        required
        maxLength={200}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <datalist id={listId}>
        {names.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
}
