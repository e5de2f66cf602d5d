import { useEffect, useState } from 'react';

/** How long a button that has just appeared or changed its meaning ignores clicks. */
export const ARMING_MS = 500;

/**
 * False for `ms` after the component mounts and again after each change of `key`, then true.
 * A button that takes the place of another (a new status step, a dialog's button opening under
 * the pointer) checks it, so the second click of a double click does not reach it. It is false
 * in the very render where `key` changes, so there is no moment in which a new meaning is live.
 * With `armedOnMount`, only changes of `key` count: for something that was there all along but
 * may find itself under the pointer when a neighbour goes away.
 */
export function useArmedAfter(
  ms: number = ARMING_MS,
  key: unknown = null,
  { armedOnMount = false }: { armedOnMount?: boolean } = {},
): boolean {
  const [armed, setArmed] = useState<{ key: unknown } | null>(() =>
    armedOnMount ? { key } : null,
  );
  useEffect(() => {
    const timer = setTimeout(() => setArmed({ key }), ms);
    return () => clearTimeout(timer);
  }, [ms, key]);
  return armed !== null && Object.is(armed.key, key);
}
