import * as Y from 'yjs';
import type { ActionId, WhyId } from './ids';
import { ActionRecord } from './records/action';
import { CommentRecord } from './records/comment';
import type { ReadValuesOf } from './records/field';
import { MetaRecord } from './records/meta';
import { ParkingLotItemRecord } from './records/parkingLotItem';
import { readRecord } from './records/read';
import { ROOTS } from './records/roots';
import { WHY_PLACEMENT_KEYS, WHY_SHOWN_KEYS, WhyRecord } from './records/why';
import { resolveTree, type Placement, type ResolvedTree } from './resolveTree';
import {
  actionsOf,
  commentsOf,
  customerMessageOf,
  learningsOf,
  metaOf,
  parkingLotOf,
  problemOf,
  PROBLEM_ID,
  SCHEMA_VERSION,
  whysOf,
} from './schema';

/** `T` with the id reference `K` typed as the branded id `B`. */
type WithRef<T, K extends keyof T, B> = Omit<T, K> & { readonly [P in K]: B };

type WhyShown = Omit<ReadValuesOf<typeof WhyRecord>, (typeof WHY_PLACEMENT_KEYS)[number]>;

/**
 * A why as the reader sees it: plain, read-only, with its reconciled place in the tree. Its other
 * fields are those of `WhyRecord` (texts as strings, links as an array).
 */
export interface Why extends WhyShown {
  readonly id: WhyId;
  /** Effective parent: null for a direct answer to the problem. */
  readonly parentId: WhyId | null;
  /** 1 for "Why 1" (a direct answer to the problem), 2 for "Why 2", ... */
  readonly depth: number;
  readonly childIds: readonly WhyId[];
  /**
   * True when some field held a malformed value (a faulty or hostile writer's work) and shows its
   * default instead; the server puts such records right, so this is rare and short-lived.
   */
  readonly damaged: boolean;
}

/** A comment as the reader sees it: the fields of `CommentRecord` and its id. */
export interface Comment extends WithRef<ReadValuesOf<typeof CommentRecord>, 'whyId', WhyId> {
  readonly id: string;
}

/** A parking lot item as the reader sees it: the fields of `ParkingLotItemRecord` and its id. */
export interface ParkingLotItem extends ReadValuesOf<typeof ParkingLotItemRecord> {
  readonly id: string;
}

/** An action as the reader sees it: the fields of `ActionRecord` (texts as strings) and its id. */
export interface Action extends WithRef<ReadValuesOf<typeof ActionRecord>, 'whyId', WhyId | null> {
  readonly id: ActionId;
  /** True when some field held a malformed value and shows its default instead (see `Why`). */
  readonly damaged: boolean;
}

export interface AnalysisSnapshot {
  readonly schemaVersion: number;
  /** True when the document comes from a newer version of Whychain: show it, never write to it. */
  readonly fromNewerVersion: boolean;
  readonly title: string;
  readonly problem: string;
  readonly status: ReadValuesOf<typeof MetaRecord>['status'];
  readonly createdAt: number;
  readonly createdBy: string;
  /** Direct answers to the problem, in order. */
  readonly rootIds: readonly WhyId[];
  readonly whys: Readonly<Record<string, Why>>;
  /** Every why in depth-first display order. */
  readonly order: readonly WhyId[];
  readonly actions: readonly Action[];
  /** Every comment, oldest first; resolved ones included (the UI hides them). */
  readonly comments: readonly Comment[];
  readonly parkingLot: readonly ParkingLotItem[];
  readonly learnings: string;
  /** "Message to the customer": opens the customer's version of the exports. */
  readonly customerMessage: string;
  /** Why the customer's version was exported before closing (the latest reason), or null. */
  readonly customerVersionOverride: string | null;
  readonly categories: readonly string[];
  readonly blameWords: readonly string[];
  readonly signedOffBy: string | null;
  readonly signedOffAt: number | null;
  readonly closeOverride: string | null;
  readonly timer: { readonly startedAt: number | null; readonly elapsedMs: number };
}

/** Whether the document has been created (has meta); an empty doc is still waiting for its first sync. */
export function isInitialized(doc: Y.Doc): boolean {
  return metaOf(doc).get('schemaVersion') !== undefined;
}

/** Calls `fn` for every record of a collection root that is a Y.Map under a valid key. */
function forEachRecord(
  collection: Y.Map<Y.Map<unknown>>,
  isKey: (key: string) => boolean,
  fn: (map: Y.Map<unknown>, id: string) => void,
): void {
  collection.forEach((map, id) => {
    // Another replica may have written anything under any key: only well-formed records count.
    if (map instanceof Y.Map && isKey(id)) fn(map, id);
  });
}

