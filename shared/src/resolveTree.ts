import { PROBLEM_ID } from './schema';

/** The stored placement of one why, as read from the document. */
export interface Placement {
  parentId: string;
  order: number;
  moveClock: number;
  prevParentId: string | null;
}

/** Where each why really sits once concurrent edits are reconciled. */
export interface ResolvedTree {
  /** Effective parent of every why (`PROBLEM_ID` for the top level). */
  parentOf: Map<string, string>;
  /** Children of the problem and of every why, in display order. */
  childrenOf: Map<string, string[]>;
  /** Depth of every why: 1 for a direct answer to the problem ("Why 1"). */
  depthOf: Map<string, number>;
  /** Whys in depth-first display order. */
  preorder: string[];
}

/**
 * Turns stored placements into a valid tree, the same way on every replica.
 *
 * Concurrent edits can leave stored parent links that do not form a tree. Rules, applied in order:
 * 1. A why whose parent no longer exists (deleted concurrently) is shown under the problem, so
 *    nothing anyone typed disappears; if the delete is undone it goes back to its parent.
 * 2. Concurrent moves that form a cycle are broken at the why with the latest move
 *    (highest `moveClock`, then highest id): it goes back to the parent it had before that move,
 *    or under the problem when that parent is gone. If going back closes another cycle, that one
 *    is broken by the same rule; a why already sent back once goes under the problem.
 * 3. Siblings are ordered by `order`, ties broken by id.
 * The result depends only on the placements, never on the order updates arrived in.
 */
export function resolveTree(placements: ReadonlyMap<string, Placement>): ResolvedTree {
  const ids = [...placements.keys()].sort();
  const parentOf = new Map<string, string>();
  for (const id of ids) {
    const p = placements.get(id)!.parentId;
    parentOf.set(id, p === PROBLEM_ID || (placements.has(p) && p !== id) ? p : PROBLEM_ID);
  }

  const sentBack = new Set<string>();
  for (let cycle = findCycle(ids, parentOf); cycle; cycle = findCycle(ids, parentOf)) {
    let loser = cycle[0]!;
    for (const id of cycle) {
      const a = placements.get(id)!;
      const b = placements.get(loser)!;
      if (a.moveClock > b.moveClock || (a.moveClock === b.moveClock && id > loser)) loser = id;
    }
    const prev = placements.get(loser)!.prevParentId;
    const canGoBack =
      !sentBack.has(loser) &&
      prev !== null &&
      prev !== loser &&
      (prev === PROBLEM_ID || placements.has(prev));
    parentOf.set(loser, canGoBack ? prev : PROBLEM_ID);
    sentBack.add(loser);
  }

  const childrenOf = new Map<string, string[]>([[PROBLEM_ID, []]]);
  for (const id of ids) childrenOf.set(id, []);
  for (const id of ids) childrenOf.get(parentOf.get(id)!)!.push(id);
  for (const list of childrenOf.values()) {
    list.sort((a, b) => {
      const d = placements.get(a)!.order - placements.get(b)!.order;
      return d !== 0 ? d : a < b ? -1 : a > b ? 1 : 0;
    });
  }

  const depthOf = new Map<string, number>();
  const preorder: string[] = [];
  const stack: Array<[string, number]> = [...childrenOf.get(PROBLEM_ID)!]
    .reverse()
    .map((id) => [id, 1]);
  while (stack.length > 0) {
    const [id, depth] = stack.pop()!;
    depthOf.set(id, depth);
    preorder.push(id);
    const kids = childrenOf.get(id)!;
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, depth + 1]);
  }
  return { parentOf, childrenOf, depthOf, preorder };
}

/** The first cycle among parent links (by sorted id), or undefined when every why reaches the problem. */
function findCycle(ids: string[], parentOf: Map<string, string>): string[] | undefined {
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: reaches the problem
  for (const start of ids) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let id: string = start;
    while (id !== PROBLEM_ID && !state.has(id)) {
      state.set(id, 1);
      path.push(id);
      id = parentOf.get(id)!;
    }
    if (id !== PROBLEM_ID && state.get(id) === 1) return path.slice(path.indexOf(id));
    for (const p of path) state.set(p, 2);
  }
  return undefined;
}

/** Whether `candidate` is `ancestor` itself or lies below it in the resolved tree. */
export function isInSubtree(tree: ResolvedTree, ancestor: string, candidate: string): boolean {
  for (
    let id: string | undefined = candidate;
    id !== undefined && id !== PROBLEM_ID;
    id = tree.parentOf.get(id)
  ) {
    if (id === ancestor) return true;
  }
  return false;
}
