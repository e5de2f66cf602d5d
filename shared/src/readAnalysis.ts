import * as Y from 'yjs';
import type { ActionId, WhyId } from './ids';
import { resolveTree, type Placement, type ResolvedTree } from './resolveTree';
import {
  actionsOf,
  metaOf,
  problemOf,
  SCHEMA_VERSION,
  whysOf,
  PROBLEM_ID,
  commentsOf,
  parkingLotOf,
  learningsOf,
  DEFAULT_BLAME_WORDS,
  DEFAULT_CATEGORIES,
  VERIFICATIONS,
  type Verification,
  type ActionKind,
  type ActionStatus,
  type AnalysisStatus,
} from './schema';

/** A why as the reader sees it: plain, read-only, with its reconciled place in the tree. */
export interface Why {
  readonly id: WhyId;
  /** Effective parent: null for a direct answer to the problem. */
  readonly parentId: WhyId | null;
  readonly text: string;
  readonly rootCause: boolean;
  readonly createdBy: string;
  readonly createdAt: number;
  /** 1 for "Why 1" (a direct answer to the problem), 2 for "Why 2", ... */
  readonly depth: number;
  readonly childIds: readonly WhyId[];
  readonly evidence: string;
  readonly links: readonly string[];
  readonly verification: Verification;
  readonly category: string | null;
  /** A root cause accepted as an assumption rather than verified. */
  readonly assumption: boolean;
  /** Why the chain may stop here before three whys ('' when none given). */
  readonly stopReason: string;
}

export interface Comment {
  readonly id: string;
  readonly whyId: WhyId;
  readonly text: string;
  readonly author: string;
  readonly createdAt: number;
  readonly resolved: boolean;
}

export interface ParkingLotItem {
  readonly id: string;
  readonly text: string;
  readonly author: string;
  readonly createdAt: number;
}

export interface Action {
  readonly id: ActionId;
  readonly whyId: WhyId | null;
  readonly kind: ActionKind;
  readonly description: string;
  readonly owner: string;
  readonly dueDate: string | null;
  readonly status: ActionStatus;
  readonly completionNote: string;
  readonly completedAt: number | null;
  readonly createdBy: string;
  readonly createdAt: number;
}

