import type * as Y from 'yjs';
import { newId } from '../ids';
import type { Origin } from '../origin';
import { fail, type Result } from '../result';
import { LIMITS, makeParkingLotItemMap, parkingLotOf } from '../schema';
import { badText, whyReadOnly } from './guard';

/** Sets an off-topic point aside in the parking lot. */
export function addParkingLotItem(
  doc: Y.Doc,
  input: { text: string },
  origin: Origin,
): Result<{ id: string }> {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  const bad = badText(input.text, 'Parking lot item', LIMITS.commentLength);
  if (bad) return fail(bad);
  if (input.text.trim() === '') return fail('A parking lot item cannot be empty.');
  const id = newId<'ParkingLotId'>();
  doc.transact(() => {
    parkingLotOf(doc).set(
      id,
      makeParkingLotItemMap({
        text: input.text.trim(),
        author: origin.actor,
        createdAt: Date.now(),
      }),
    );
  }, origin);
  return { ok: true, id };
}

/** Takes a point off the parking lot. */
export function removeParkingLotItem(doc: Y.Doc, input: { id: string }, origin: Origin): Result {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  if (!parkingLotOf(doc).has(input.id)) return fail('This item is no longer in the parking lot.');
  doc.transact(() => parkingLotOf(doc).delete(input.id), origin);
  return { ok: true };
}
