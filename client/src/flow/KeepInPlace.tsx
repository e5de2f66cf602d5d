import { useEffect, useRef } from 'react';
import { useReactFlow } from '@xyflow/react';

/**
 * Keeps the node being edited at the same place on screen when the layout moves it (someone
 * added a why beside it, a row above grew): the canvas is shifted by as much as the node moved,
 * in the same frame, so the text under the caret never jumps.
 */
export function KeepInPlace({
  nodeId,
  position,
  disabled,
}: {
  nodeId: string | null;
  /** The node's place in the layout (canvas coordinates). */
  position: { x: number; y: number } | null;
  /** While dragging or following someone, the canvas is not ours to move. */
  disabled: boolean;
}) {
  const flow = useReactFlow();
  const last = useRef<{ id: string; x: number; y: number } | null>(null);
  const x = position?.x ?? null;
  const y = position?.y ?? null;

  useEffect(() => {
    const previous = last.current;
    last.current =
      !disabled && nodeId !== null && x !== null && y !== null ? { id: nodeId, x, y } : null;
    if (!previous || !last.current || previous.id !== nodeId) return;
    const dx = x! - previous.x;
    const dy = y! - previous.y;
    if (dx === 0 && dy === 0) return;
    const viewport = flow.getViewport();
    void flow.setViewport({
      x: viewport.x - dx * viewport.zoom,
      y: viewport.y - dy * viewport.zoom,
      zoom: viewport.zoom,
    });
  }, [flow, nodeId, x, y, disabled]);

  return null;
}
