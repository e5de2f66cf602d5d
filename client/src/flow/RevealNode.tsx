import { useCallback, useEffect } from 'react';
import { useReactFlow, useStore, useStoreApi } from '@xyflow/react';

/** Space kept between a revealed node and the edge of the canvas (more on top, for its toolbar). */
const MARGIN = 24;
const TOP_MARGIN = 72;

/** Whether the person asked their system for less motion: then the canvas moves without easing. */
function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** How far to move so that [start, end) fits in [0, size) with margins; 0 when it already does. */
function shift(start: number, end: number, size: number, before: number): number {
  if (start >= before && end <= size - MARGIN) return 0;
  if (end - start > size - before - MARGIN || start < before) return before - start;
  return size - MARGIN - end;
}

/** A function that pans the canvas as little as needed (keeping the zoom) to show a node. */
export function useRevealNode(): (nodeId: string) => void {
  const flow = useReactFlow();
  const store = useStoreApi();
  return useCallback(
    (nodeId: string) => {
      const { width, height } = store.getState();
      const node = flow.getInternalNode(nodeId);
      if (!node || width === 0 || height === 0) return;
      const { x, y, zoom } = flow.getViewport();
      const left = node.internals.positionAbsolute.x * zoom + x;
      const top = node.internals.positionAbsolute.y * zoom + y;
      const right = left + (node.measured.width ?? node.width ?? 0) * zoom;
      const bottom = top + (node.measured.height ?? node.initialHeight ?? 0) * zoom;
      const dx = shift(left, right, width, MARGIN);
      // A node already on screen is not moved just to make room for its toolbar.
      const topRoom = top >= MARGIN ? Math.min(top, TOP_MARGIN) : TOP_MARGIN;
      const dy = shift(top, bottom, height, topRoom);
      if (dx === 0 && dy === 0) return;
      const duration = prefersReducedMotion() ? 0 : 200;
      void flow.setViewport({ x: x + dx, y: y + dy, zoom }, { duration });
    },
    [flow, store],
  );
}

/**
 * Pans the canvas as little as needed (keeping the zoom) so that the node being edited, or else
 * the selected one, is on screen whenever it changes.
 */
export function RevealNode({ nodeId }: { nodeId: string | null }) {
  const reveal = useRevealNode();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);

  useEffect(() => {
    if (nodeId) reveal(nodeId);
  }, [nodeId, reveal, width, height]);

  return null;
}
