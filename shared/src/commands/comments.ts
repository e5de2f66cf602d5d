import type * as Y from 'yjs';
import { newId, type WhyId } from '../ids';
import type { Origin } from '../origin';
import { fail, type Result } from '../result';
import { commentOf, commentsOf, LIMITS, makeCommentMap, whyOf } from '../schema';
import { badText, whyReadOnly } from './guard';

/** Adds a comment to a why, signed with the author's name and the time. */
export function addComment(
  doc: Y.Doc,
  input: { whyId: WhyId; text: string },
  origin: Origin,
): Result<{ id: string }> {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  const bad = badText(input.text, 'Comment', LIMITS.commentLength);
  if (bad) return fail(bad);
  if (input.text.trim() === '') return fail('A comment cannot be empty.');
  if (!whyOf(doc, input.whyId)) return fail('This why no longer exists.');
  const id = newId<'CommentId'>();
  doc.transact(() => {
    commentsOf(doc).set(
      id,
      makeCommentMap({
        whyId: input.whyId,
        text: input.text.trim(),
        author: origin.actor,
        createdAt: Date.now(),
        resolved: false,
      }),
    );
  }, origin);
  return { ok: true, id };
}

/** Marks a comment resolved (hidden) or open again. */
export function resolveComment(
  doc: Y.Doc,
  input: { commentId: string; resolved?: boolean },
  origin: Origin,
): Result {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  const comment = commentOf(doc, input.commentId);
  if (!comment) return fail('This comment no longer exists.');
  doc.transact(() => comment.set('resolved', input.resolved ?? true), origin);
  return { ok: true };
}
