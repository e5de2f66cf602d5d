import type * as Y from 'yjs';
import { isInitialized } from '../readAnalysis';
import type { Origin } from '../origin';
import { fail, type Result } from '../result';
import {
  DEFAULT_BLAME_WORDS,
  DEFAULT_CATEGORIES,
  LIMITS,
  metaOf,
  problemOf,
  SCHEMA_VERSION,
} from '../schema';
import { badText } from './guard';

export interface CreateAnalysisInput {
  title: string;
  problem: string;
}

/** Checks the input of `createAnalysis`; returns a reason a user can read, or undefined. */
export function validateCreateAnalysis(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null)
    return 'Expected an object with title and problem.';
  const { title, problem } = input as Record<string, unknown>;
  if (typeof title !== 'string' || title.trim() === '') return 'Title is required.';
  return (
    badText(title, 'Title', LIMITS.titleLength) ??
    badText(problem ?? '', 'Problem statement', LIMITS.problemLength)
  );
}

/** Fills an empty document with a new analysis in draft. */
export function createAnalysis(doc: Y.Doc, input: CreateAnalysisInput, origin: Origin): Result {
  const bad = validateCreateAnalysis(input);
  if (bad) return fail(bad);
  if (isInitialized(doc)) return fail('This document already holds an analysis.');
  doc.transact(() => {
    const meta = metaOf(doc);
    meta.set('title', input.title.trim());
    meta.set('status', 'draft');
    meta.set('createdAt', Date.now());
    meta.set('createdBy', origin.actor);
    meta.set('signedOffBy', null);
    meta.set('signedOffAt', null);
    meta.set('closeOverride', null);
    meta.set('categories', [...DEFAULT_CATEGORIES]);
    meta.set('blameWords', [...DEFAULT_BLAME_WORDS]);
    meta.set('timerStartedAt', null);
    meta.set('timerElapsedMs', 0);
    problemOf(doc).insert(0, input.problem ?? '');
    meta.set('schemaVersion', SCHEMA_VERSION);
  }, origin);
  return { ok: true };
}