function collectPlacements(doc: Y.Doc, damaged?: Set<string>): Map<string, Placement> {
  const placements = new Map<string, Placement>();
  forEachRecord(whysOf(doc), ROOTS.whys.isKey, (map, id) => {
    const read = readRecord(WhyRecord, map, WHY_PLACEMENT_KEYS);
    placements.set(id, read.values);
    if (read.damaged) damaged?.add(id);
  });
  return placements;
}

/** The stored placement of every why, as input for `resolveTree`. */
export function readPlacements(doc: Y.Doc): Map<string, Placement> {
  return collectPlacements(doc);
}

/** The reconciled tree of the document's whys. */
export function readTree(doc: Y.Doc): ResolvedTree {
  return resolveTree(readPlacements(doc));
}

/**
 * A plain, read-only snapshot of the whole analysis; never throws, whatever the document holds
 * (malformed fields read as their defaults, and whys and actions say they are `damaged`). Given
 * the `previous` snapshot of the same document, every why that did not change keeps its object,
 * so views can skip redrawing it.
 */
export function readAnalysis(doc: Y.Doc, previous?: AnalysisSnapshot): AnalysisSnapshot {
  const damagedPlacement = new Set<string>();
  const tree = resolveTree(collectPlacements(doc, damagedPlacement));
  const whys: Record<string, Why> = {};
  const store = whysOf(doc);
  for (const id of tree.preorder) {
    const parent = tree.parentOf.get(id)!;
    const shown = readRecord(WhyRecord, store.get(id) as Y.Map<unknown>, WHY_SHOWN_KEYS);
    const why: Why = {
      id: id as WhyId,
      parentId: parent === PROBLEM_ID ? null : (parent as WhyId),
      depth: tree.depthOf.get(id)!,
      childIds: Object.freeze([...tree.childrenOf.get(id)!]) as readonly WhyId[],
      ...shown.values,
      damaged: shown.damaged || damagedPlacement.has(id),
    };
    const before = previous?.whys[id];
    whys[id] = before && sameWhy(before, why) ? before : Object.freeze(why);
  }
  const actions: Action[] = [];
  forEachRecord(actionsOf(doc), ROOTS.actions.isKey, (map, id) => {
    const { values, damaged } = readRecord(ActionRecord, map);
    actions.push(
      Object.freeze({
        ...values,
        id: id as ActionId,
        whyId: values.whyId as WhyId | null,
        damaged,
      }),
    );
  });
  actions.sort(byCreation);
  const comments: Comment[] = [];
  forEachRecord(commentsOf(doc), ROOTS.comments.isKey, (map, id) => {
    const { values } = readRecord(CommentRecord, map);
    comments.push(Object.freeze({ ...values, id, whyId: values.whyId as WhyId }));
  });
  comments.sort(byCreation);
  const parkingLot: ParkingLotItem[] = [];
  forEachRecord(parkingLotOf(doc), ROOTS.parkingLot.isKey, (map, id) => {
    parkingLot.push(Object.freeze({ ...readRecord(ParkingLotItemRecord, map).values, id }));
  });
  parkingLot.sort(byCreation);
  const meta = readRecord(MetaRecord, metaOf(doc).raw).values;
  const schemaVersion = isInitialized(doc) ? meta.schemaVersion : 0;
  return Object.freeze({
    schemaVersion,
    fromNewerVersion: schemaVersion > SCHEMA_VERSION,
    title: meta.title,
    problem: problemOf(doc).toString(),
    status: meta.status,
    createdAt: meta.createdAt,
    createdBy: meta.createdBy,
    rootIds: Object.freeze([...tree.childrenOf.get(PROBLEM_ID)!]) as readonly WhyId[],
    whys: Object.freeze(whys),
    order: Object.freeze([...tree.preorder]) as readonly WhyId[],
    actions: Object.freeze(actions),
    comments: Object.freeze(comments),
    parkingLot: Object.freeze(parkingLot),
    learnings: learningsOf(doc).toString(),
    customerMessage: customerMessageOf(doc).toString(),
    customerVersionOverride: meta.customerVersionOverride,
    categories: Object.freeze([...meta.categories]),
    blameWords: Object.freeze([...meta.blameWords]),
    signedOffBy: meta.signedOffBy,
    signedOffAt: meta.signedOffAt,
    closeOverride: meta.closeOverride,
    timer: Object.freeze({ startedAt: meta.timerStartedAt, elapsedMs: meta.timerElapsedMs }),
  });
}

function sameWhy(a: Why, b: Why): boolean {
  for (const key of Object.keys(b) as Array<keyof Why>) {
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    if (x.some((item, i) => item !== y[i])) return false;
  }
  return true;
}

function byCreation(a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
