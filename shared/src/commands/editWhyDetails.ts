import * as Y from 'yjs';
import type { WhyId } from '../ids';
import type { Origin } from '../origin';
import { fail, type Result } from '../result';
import { writeTextField } from '../replaceText';
import { LIMITS, metaOf, VERIFICATIONS, whyOf, whyTextOf, type Verification } from '../schema';
import { badText, whyReadOnly } from './guard';
import { writeSharedText } from './writeSharedText';

export interface WhyDetailsPatch {
  verification?: Verification;
  /** A category from the analysis's list, or null for none. */
  category?: string | null;
  assumption?: boolean;
  stopReason?: string;
  /** "Internal: never shown to the customer". */
  internal?: boolean;
}

/** Changes the verification, category, assumption or internal flag, or stop reason of a why. */
export function editWhyDetails(
  doc: Y.Doc,
  input: { whyId: WhyId; patch: WhyDetailsPatch },
  origin: Origin,
): Result {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  const why = whyOf(doc, input.whyId);
  if (!why) return fail('This why no longer exists.');
  const { verification, category, assumption, stopReason, internal } = input.patch;
  if (verification !== undefined && !VERIFICATIONS.includes(verification)) {
    return fail(`Verification must be one of ${VERIFICATIONS.join(', ')}.`);
  }
  if (category !== undefined && category !== null) {
    const known = metaOf(doc).get('categories') ?? [];
    if (!known.includes(category))
      return fail(`"${category}" is not one of this analysis's categories.`);
  }
  if (assumption !== undefined && typeof assumption !== 'boolean') {
    return fail('Assumption must be true or false.');
  }
  if (internal !== undefined && typeof internal !== 'boolean') {
    return fail('Internal must be true or false.');
  }
  if (stopReason !== undefined) {
    const bad = badText(stopReason, 'Reason', LIMITS.commentLength);
    if (bad) return fail(bad);
  }
  // Only the five checked fields: any other key in the patch (text, parentId, ...) is ignored.
  doc.transact(() => {
    if (verification !== undefined) why.set('verification', verification);
    if (category !== undefined) why.set('category', category);
    if (assumption !== undefined) why.set('assumption', assumption);
    if (internal !== undefined) why.set('internal', internal);
    if (stopReason !== undefined) writeTextField(why, 'stopReason', stopReason);
  }, origin);
  return { ok: true };
}

/** Changes a why's evidence text, touching only the characters that differ. */
export function editEvidence(
  doc: Y.Doc,
  input: { whyId: WhyId; text: string },
  origin: Origin,
): Result {
  const target = whyTextOf(doc, input.whyId, 'evidence');
  const rule = { label: 'Evidence', max: LIMITS.evidenceLength };
  return writeSharedText(doc, target, input.text, rule, origin);
}

/** Adds a link (http or https) to a why's evidence. */
export function addEvidenceLink(
  doc: Y.Doc,
  input: { whyId: WhyId; url: string },
  origin: Origin,
): Result {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  const url = typeof input.url === 'string' ? input.url.trim() : '';
  if (url.length > LIMITS.linkLength)
    return fail(`A link can be at most ${LIMITS.linkLength} characters.`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('A link must be a full web address, like https://help.example.com/ticket/42.');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return fail('A link must start with http:// or https://.');
  }
  const links = whyOf(doc, input.whyId)?.get('links');
  if (!(links instanceof Y.Array)) return fail('This why no longer exists.');
  if (links.toArray().includes(url)) return fail('This link is already there.');
  if (links.length >= LIMITS.linkCount) {
    return fail(`A why can have at most ${LIMITS.linkCount} links.`);
  }
  doc.transact(() => links.push([url]), origin);
  return { ok: true };
}

/** Removes a link from a why's evidence. */
export function removeEvidenceLink(
  doc: Y.Doc,
  input: { whyId: WhyId; url: string },
  origin: Origin,
): Result {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  const links = whyOf(doc, input.whyId)?.get('links');
  if (!(links instanceof Y.Array)) return fail('This why no longer exists.');
  const index = links.toArray().indexOf(input.url);
  if (index < 0) return fail('This link is no longer there.');
  doc.transact(() => links.delete(index, 1), origin);
  return { ok: true };
}
