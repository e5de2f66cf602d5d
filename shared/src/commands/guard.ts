import type * as Y from 'yjs';
import { fail } from '../result';
import { isInitialized } from '../readAnalysis';
import { metaOf, SCHEMA_VERSION } from '../schema';

/** Why the document cannot be written to right now, or undefined when it can. */
export function whyReadOnly(doc: Y.Doc): { ok: false; reason: string } | undefined {
  if (!isInitialized(doc)) return fail('The analysis has not loaded yet.');
  const version = metaOf(doc).get('schemaVersion') ?? 0;
  if (version > SCHEMA_VERSION) {
    return fail('This analysis was saved by a newer version of Whychain; it is read-only here.');
  }
  if (metaOf(doc).get('status') === 'closed') {
    return fail('This analysis is closed; reopen it to make changes.');
  }
  return undefined;
}

/** Checks a user-supplied text: a string no longer than `max`; returns a reason or undefined. */
export function badText(value: unknown, label: string, max: number): string | undefined {
  if (typeof value !== 'string') return `${label} must be text.`;
  if (value.length > max)
    return `${label} is too long (${value.length} characters, at most ${max}).`;
  return undefined;
}
