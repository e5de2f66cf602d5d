import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../api/request';

/** A page's one record, read by id: still coming, refused (404 reads as "not found"), or here. */
export type Loaded<T> =
  | { kind: 'loading' }
  | { kind: 'error'; status: number; message: string }
  | { kind: 'ready'; value: T };

/**
 * Reads a record with `load` (keep it stable with useCallback; a new one reads again) and keeps
 * it, with a setter for the record the page gets back after saving a change. An answer that comes
 * after the page moved on to another id is dropped.
 */
export function useLoaded<T>(load: () => Promise<T>): [Loaded<T>, (value: T) => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ kind: 'loading' });

  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setLoaded({ kind: 'ready', value }),
      (failure: unknown) =>
        current &&
        setLoaded({
          kind: 'error',
          status: (failure as { status?: number }).status ?? 0,
          message: messageOf(failure),
        }),
    );
    return () => {
      current = false;
    };
  }, [load]);

  const setValue = useCallback((value: T) => setLoaded({ kind: 'ready', value }), []);
  return [loaded, setValue];
}
