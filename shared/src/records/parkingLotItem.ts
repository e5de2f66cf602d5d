import { LIMITS } from './constants';
import { defineRecord, plain, type FieldsOf } from './field';
import type { RecordMigrations } from './migrate';
import { finiteNumber, textUpTo } from './validators';

/** An off-topic point set aside during the meeting, a Y.Map in the `parkingLot` root. */
export const ParkingLotItemRecord = defineRecord('parking lot item', {
  text: plain(textUpTo(LIMITS.commentLength), ''),
  author: plain(textUpTo(LIMITS.nameLength), ''),
  createdAt: plain(finiteNumber, 0),
});

export type ParkingLotFields = FieldsOf<typeof ParkingLotItemRecord>;

/** Parking lot items have not changed shape since schema 1. */
export const parkingLotItemMigrations: RecordMigrations = {};
