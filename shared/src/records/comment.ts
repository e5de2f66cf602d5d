import { LIMITS } from './constants';
import { defineRecord, plain, type FieldsOf } from './field';
import type { RecordMigrations } from './migrate';
import { finiteNumber, textUpTo, trueOrFalse } from './validators';

/** A comment on a why, a Y.Map in the `comments` root. */
export const CommentRecord = defineRecord('comment', {
  /** The why it is about. */
  whyId: plain(textUpTo(LIMITS.idLength), ''),
  text: plain(textUpTo(LIMITS.commentLength), ''),
  author: plain(textUpTo(LIMITS.nameLength), ''),
  createdAt: plain(finiteNumber, 0),
  /** Resolved comments are hidden. */
  resolved: plain(trueOrFalse, false),
});

export type CommentFields = FieldsOf<typeof CommentRecord>;

/** Comments have not changed shape since schema 1. */
export const commentMigrations: RecordMigrations = {};
