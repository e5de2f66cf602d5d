import * as Y from 'yjs';
import type { ActionId, WhyId } from './ids';
import { ActionRecord, type ActionFields } from './records/action';
import { CommentRecord, type CommentFields } from './records/comment';
import {
  accepts,
  newRecordMap,
  type FieldsOf,
  type NewRecordInput,
  type RecordType,
  type TextKeysOf,
} from './records/field';
import { MetaRecord, type MetaFields } from './records/meta';
import { ParkingLotItemRecord, type ParkingLotFields } from './records/parkingLotItem';
import { ROOTS, type RootName } from './records/roots';
import { WhyRecord, type WhyFields } from './records/why';

/**
 * The Yjs layout of an analysis document. The roots are declared in `records/roots.ts`, the fields
 * of each record once in its file under `records/` (name, kind, validator, default, migrations);
 * this file gives typed access to them. Everything else goes through these accessors, the
 * commands or `readAnalysis`.
 *
 * Roots:
 * - `meta`    Y.Map: the analysis itself, see `MetaRecord`
 * - `problem` Y.Text: the problem statement (a root type, so no replica can ever replace it)
 * - `whys`    Y.Map<WhyId, Y.Map>: one map per why, see `WhyRecord`
 * - `actions` Y.Map<ActionId, Y.Map>: one map per action, see `ActionRecord`
 * - `comments` Y.Map<CommentId, Y.Map>: discussion on whys, see `CommentRecord`
 * - `parkingLot` Y.Map<id, Y.Map>: off-topic points set aside during the meeting
 * - `learnings` Y.Text: learnings for other customers
 * - `customerMessage` Y.Text: the team's message to the customer (the customer's version)
 */
export {
  ACTION_KINDS,
  ACTION_STATUSES,
  ANALYSIS_STATUSES,
  DEFAULT_BLAME_WORDS,
  DEFAULT_CATEGORIES,
  LIMITS,
  PROBLEM_ID,
  SCHEMA_VERSION,
  VERIFICATIONS,
  type ActionKind,
  type ActionStatus,
  type AnalysisStatus,
  type Verification,
} from './records/constants';
export type { ActionFields, CommentFields, MetaFields, ParkingLotFields, WhyFields };

/** A Y.Map whose keys and value types are known. */
export interface TypedMap<F> {
  /** The stored value, or undefined when it is missing or not valid for its field. */
  get<K extends keyof F & string>(key: K): F[K] | undefined;
  set<K extends keyof F & string>(key: K, value: F[K]): void;
  readonly raw: Y.Map<unknown>;
}

function typed<R extends RecordType>(map: Y.Map<unknown>, record: R): TypedMap<FieldsOf<R>> {
  return {
    get: (key) => {
      const value = map.get(key);
      return accepts(record.fields[key]!, value) ? (value as never) : undefined;
    },
    set: (key, value) => void map.set(key, value),
    raw: map,
  };
}

const rootMap = (doc: Y.Doc, name: RootName) => doc.getMap<unknown>(name);

/** The document's meta map. */
export function metaOf(doc: Y.Doc): TypedMap<MetaFields> {
  return typed(rootMap(doc, 'meta'), MetaRecord);
}

/** The problem statement text. */
export function problemOf(doc: Y.Doc): Y.Text {
  return doc.getText('problem' satisfies RootName);
}

/** The map of all whys, keyed by id. */
export function whysOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('whys' satisfies RootName);
}

/** The map of all actions, keyed by id. */
export function actionsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('actions' satisfies RootName);
}

/** The map of all comments, keyed by id. */
export function commentsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('comments' satisfies RootName);
}

/** The parking lot of off-topic points, keyed by id. */
export function parkingLotOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('parkingLot' satisfies RootName);
}

/** Learnings for other customers. */
export function learningsOf(doc: Y.Doc): Y.Text {
  return doc.getText('learnings' satisfies RootName);
}

/** The team's message that opens the customer's version of the exports. */
export function customerMessageOf(doc: Y.Doc): Y.Text {
  return doc.getText('customerMessage' satisfies RootName);
}

/** The root `name` of the document, typed as `ROOTS` declares it. */
export function rootOf(doc: Y.Doc, name: RootName): Y.Map<unknown> | Y.Text {
  return ROOTS[name].kind === 'text' ? doc.getText(name) : doc.getMap<unknown>(name);
}

/** The record stored under `id` in `collection` as a typed map, if it is a Y.Map. */
function recordIn<R extends RecordType>(
  collection: Y.Map<Y.Map<unknown>>,
  id: string,
  record: R,
): TypedMap<FieldsOf<R>> | undefined {
  const map = collection.get(id);
  return map instanceof Y.Map ? typed(map as Y.Map<unknown>, record) : undefined;
}

/** One comment's fields, or undefined when no such comment is stored. */
export function commentOf(doc: Y.Doc, id: string): TypedMap<CommentFields> | undefined {
  return recordIn(commentsOf(doc), id, CommentRecord);
}

/** One parking lot item's fields, or undefined when no such item is stored. */
export function parkingLotItemOf(doc: Y.Doc, id: string): TypedMap<ParkingLotFields> | undefined {
  return recordIn(parkingLotOf(doc), id, ParkingLotItemRecord);
}

/** One why's fields, or undefined when no such why is stored. */
export function whyOf(doc: Y.Doc, id: WhyId | string): TypedMap<WhyFields> | undefined {
  return recordIn(whysOf(doc), id, WhyRecord);
}

/** One action's fields, or undefined when no such action is stored. */
export function actionOf(doc: Y.Doc, id: ActionId | string): TypedMap<ActionFields> | undefined {
  return recordIn(actionsOf(doc), id, ActionRecord);
}

/** The fields of a why that people type in together. */
export type WhyTextField = TextKeysOf<typeof WhyRecord>;

/** A text field of a why, or undefined when no such why (or no such text) is stored. */
export function whyTextOf(
  doc: Y.Doc,
  whyId: WhyId | string,
  field: WhyTextField,
): Y.Text | undefined {
  return whyOf(doc, whyId)?.get(field);
}

/** The fields of an action that people type in together. */
export type ActionTextField = TextKeysOf<typeof ActionRecord>;

/** A text field of an action, or undefined when no such action (or no such text) is stored. */
export function actionTextOf(
  doc: Y.Doc,
  actionId: ActionId | string,
  field: ActionTextField,
): Y.Text | undefined {
  return actionOf(doc, actionId)?.get(field);
}

/** A new, unattached Y.Map for a why, ready to be put into `whysOf(doc)`. */
export function makeWhyMap(fields: NewRecordInput<typeof WhyRecord>): Y.Map<unknown> {
  return newRecordMap(WhyRecord, fields);
}

/** A new, unattached Y.Map for an action, its texts given as plain strings. */
export function makeActionMap(fields: NewRecordInput<typeof ActionRecord>): Y.Map<unknown> {
  return newRecordMap(ActionRecord, fields);
}

/** A new, unattached Y.Map for a comment. */
export function makeCommentMap(fields: NewRecordInput<typeof CommentRecord>): Y.Map<unknown> {
  return newRecordMap(CommentRecord, fields);
}

/** A new, unattached Y.Map for a parking lot item. */
export function makeParkingLotItemMap(
  fields: NewRecordInput<typeof ParkingLotItemRecord>,
): Y.Map<unknown> {
  return newRecordMap(ParkingLotItemRecord, fields);
}

/** A new, unattached Y.Map holding `fields` as plain values (prefer the typed makers above). */
export function makePlainMap(fields: object): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}
