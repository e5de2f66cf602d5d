import { ACTION_KINDS, ACTION_STATUSES, LIMITS } from './constants';
import { defineRecord, plain, sharedText, type FieldsOf } from './field';
import { fillMissing, toSharedTexts, type RecordMigrations } from './migrate';
import { finiteNumber, isoDate, oneOf, orNull, textUpTo, trueOrFalse } from './validators';

/** A containment, corrective or preventive action, a Y.Map in the `actions` root. */
export const ActionRecord = defineRecord('action', {
  /** The root cause it removes; null when it belongs to the analysis as a whole. */
  whyId: plain(orNull(textUpTo(LIMITS.idLength)), null),
  kind: plain(oneOf(ACTION_KINDS), 'corrective'),
  description: sharedText(LIMITS.actionDescriptionLength),
  owner: plain(textUpTo(LIMITS.ownerLength), ''),
  /** YYYY-MM-DD, or null. */
  dueDate: plain(orNull(isoDate), null),
  status: plain(oneOf(ACTION_STATUSES), 'open'),
  completionNote: sharedText(LIMITS.completionNoteLength),
  completedAt: plain(orNull(finiteNumber), null),
  createdBy: plain(textUpTo(LIMITS.nameLength), ''),
  createdAt: plain(finiteNumber, 0),
  /** "Internal: never shown to the customer": left out of the customer's version of exports. */
  internal: plain(trueOrFalse, false),
  /** The owner's name may be shown to the customer; otherwise the customer reads "our team". */
  ownerShareable: plain(trueOrFalse, false),
});

export type ActionFields = FieldsOf<typeof ActionRecord>;

/** How an action's map changed, by schema version. */
export const actionMigrations: RecordMigrations = {
  /** Schema 3: description and completion note merge typing. */
  3: toSharedTexts(ActionRecord, ['description', 'completionNote']),
  /** Schema 4: the internal and owner-shareable flags of the customer's version. */
  4: fillMissing(ActionRecord, ['internal', 'ownerShareable']),
};
