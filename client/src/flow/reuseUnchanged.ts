/**
 * Returns `next` with every item that equals the item of the same id in `prev` replaced by that
 * earlier object. The canvas rebuilds its nodes and edges from the document on every change; React
 * Flow re-renders only the ones whose object changed, so a keystroke in one why re-renders that
 * why instead of the whole tree. When nothing changed at all, `prev` itself is returned, so React
 * Flow is not told about a change that is none.
 */
export function reuseUnchanged<T extends { id: string }>(
  prev: readonly T[] | null,
  next: readonly T[],
): T[] {
  if (!prev || prev.length === 0) return [...next];
  const before = new Map(prev.map((item) => [item.id, item]));
  let unchanged = prev.length === next.length;
  const result = next.map((item, i) => {
    const old = before.get(item.id);
    const reused = old !== undefined && sameValue(old, item, 3) ? old : item;
    if (reused !== prev[i]) unchanged = false;
    return reused;
  });
  return unchanged ? (prev as T[]) : result;
}

/** Equality of plain values, looking `depth` levels into objects and arrays. */
function sameValue(a: unknown, b: unknown, depth: number): boolean {
  if (Object.is(a, b)) return true;
  if (depth < 0 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  const recA = a as Record<string, unknown>;
  const recB = b as Record<string, unknown>;
  return keysA.every((key) => key in recB && sameValue(recA[key], recB[key], depth - 1));
}
