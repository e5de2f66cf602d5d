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
 * - `comments` Y.Map<CommentId, Y.Map>: discussion on whys, see `CommentFields`
 * - `parkingLot` Y.Map<id, Y.Map>: off-topic points set aside during the meeting
 * - `learnings` Y.Text: learnings for other customers
 */
export const SCHEMA_VERSION = 3;

/** Parent id used by whys that hang directly off the problem statement. */
export const PROBLEM_ID = 'problem';

export const ANALYSIS_STATUSES = ['draft', 'in_review', 'closed'] as const;
export type AnalysisStatus = (typeof ANALYSIS_STATUSES)[number];

export const VERIFICATIONS = ['hypothesis', 'verified', 'ruled_out'] as const;
export type Verification = (typeof VERIFICATIONS)[number];

/** Cause categories an analysis starts with; each analysis may change its own list. */
export const DEFAULT_CATEGORIES: readonly string[] = [
  'People',
  'Process',
  'Tools and systems',
  'Policy',
  'Communication',
  'Supplier or external',
];

/**
 * Phrases that put the blame on a person rather than on what allowed the mistake; a why that
 * contains one gets a gentle hint. Each analysis may change its own list.
 */
export const DEFAULT_BLAME_WORDS: readonly string[] = [
  'forgot',
  'human error',
  'operator error',
  'careless',
  'negligent',
  'lazy',
  'incompetent',
  'should have known',
  'did not pay attention',
  "didn't pay attention",
];

export const ACTION_KINDS = ['containment', 'corrective', 'preventive'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const LIMITS = {
  titleLength: 200,
  problemLength: 5_000,
  whyTextLength: 5_000,
  actionDescriptionLength: 5_000,
  ownerLength: 1_000,
  completionNoteLength: 1_000,
  evidenceLength: 20_000,
  linkLength: 2_000,
  commentLength: 5_000,
  listItemLength: 200,
  listLength: 50,
} as const;

/**
 * Fields of a why's Y.Map. `text`, `evidence` and `stopReason` hold Y.Texts (people may type in
 * them at the same time), `links` a Y.Array; the others hold plain values.
 */
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
  evidence: Y.Text;
  links: Y.Array<string>;
  verification: Verification;
  category: string | null;
  /** A root cause not verified but explicitly accepted as an assumption. */
  assumption: boolean;
  /** Why a chain may stop here before three whys. */
  stopReason: Y.Text;
}

export interface CommentFields {
  whyId: string;
  text: string;
  author: string;
  createdAt: number;
  resolved: boolean;
}

export interface ParkingLotFields {
  text: string;
  author: string;
  createdAt: number;
}

/**
 * Fields of an action's Y.Map. `whyId` null means the action hangs off the analysis itself.
 * `description` and `completionNote` hold Y.Texts; the others hold plain values.
 */
export interface ActionFields {
  whyId: string | null;
  kind: ActionKind;
  description: Y.Text;
  owner: string;
  dueDate: string | null;
  status: ActionStatus;
  completionNote: Y.Text;
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
  /** Who signed the analysis off and when (set on close, cleared on reopen). */
  signedOffBy: string | null;
  signedOffAt: number | null;
  /** Set when the analysis was closed although the checklist did not pass: the reason given. */
  closeOverride: string | null;
  categories: string[];
  blameWords: string[];
  /** Meeting timer: start of the running period (null when paused) and time counted before it. */
  timerStartedAt: number | null;
  timerElapsedMs: number;
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

/** The map of all comments, keyed by id. */
export function commentsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('comments');
}

/** The parking lot of off-topic points, keyed by id. */
export function parkingLotOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('parkingLot');
}

/** Learnings for other customers. */
export function learningsOf(doc: Y.Doc): Y.Text {
  return doc.getText('learnings');
}

/** One comment's fields, or undefined when no such comment is stored. */
export function commentOf(doc: Y.Doc, id: string): TypedMap<CommentFields> | undefined {
  const map = commentsOf(doc).get(id);
  return map instanceof Y.Map ? typed<CommentFields>(map) : undefined;
}

/** One why's fields, or undefined when no such why is stored. */
export function whyOf(doc: Y.Doc, id: WhyId | string): TypedMap<WhyFields> | undefined {
  const map = whysOf(doc).get(id);
  return map instanceof Y.Map ? typed<WhyFields>(map) : undefined;
}

/** The fields of a why that people type in together. */
export type WhyTextField = 'text' | 'evidence' | 'stopReason';

/** A text field of a why, or undefined when no such why (or no such text) is stored. */
export function whyTextOf(
  doc: Y.Doc,
  whyId: WhyId | string,
  field: WhyTextField,
): Y.Text | undefined {
  const text = whyOf(doc, whyId)?.raw.get(field);
  return text instanceof Y.Text ? text : undefined;
}

/** The fields of an action that people type in together. */
export type ActionTextField = 'description' | 'completionNote';

/** A text field of an action, or undefined when no such action (or no such text) is stored. */
export function actionTextOf(
  doc: Y.Doc,
  actionId: ActionId | string,
  field: ActionTextField,
): Y.Text | undefined {
  const text = actionOf(doc, actionId)?.raw.get(field);
  return text instanceof Y.Text ? text : undefined;
}

/** One action's fields, or undefined when no such action is stored. */
export function actionOf(doc: Y.Doc, id: ActionId | string): TypedMap<ActionFields> | undefined {
  const map = actionsOf(doc).get(id);
  return map instanceof Y.Map ? typed<ActionFields>(map) : undefined;
}

/** A new, unattached Y.Map for a why, ready to be put into `whysOf(doc)`. */
export function makeWhyMap(
  fields: Omit<WhyFields, 'text' | 'evidence' | 'links' | 'stopReason'> & { text: string },
): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  const { text, ...rest } = fields;
  for (const [key, value] of Object.entries(rest)) map.set(key, value);
  map.set('text', new Y.Text(text));
  map.set('evidence', new Y.Text());
  map.set('stopReason', new Y.Text());
  map.set('links', new Y.Array<string>());
  return map;
}

/** A new, unattached Y.Map for a record made only of plain values (comments, parking lot). */
export function makePlainMap(fields: object): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

/** A new, unattached Y.Map for an action, its description given as plain text. */
export function makeActionMap(
  fields: Omit<ActionFields, 'description' | 'completionNote'> & { description: string },
): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  const { description, ...rest } = fields;
  for (const [key, value] of Object.entries(rest)) map.set(key, value);
  map.set('description', new Y.Text(description));
  map.set('completionNote', new Y.Text());
  return map;
}
