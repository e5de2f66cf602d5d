import type * as Y from 'yjs';
import { isInitialized } from '../readAnalysis';
import type { Origin } from '../origin';
import { fail, type Result } from '../result';
import { fillRecord } from '../records/field';
import { MetaRecord } from '../records/meta';
import { LIMITS, metaOf, problemOf, SCHEMA_VERSION } from '../schema';
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
    // Every other field of the analysis starts at its declared default.
    fillRecord(MetaRecord, metaOf(doc).raw, {
      schemaVersion: SCHEMA_VERSION,
      title: input.title.trim(),
      createdAt: Date.now(),
      createdBy: origin.actor,
    });
    problemOf(doc).insert(0, input.problem ?? '');
  }, origin);
  return { ok: true };
}
