import * as Y from 'yjs';
import type { ActionId, WhyId } from './ids';

/**
 * The Yjs layout of an analysis document. This file is the only place that knows the root keys
 * and field names; everything else goes through the accessors below or `readAnalysis`.
 *
 * Roots:
 * - `meta`    Y.Map: schemaVersion, title, status, createdAt, createdBy
 * - `problem` Y.Text: the problem statement (a root type, so no replica can ever replace it)
 * - `whys`    Y.Map<WhyId, Y.Map>: one map per why, see `WhyField`
 * - `actions` Y.Map<ActionId, Y.Map>: one map per action, see `ActionField`
 */
export const SCHEMA_VERSION = 1;

/** Parent id used by whys that hang directly off the problem statement. */
export const PROBLEM_ID = 'problem';

export const ANALYSIS_STATUSES = ['draft', 'in_review', 'closed'] as const;
export type AnalysisStatus = (typeof ANALYSIS_STATUSES)[number];

export const ACTION_KINDS = ['containment', 'corrective', 'preventive'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const LIMITS = {
  titleLength: 200,
  problemLength: 5_000,
  whyTextLength: 5_000,
  actionDescriptionLength: 5_000,
} as const;

/** Fields of a why's Y.Map. `text` holds a Y.Text; the others hold plain values. */
export interface WhyFields {
  parentId: string;
  order: number;
  text: Y.Text;
  rootCause: boolean;
  createdBy: string;
  createdAt: number;
  /** Lamport-style counter of the last move; breaks cycles made by concurrent moves. */
  moveClock: number;
  /** Parent before the last move; where the losing side of a cycle goes back to. */
  prevParentId: string | null;
}

/** Fields of an action's Y.Map. `whyId` null means the action hangs off the analysis itself. */
export interface ActionFields {
  whyId: string | null;
  kind: ActionKind;
  description: string;
  owner: string;
  dueDate: string | null;
  status: ActionStatus;
  completionNote: string;
  completedAt: number | null;
  createdBy: string;
  createdAt: number;
}

export interface MetaFields {
  schemaVersion: number;
  title: string;
  status: AnalysisStatus;
  createdAt: number;
  createdBy: string;
}

/** A Y.Map whose keys and value types are known. */
export interface TypedMap<F> {
  get<K extends keyof F & string>(key: K): F[K] | undefined;
  set<K extends keyof F & string>(key: K, value: F[K]): void;
  readonly raw: Y.Map<unknown>;
}

function typed<F>(map: Y.Map<unknown>): TypedMap<F> {
  return {
    get: (key) => map.get(key) as never,
    set: (key, value) => void map.set(key, value),
    raw: map,
  };
}

/** The document's meta map. */
export function metaOf(doc: Y.Doc): TypedMap<MetaFields> {
  return typed<MetaFields>(doc.getMap('meta'));
}

/** The problem statement text. */
export function problemOf(doc: Y.Doc): Y.Text {
  return doc.getText('problem');
}

/** The map of all whys, keyed by id. */
export function whysOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('whys');
}

/** The map of all actions, keyed by id. */
export function actionsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('actions');
}

/** One why's fields, or undefined when no such why is stored. */
export function whyOf(doc: Y.Doc, id: WhyId | string): TypedMap<WhyFields> | undefined {
  const map = whysOf(doc).get(id);
  return map instanceof Y.Map ? typed<WhyFields>(map) : undefined;
}

/** One action's fields, or undefined when no such action is stored. */
export function actionOf(doc: Y.Doc, id: ActionId | string): TypedMap<ActionFields> | undefined {
  const map = actionsOf(doc).get(id);
  return map instanceof Y.Map ? typed<ActionFields>(map) : undefined;
}

/** A new, unattached Y.Map for a why, ready to be put into `whysOf(doc)`. */
export function makeWhyMap(fields: Omit<WhyFields, 'text'> & { text: string }): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  const { text, ...rest } = fields;
  for (const [key, value] of Object.entries(rest)) map.set(key, value);
  map.set('text', new Y.Text(text));
  return map;
}

/** A new, unattached Y.Map for an action. */
export function makeActionMap(fields: ActionFields): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}
