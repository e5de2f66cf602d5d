import { useCallback, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import {
  NodeToolbar,
  Position,
  useInternalNode,
  useNodeId,
  useStore,
  type ReactFlowState,
} from '@xyflow/react';

/** Gap between the toolbar and its node, and the least room kept to the canvas's edges. */
const OFFSET = 6;
const EDGE = 4;

/** React events from a portal still bubble to the node; the node must not treat them as its own. */
function keepToToolbar(event: MouseEvent | KeyboardEvent) {
  if ('key' in event && (event.ctrlKey || event.metaKey)) return;
  event.stopPropagation();
}

interface Rect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Where the toolbar goes on the canvas (screen pixels from its top left corner): centred above
 * the node; below it when there is no room above; moved sideways, and at worst over the node,
 * so that it stays whole inside the canvas. Null (React Flow's own place) while the node is out
 * of view: a toolbar pinned to the edge for a node nobody sees would belong to nothing.
 */
export function toolbarPlace(
  node: Rect,
  toolbar: { width: number; height: number },
  canvas: { width: number; height: number },
): { left: number; top: number } | null {
  const right = node.left + node.width;
  const bottom = node.top + node.height;
  if (right <= 0 || bottom <= 0 || node.left >= canvas.width || node.top >= canvas.height) {
    return null;
  }
  const above = node.top - OFFSET - toolbar.height;
  const below = bottom + OFFSET;
  const top =
    above >= EDGE
      ? above
      : below + toolbar.height <= canvas.height - EDGE
        ? below
        : Math.max(EDGE, Math.min(above, canvas.height - EDGE - toolbar.height));
  const centred = node.left + node.width / 2 - toolbar.width / 2;
  const left = Math.max(EDGE, Math.min(centred, canvas.width - EDGE - toolbar.width));
  return { left, top };
}

const selectView = (state: ReactFlowState) => state.transform;
const selectWidth = (state: ReactFlowState) => state.width;
const selectHeight = (state: ReactFlowState) => state.height;

/** The buttons shown above the selected node, at a size that does not shrink with the zoom. */
export function NodeActions({
  label,
  visible,
  children,
}: {
  label: string;
  visible: boolean;
  children: ReactNode;
}) {
  const nodeId = useNodeId();
  const node = useInternalNode(nodeId ?? '');
  const [x, y, zoom] = useStore(selectView);
  const canvasWidth = useStore(selectWidth);
  const canvasHeight = useStore(selectHeight);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);

  // The toolbar's own size, once drawn and whenever its buttons change it.
  const probe = useCallback((marker: HTMLSpanElement | null) => {
    const bar = marker?.parentElement;
    if (!bar) return;
    const measure = () => {
      const next = { width: bar.offsetWidth, height: bar.offsetHeight };
      setSize((prev) =>
        prev && prev.width === next.width && prev.height === next.height ? prev : next,
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);

  const place =
    node && size && size.width > 0 && canvasWidth > 0
      ? toolbarPlace(
          {
            left: node.internals.positionAbsolute.x * zoom + x,
            top: node.internals.positionAbsolute.y * zoom + y,
            width: (node.measured.width ?? 0) * zoom,
            height: (node.measured.height ?? 0) * zoom,
          },
          size,
          { width: canvasWidth, height: canvasHeight },
        )
      : null;

  return (
    <NodeToolbar
      isVisible={visible}
      position={Position.Top}
      offset={OFFSET}
      className="nodrag nopan nowheel wc-toolbar"
      // Replaces React Flow's transform, which knows nothing of the canvas's edges.
      style={place ? { transform: `translate(${place.left}px, ${place.top}px)` } : undefined}
      role="toolbar"
      aria-label={label}
      onClick={keepToToolbar}
      onDoubleClick={keepToToolbar}
      onKeyDown={keepToToolbar}
    >
      <span ref={probe} hidden />
      {children}
    </NodeToolbar>
  );
}
