import type * as Y from 'yjs';
import { computeChecklist } from '../checklist';
import type { Origin } from '../origin';
import { isInitialized, readAnalysis } from '../readAnalysis';
import { fail, type Result } from '../result';
import { LIMITS, metaOf, SCHEMA_VERSION } from '../schema';
import { whyReadOnly } from './guard';

/*
 * Status commands should run with an origin the undo manager does not track, so Ctrl+Z never
 * closes or reopens an analysis. On a closed analysis the server lets through only updates that
 * reopen it (see checkIncomingUpdate).
 */

/** Hands a draft over for review. */
export function submitForReview(doc: Y.Doc, origin: Origin): Result {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  if (metaOf(doc).get('status') !== 'draft')
    return fail('Only a draft can be submitted for review.');
  doc.transact(() => metaOf(doc).set('status', 'in_review'), origin);
  return { ok: true };
}

/** Takes an analysis in review back to draft. */
export function returnToDraft(doc: Y.Doc, origin: Origin): Result {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  if (metaOf(doc).get('status') !== 'in_review')
    return fail('Only an analysis in review can go back to draft.');
  doc.transact(() => metaOf(doc).set('status', 'draft'), origin);
  return { ok: true };
}

/**
 * Signs the analysis off and closes it, making it read-only. Allowed when the checklist passes,
 * or with an override reason that is recorded and shown.
 */
export function closeAnalysis(
  doc: Y.Doc,
  input: { overrideReason?: string },
  origin: Origin,
): Result<{ overridden: boolean }> {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  const passed = computeChecklist(readAnalysis(doc)).passed;
  const reason = (input.overrideReason ?? '').trim();
  if (!passed && reason === '') {
    return fail('The checklist is not complete; fix it or give a reason to close anyway.');
  }
  if (reason.length > LIMITS.commentLength) return fail('The override reason is too long.');
  if (origin.actor.trim() === '') return fail('Closing needs the name of who signs off.');
  doc.transact(() => {
    const meta = metaOf(doc);
    meta.set('status', 'closed');
    meta.set('signedOffBy', origin.actor);
    meta.set('signedOffAt', Date.now());
    meta.set('closeOverride', passed ? null : reason);
  }, origin);
  return { ok: true, overridden: !passed };
}

/** Reopens a closed analysis as a draft, clearing the sign-off. */
export function reopenAnalysis(doc: Y.Doc, origin: Origin): Result {
  if (!isInitialized(doc)) return fail('The analysis has not loaded yet.');
  if ((metaOf(doc).get('schemaVersion') ?? 0) > SCHEMA_VERSION) {
    return fail('This analysis was saved by a newer version of Whychain; it is read-only here.');
  }
  if (metaOf(doc).get('status') !== 'closed')
    return fail('Only a closed analysis can be reopened.');
  doc.transact(() => {
    const meta = metaOf(doc);
    meta.set('status', 'draft');
    meta.set('signedOffBy', null);
    meta.set('signedOffAt', null);
    meta.set('closeOverride', null);
  }, origin);
  return { ok: true };
}
