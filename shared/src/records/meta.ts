import {
  ANALYSIS_STATUSES,
  DEFAULT_BLAME_WORDS,
  DEFAULT_CATEGORIES,
  LIMITS,
  SCHEMA_VERSION,
} from './constants';
import { defineRecord, plain, type FieldsOf } from './field';
import { fillMissing, type RecordMigrations } from './migrate';
import {
  finiteNumber,
  nonNegativeNumber,
  oneOf,
  orNull,
  positiveWholeNumber,
  textUpTo,
  wordList,
} from './validators';

const personName = textUpTo(LIMITS.nameLength);
const wordsList = wordList(LIMITS.listLength, LIMITS.listItemLength);

/** The analysis itself: one per document, the `meta` root. */
export const MetaRecord = defineRecord('analysis', {
  /** Schema of the whole document; only the server changes it (creation, migrations). */
  schemaVersion: plain(positiveWholeNumber, SCHEMA_VERSION, { serverOnly: true }),
  title: plain(textUpTo(LIMITS.titleLength), ''),
  status: plain(oneOf(ANALYSIS_STATUSES), 'draft'),
  createdAt: plain(finiteNumber, 0),
  createdBy: plain(personName, ''),
  /** Who signed the analysis off (set on close, cleared on reopen). */
  signedOffBy: plain(orNull(personName), null),
  /** When it was signed off. */
  signedOffAt: plain(orNull(finiteNumber), null),
  /** Set when the analysis was closed although the checklist did not pass: the reason given. */
  closeOverride: plain(orNull(textUpTo(LIMITS.commentLength)), null),
  /**
   * Why the customer's version was exported before the analysis was closed (the latest reason
   * given), or null: such an export is offered only with a reason, and the reason stays on record.
   */
  customerVersionOverride: plain(orNull(textUpTo(LIMITS.commentLength)), null),
  /** Cause categories of this analysis. */
  categories: plain(wordsList, [...DEFAULT_CATEGORIES]),
  /** Phrases that trigger the blameless hint in this analysis. */
  blameWords: plain(wordsList, [...DEFAULT_BLAME_WORDS]),
  /** Meeting timer: start of the running period, null when paused. */
  timerStartedAt: plain(orNull(finiteNumber), null),
  /** Meeting timer: time counted before the running period. */
  timerElapsedMs: plain(nonNegativeNumber, 0),
});

export type MetaFields = FieldsOf<typeof MetaRecord>;

/** How the meta map changed, by schema version. */
export const metaMigrations: RecordMigrations = {
  2: fillMissing(MetaRecord, [
    'signedOffBy',
    'signedOffAt',
    'closeOverride',
    'categories',
    'blameWords',
    'timerStartedAt',
    'timerElapsedMs',
  ]),
  /** Schema 4: the override reason of the customer's version. */
  4: fillMissing(MetaRecord, ['customerVersionOverride']),
};
