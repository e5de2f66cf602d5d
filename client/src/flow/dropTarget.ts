/** A node's box on the canvas, in flow coordinates. */
export interface DropBox {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The node under `point` (flow coordinates) that a dragged node would be dropped on, or null
 * when the point is over empty canvas. The dragged node itself is never a target: its box is
 * where it started, which is empty while it is being dragged.
 */
export function dropTarget(
  boxes: Iterable<DropBox>,
  point: { x: number; y: number },
  draggedId: string,
): string | null {
  let found: string | null = null;
  for (const box of boxes) {
    if (box.id === draggedId) continue;
    const inside =
      point.x >= box.x &&
      point.x <= box.x + box.width &&
      point.y >= box.y &&
      point.y <= box.y + box.height;
    // Later nodes are drawn on top, so the last match is the one the user sees.
    if (inside) found = box.id;
  }
  return found;
}
