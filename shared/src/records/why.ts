import { isIdShaped } from '../ids';
import { LIMITS, PROBLEM_ID, VERIFICATIONS } from './constants';
import { defineRecord, plain, sharedList, sharedText, type FieldsOf } from './field';
import { fillMissing, toSharedTexts, type RecordMigrations } from './migrate';
import {
  finiteNumber,
  oneOf,
  orNull,
  parentRef,
  textUpTo,
  trueOrFalse,
  webLink,
} from './validators';

/** One answer to "why?", a Y.Map in the `whys` root keyed by its id. */
export const WhyRecord = defineRecord('why', {
  /** The why this answers, or PROBLEM_ID for a direct answer to the problem. */
  parentId: plain(parentRef, PROBLEM_ID),
  /** Position among its siblings (fractional, so an insert touches one why). */
  order: plain(finiteNumber, 0),
  text: sharedText(LIMITS.whyTextLength),
  rootCause: plain(trueOrFalse, false),
  createdBy: plain(textUpTo(LIMITS.nameLength), ''),
  createdAt: plain(finiteNumber, 0),
  /** Lamport-style counter of the last move; breaks cycles made by concurrent moves. */
  moveClock: plain(finiteNumber, 0),
  /** Parent before the last move; where the losing side of a cycle goes back to. */
  prevParentId: plain(orNull(parentRef), null),
  evidence: sharedText(LIMITS.evidenceLength),
  /** Evidence links: http and https addresses only. */
  links: sharedList(webLink(LIMITS.linkLength), LIMITS.linkCount),
  verification: plain(oneOf(VERIFICATIONS), 'hypothesis'),
  /** One of the analysis's categories, or null for none. */
  category: plain(orNull(textUpTo(LIMITS.listItemLength)), null),
  /** A root cause not verified but explicitly accepted as an assumption. */
  assumption: plain(trueOrFalse, false),
  /** Why a chain may stop here before three whys. */
  stopReason: sharedText(LIMITS.commentLength),
  /** "Internal: never shown to the customer": left out of the customer's version of exports. */
  internal: plain(trueOrFalse, false),
});

export type WhyFields = FieldsOf<typeof WhyRecord>;

/** The fields that place a why in the tree (read by `resolveTree`, not shown as such). */
export const WHY_PLACEMENT_KEYS = ['parentId', 'order', 'moveClock', 'prevParentId'] as const;

/** Whether `id` may key a why: id-shaped and not the problem's own id. */
export function isWhyId(id: string): boolean {
  return id !== PROBLEM_ID && isIdShaped(id);
}

/** How a why's map changed, by schema version. */
export const whyMigrations: RecordMigrations = {
  /** Schema 2: evidence, verification, category, assumption and stop reason. */
  2: fillMissing(WhyRecord, [
    'evidence',
    'links',
    'verification',
    'category',
    'assumption',
    'stopReason',
  ]),
  /** Schema 3: the stop reason merges typing. */
  3: toSharedTexts(WhyRecord, ['stopReason']),
  /** Schema 4: the internal flag of the customer's version. */
  4: fillMissing(WhyRecord, ['internal']),
};

/** The fields a snapshot shows as they are (all but the placement). */
export const WHY_SHOWN_KEYS = WhyRecord.keys.filter(
  (key) => !(WHY_PLACEMENT_KEYS as readonly string[]).includes(key),
) as Exclude<keyof WhyFields, (typeof WHY_PLACEMENT_KEYS)[number]>[];
