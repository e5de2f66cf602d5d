import type * as Y from 'yjs';
import type { ResolvedTree } from '../resolveTree';
import { whyOf } from '../schema';

/**
 * The `order` value that puts a why at `index` among the children of `parentId`
 * (`excludeId` is left out, for moves). When two neighbours are too close to split,
 * the siblings are renumbered in the same transaction.
 */
export function orderAt(
  doc: Y.Doc,
  tree: ResolvedTree,
  parentId: string,
  index: number | undefined,
  excludeId?: string,
): number {
  const siblings = (tree.childrenOf.get(parentId) ?? []).filter((id) => id !== excludeId);
  const at = index === undefined ? siblings.length : Math.max(0, Math.min(index, siblings.length));
  const orderOf = (id: string) => whyOf(doc, id)?.get('order') ?? 0;
  const before = at > 0 ? orderOf(siblings[at - 1]!) : undefined;
  const after = at < siblings.length ? orderOf(siblings[at]!) : undefined;
  if (before === undefined && after === undefined) return 0;
  if (before === undefined) return after! - 1;
  if (after === undefined) return before + 1;
  const mid = (before + after) / 2;
  if (mid > before && mid < after) return mid;
  siblings.forEach((id, i) => whyOf(doc, id)?.set('order', i < at ? i : i + 1));
  return at;
}