export interface AnalysisSnapshot {
  readonly schemaVersion: number;
  /** True when the document comes from a newer version of Whychain: show it, never write to it. */
  readonly fromNewerVersion: boolean;
  readonly title: string;
  readonly problem: string;
  readonly status: AnalysisStatus;
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

/** The stored placement of every why, as input for `resolveTree`. */
export function readPlacements(doc: Y.Doc): Map<string, Placement> {
  const placements = new Map<string, Placement>();
  whysOf(doc).forEach((map, id) => {
    // Only well-formed whys count: another replica may have written anything under any key.
    if (id === PROBLEM_ID || !(map instanceof Y.Map)) return;
    placements.set(id, {
      parentId: String(map.get('parentId') ?? ''),
      order: Number(map.get('order') ?? 0),
      moveClock: Number(map.get('moveClock') ?? 0),
      prevParentId: (map.get('prevParentId') as string | null | undefined) ?? null,
    });
  });
  return placements;
}

/** The reconciled tree of the document's whys. */
export function readTree(doc: Y.Doc): ResolvedTree {
  return resolveTree(readPlacements(doc));
}

/**
 * A plain, read-only snapshot of the whole analysis. Given the `previous` snapshot of the same
 * document, every why that did not change keeps its object, so views can skip redrawing it.
 */
export function readAnalysis(doc: Y.Doc, previous?: AnalysisSnapshot): AnalysisSnapshot {
  const meta = metaOf(doc);
  const tree = readTree(doc);
  const whys: Record<string, Why> = {};
  const store = whysOf(doc);
  for (const id of tree.preorder) {
    const map = store.get(id)!;
    const parent = tree.parentOf.get(id)!;
    const text = map.get('text');
    const why: Why = {
      id: id as WhyId,
      parentId: parent === 'problem' ? null : (parent as WhyId),
      text: textOf(text),
      rootCause: map.get('rootCause') === true,
      createdBy: String(map.get('createdBy') ?? ''),
      createdAt: Number(map.get('createdAt') ?? 0),
      depth: tree.depthOf.get(id)!,
      childIds: Object.freeze([...tree.childrenOf.get(id)!]) as readonly WhyId[],
      evidence: textOf(map.get('evidence')),
      links: Object.freeze(
        map.get('links') instanceof Y.Array ? (map.get('links') as Y.Array<string>).toArray() : [],
      ),
      verification: oneOf(map.get('verification'), VERIFICATIONS, 'hypothesis'),
      category: typeof map.get('category') === 'string' ? (map.get('category') as string) : null,
      assumption: map.get('assumption') === true,
      stopReason: textOf(map.get('stopReason')),
    };
    const before = previous?.whys[id];
    whys[id] = before && sameWhy(before, why) ? before : Object.freeze(why);
  }
  const actions: Action[] = [];
  actionsOf(doc).forEach((map, id) => {
    if (!(map instanceof Y.Map)) return;
    actions.push(
      Object.freeze({
        id: id as ActionId,
        whyId: (map.get('whyId') as WhyId | null | undefined) ?? null,
        kind: (map.get('kind') as ActionKind | undefined) ?? 'corrective',
        description: textOf(map.get('description')),
        owner: String(map.get('owner') ?? ''),
        dueDate: (map.get('dueDate') as string | null | undefined) ?? null,
        status: (map.get('status') as ActionStatus | undefined) ?? 'open',
        completionNote: textOf(map.get('completionNote')),
        completedAt: (map.get('completedAt') as number | null | undefined) ?? null,
        createdBy: String(map.get('createdBy') ?? ''),
        createdAt: Number(map.get('createdAt') ?? 0),
      }),
    );
  });
  actions.sort(byCreation);
  const comments: Comment[] = [];
  commentsOf(doc).forEach((map, id) => {
    if (!(map instanceof Y.Map)) return;
    comments.push(
      Object.freeze({
        id,
        whyId: String(map.get('whyId') ?? '') as WhyId,
        text: String(map.get('text') ?? ''),
        author: String(map.get('author') ?? ''),
        createdAt: Number(map.get('createdAt') ?? 0),
        resolved: map.get('resolved') === true,
      }),
    );
  });
  comments.sort(byCreation);
  const parkingLot: ParkingLotItem[] = [];
  parkingLotOf(doc).forEach((map, id) => {
    if (!(map instanceof Y.Map)) return;
    parkingLot.push(
      Object.freeze({
        id,
        text: String(map.get('text') ?? ''),
        author: String(map.get('author') ?? ''),
        createdAt: Number(map.get('createdAt') ?? 0),
      }),
    );
  });
  parkingLot.sort(byCreation);
  const schemaVersion = Number(meta.get('schemaVersion') ?? 0);
  return Object.freeze({
    schemaVersion,
    fromNewerVersion: schemaVersion > SCHEMA_VERSION,
    title: meta.get('title') ?? '',
    problem: problemOf(doc).toString(),
    status: meta.get('status') ?? 'draft',
    createdAt: meta.get('createdAt') ?? 0,
    createdBy: meta.get('createdBy') ?? '',
    rootIds: Object.freeze([...tree.childrenOf.get('problem')!]) as readonly WhyId[],
    whys: Object.freeze(whys),
    order: Object.freeze([...tree.preorder]) as readonly WhyId[],
    actions: Object.freeze(actions),
    comments: Object.freeze(comments),
    parkingLot: Object.freeze(parkingLot),
    learnings: learningsOf(doc).toString(),
    categories: Object.freeze(stringList(meta.get('categories'), DEFAULT_CATEGORIES)),
    blameWords: Object.freeze(stringList(meta.get('blameWords'), DEFAULT_BLAME_WORDS)),
    signedOffBy: meta.get('signedOffBy') ?? null,
    signedOffAt: meta.get('signedOffAt') ?? null,
    closeOverride: meta.get('closeOverride') ?? null,
    timer: Object.freeze({
      startedAt: meta.get('timerStartedAt') ?? null,
      elapsedMs: meta.get('timerElapsedMs') ?? 0,
    }),
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

function stringList(value: unknown, fallback: readonly string[]): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [...fallback];
}

/** A shared text's content; a plain string as it is (fields stored before schema 3). */
function textOf(value: unknown): string {
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : '';
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function byCreation(a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
