/** A function that runs `fn` at most once every `ms` (first call at once, the latest one last). */
export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  /** Drops a call still waiting to run. */
  cancel(): void;
}

/** Limits how often `fn` runs: at most once per `ms`, always ending with the latest arguments. */
export function throttle<A extends unknown[]>(fn: (...args: A) => void, ms: number): Throttled<A> {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: A | null = null;
  const run = () => {
    timer = undefined;
    last = Date.now();
    const args = pending!;
    pending = null;
    fn(...args);
  };
  const call = (...args: A) => {
    pending = args;
    if (timer !== undefined) return;
    const wait = ms - (Date.now() - last);
    if (wait <= 0) run();
    else timer = setTimeout(run, wait);
  };
  call.cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    pending = null;
  };
  return call;
}
