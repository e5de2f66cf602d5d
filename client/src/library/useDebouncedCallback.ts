import { useEffect, useMemo, useRef } from 'react';

/**
 * `callback` delayed until `delayMs` have passed without another call (the last arguments win);
 * `flush` runs a pending call now, `cancel` drops it. Pending calls are dropped on unmount.
 */
export function useDebouncedCallback<A extends unknown[]>(
  callback: (...args: A) => void,
  delayMs: number,
) {
  const latest = useRef(callback);
  latest.current = callback;
  const debounced = useMemo(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending: A | undefined;
    const run = () => {
      timer = undefined;
      const args = pending;
      pending = undefined;
      if (args) latest.current(...args);
    };
    return {
      call(...args: A) {
        pending = args;
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(run, delayMs);
      },
      flush() {
        if (timer !== undefined) clearTimeout(timer);
        run();
      },
      cancel() {
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
        pending = undefined;
      },
    };
  }, [delayMs]);
  useEffect(() => () => debounced.cancel(), [debounced]);
  return debounced;
}
