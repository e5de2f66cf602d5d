/** Outcome of a command: user errors are values, not exceptions. */
export type Result<T = object> = ({ ok: true } & T) | { ok: false; reason: string };

/** A failed result with a reason a user can read. */
export function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
