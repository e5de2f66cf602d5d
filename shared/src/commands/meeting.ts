import type * as Y from 'yjs';
import type { Origin } from '../origin';
import { fail, type Result } from '../result';
import { isInitialized } from '../readAnalysis';
import { customerMessageOf, learningsOf, LIMITS, metaOf, SCHEMA_VERSION } from '../schema';
import { whyReadOnly } from './guard';
import { writeSharedText } from './writeSharedText';

/** Changes "learnings for other customers", touching only the characters that differ. */
export function editLearnings(doc: Y.Doc, input: { text: string }, origin: Origin): Result {
  const rule = { label: 'Learnings', max: LIMITS.evidenceLength };
  return writeSharedText(doc, learningsOf(doc), input.text, rule, origin);
}

/** Changes the "Message to the customer", touching only the characters that differ. */
export function editCustomerMessage(doc: Y.Doc, input: { text: string }, origin: Origin): Result {
  const rule = { label: 'Message to the customer', max: LIMITS.evidenceLength };
  return writeSharedText(doc, customerMessageOf(doc), input.text, rule, origin);
}

/** Starts (or resumes) the meeting timer everyone sees. */
export function startTimer(doc: Y.Doc, origin: Origin, now = Date.now()): Result {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  if (metaOf(doc).get('timerStartedAt') != null) return fail('The timer is already running.');
  doc.transact(() => metaOf(doc).set('timerStartedAt', now), origin);
  return { ok: true };
}

/** Pauses the meeting timer, keeping the time counted so far. */
export function pauseTimer(doc: Y.Doc, origin: Origin, now = Date.now()): Result {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  return pauseRunning(doc, origin, now);
}

/**
 * Pauses a running timer because the last person left the room (the server does this), counting
 * the time up to `now`. Unlike `pauseTimer` it also stops the timer of a closed analysis, which
 * nobody can pause any more and which would otherwise count on for ever; a document from a newer
 * version is left alone, as it is everywhere.
 */
export function pauseTimerOnEmptyRoom(doc: Y.Doc, origin: Origin, now = Date.now()): Result {
  if (!isInitialized(doc)) return fail('The analysis has not loaded yet.');
  if ((metaOf(doc).get('schemaVersion') ?? 0) > SCHEMA_VERSION) {
    return fail('This analysis was saved by a newer version of Whychain.');
  }
  return pauseRunning(doc, origin, now);
}

function pauseRunning(doc: Y.Doc, origin: Origin, now: number): Result {
  const meta = metaOf(doc);
  const started = meta.get('timerStartedAt');
  if (started == null) return fail('The timer is not running.');
  doc.transact(() => {
    meta.set('timerElapsedMs', (meta.get('timerElapsedMs') ?? 0) + Math.max(0, now - started));
    meta.set('timerStartedAt', null);
  }, origin);
  return { ok: true };
}

/** Stops the meeting timer and sets it back to zero. */
export function resetTimer(doc: Y.Doc, origin: Origin): Result {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  doc.transact(() => {
    metaOf(doc).set('timerStartedAt', null);
    metaOf(doc).set('timerElapsedMs', 0);
  }, origin);
  return { ok: true };
}

/** Time shown by a timer snapshot at `now`, in milliseconds. */
export function timerElapsed(
  timer: { startedAt: number | null; elapsedMs: number },
  now = Date.now(),
): number {
  return timer.elapsedMs + (timer.startedAt == null ? 0 : Math.max(0, now - timer.startedAt));
}

function cleanList(items: unknown, label: string): string[] | string {
  if (!Array.isArray(items)) return `${label} must be a list of words.`;
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') return `${label} must be a list of words.`;
    const word = item.trim();
    if (word.length > LIMITS.listItemLength)
      return `"${word.slice(0, 20)}..." is too long for ${label.toLowerCase()}.`;
    if (word !== '' && !out.includes(word)) out.push(word);
  }
  if (out.length > LIMITS.listLength)
    return `${label} can hold at most ${LIMITS.listLength} entries.`;
  return out;
}

/** Replaces the analysis's list of cause categories. */
export function setCategories(doc: Y.Doc, input: { categories: string[] }, origin: Origin): Result {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  const list = cleanList(input.categories, 'Categories');
  if (typeof list === 'string') return fail(list);
  if (list.length === 0) return fail('Keep at least one category.');
  doc.transact(() => metaOf(doc).set('categories', list), origin);
  return { ok: true };
}

/** Replaces the phrases that trigger the blameless hint. */
export function setBlameWords(doc: Y.Doc, input: { words: string[] }, origin: Origin): Result {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  const list = cleanList(input.words, 'Blame words');
  if (typeof list === 'string') return fail(list);
  doc.transact(() => metaOf(doc).set('blameWords', list), origin);
  return { ok: true };
}
