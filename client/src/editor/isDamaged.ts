import type { Action, Why } from '@whychain/shared';

/** Whether the record was saved in a broken shape and is shown as far as it could be read. */
export function isDamaged(record: Why | Action): boolean {
  // `damaged` is being added to the snapshot in shared/; until it is there, it reads as absent.
  return (record as { readonly damaged?: boolean }).damaged === true;
}
