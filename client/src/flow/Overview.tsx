import { memo, useMemo, useRef, type PointerEvent, type WheelEvent } from 'react';
import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import type { FlowNode } from './toFlow';

/** Size of the overview on screen, in pixels. */
const WIDTH = 160;
const HEIGHT = 110;
/**
 * On a canvas narrower than this the map is not drawn: there it covers a good part of the nodes
 * (at 1024 px wide with the side panel open the canvas is about 700 px). The canvas's width, not
 * the window's, decides, so folding the side panel away or presenting brings the map back.
 */
export const OVERVIEW_MIN_CANVAS_WIDTH = 760;
/** Each wheel step zooms the canvas by this factor. */
const ZOOM_STEP = 1.2;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

function heightOf(node: FlowNode): number {
  return node.measured?.height ?? node.initialHeight ?? 0;
}

/** The smallest box around every node. */
function boundsOf(nodes: readonly FlowNode[]): Box {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const node of nodes) {
    left = Math.min(left, node.position.x);
    top = Math.min(top, node.position.y);
    right = Math.max(right, node.position.x + (node.width ?? 0));
    bottom = Math.max(bottom, node.position.y + heightOf(node));
  }
  return nodes.length === 0
    ? { x: 0, y: 0, width: 0, height: 0 }
    : { x: left, y: top, width: right - left, height: bottom - top };
}

function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

/** The boxes of the tree, drawn again only when the nodes change (not when the view moves). */
const NodeBoxes = memo(function NodeBoxes(props: {
  nodes: readonly FlowNode[];
  color: (node: FlowNode) => string;
}) {
  return (
    <g>
      {props.nodes.map((node) => (
        <rect
          key={node.id}
          className={node.selected ? 'wc-overview__node is-selected' : 'wc-overview__node'}
          x={node.position.x}
          y={node.position.y}
          width={node.width}
          height={heightOf(node)}
          rx={8}
          fill={props.color(node)}
        />
      ))}
    </g>
  );
});

const selectView = (state: ReactFlowState) => state.transform;
const selectWidth = (state: ReactFlowState) => state.width;
const selectHeight = (state: ReactFlowState) => state.height;

/**
 * The overview map in the corner: every node of the tree, with the part in view outlined. Press
 * or drag on it to move the view there; the wheel zooms.
 *
 * React Flow's own MiniMap was replaced by this one because it follows every node through the
 * canvas's store: each change anywhere (a text box growing a line while someone types) re-ran
 * work for all of the nodes, a few milliseconds per keystroke in a 500-why tree. This one draws
 * from the nodes the editor already laid out, and redraws only the outline when the view moves.
 */
export function Overview(props: {
  nodes: readonly FlowNode[];
  color: (node: FlowNode) => string;
  label: string;
  /** Called when this user moves the view from the overview. */
  onUserMove?: () => void;
  /**
   * Not drawn (presentation mode): at projector sizes (1024 to 1280 px wide) the canvas is wider
   * than the narrow-screen limit yet its nodes, drawn large, reach into the corner the map takes.
   */
  hidden?: boolean;
}) {
  const { nodes, color, label, onUserMove, hidden = false } = props;
  const flow = useReactFlow();
  const [tx, ty, zoom] = useStore(selectView);
  const paneWidth = useStore(selectWidth);
  const paneHeight = useStore(selectHeight);
  const tree = useMemo(() => boundsOf(nodes), [nodes]);
  const view: Box = {
    x: -tx / zoom,
    y: -ty / zoom,
    width: paneWidth / zoom,
    height: paneHeight / zoom,
  };
  const shown = union(tree, view);
  // Scaled to fit the overview's size, centred, with the same scale both ways.
  const scale = Math.max(shown.width / WIDTH, shown.height / HEIGHT) || 1;
  const margin = 5 * scale;
  const box: Box = {
    x: shown.x - (scale * WIDTH - shown.width) / 2 - margin,
    y: shown.y - (scale * HEIGHT - shown.height) / 2 - margin,
    width: scale * WIDTH + 2 * margin,
    height: scale * HEIGHT + 2 * margin,
  };

  /**
   * The map as it was drawn when a press on it began: while dragging, the point under the pointer
   * is read on that map, which does not rescale as the view moves across it.
   */
  const drag = useRef<{ pointerId: number; box: Box } | null>(null);

  /** Centres the view on the point of the tree under the pointer. */
  const moveTo = (event: PointerEvent<SVGSVGElement>, on: Box) => {
    const rect = event.currentTarget.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return;
    const x = on.x + ((event.clientX - rect.left) / rect.width) * on.width;
    const y = on.y + ((event.clientY - rect.top) / rect.height) * on.height;
    void flow.setCenter(x, y, { zoom });
  };
  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    drag.current = { pointerId: event.pointerId, box };
    onUserMove?.();
    moveTo(event, box);
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    // Only a drag that began on the map: not a node or the canvas dragged across it.
    if (drag.current?.pointerId !== event.pointerId) return;
    if ((event.buttons & 1) === 0) drag.current = null;
    else moveTo(event, drag.current.box);
  };
  const endDrag = () => {
    drag.current = null;
  };
  const onWheel = (event: WheelEvent<SVGSVGElement>) => {
    if (event.deltaY === 0) return;
    onUserMove?.();
    void flow.zoomTo(event.deltaY < 0 ? zoom * ZOOM_STEP : zoom / ZOOM_STEP);
  };

  if (hidden || paneWidth < OVERVIEW_MIN_CANVAS_WIDTH) return null;
  const outer = `M${box.x},${box.y}h${box.width}v${box.height}h${-box.width}z`;
  const inner = `M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`;
  return (
    <Panel position="bottom-right" className="wc-overview nowheel">
      <svg
        role="img"
        aria-label={label}
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onLostPointerCapture={endDrag}
        onWheel={onWheel}
      >
        <NodeBoxes nodes={nodes} color={color} />
        <path className="wc-overview__mask" d={`${outer}${inner}`} fillRule="evenodd" />
        <path className="wc-overview__view" d={inner} />
      </svg>
    </Panel>
  );
}
