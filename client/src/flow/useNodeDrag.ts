import { useCallback, useMemo, useState } from 'react';
import { useReactFlow, type OnNodeDrag, type XYPosition } from '@xyflow/react';
import { planMove, type AnalysisSnapshot } from '@whychain/shared';
import type { EditorActions } from '../editor/createEditorActions';
import { dropTarget, type DropBox } from './dropTarget';
import type { FlowNode } from './toFlow';

interface Drag {
  readonly id: string;
  /** Where the dragged node is drawn now; only on this screen until it is dropped. */
  readonly position: XYPosition;
  /** The node it would be dropped on, if any, and whether that drop would be refused. */
  readonly target: string | null;
  readonly refused: boolean;
}

/** The boxes of the laid-out nodes (where they are, not where a drag shows them). */
function boxesOf(nodes: readonly FlowNode[]): DropBox[] {
  return nodes.map((node) => ({
    id: node.id,
    x: node.position.x,
    y: node.position.y,
    width: node.measured?.width ?? node.width ?? 0,
    height: node.measured?.height ?? node.initialHeight ?? 0,
  }));
}

/**
 * Dragging a why onto another node: while dragging, the node's position is kept here (never in
 * the document) and the node under the pointer is marked as the target; on drop the why moves
 * there with its answers, a drop that would make a loop is refused with the reason, and a drop
 * on empty canvas puts it back where it was.
 */
export function useNodeDrag(
  nodes: readonly FlowNode[],
  snapshot: AnalysisSnapshot,
  actions: EditorActions,
  /** Shows a node (pans to it): the why just moved, at its new place. */
  reveal: (nodeId: string) => void,
) {
  const flow = useReactFlow();
  const [drag, setDrag] = useState<Drag | null>(null);
  const boxes = useMemo(() => boxesOf(nodes), [nodes]);

  const targetOf = useCallback(
    (event: MouseEvent | TouchEvent, id: string) => {
      const source = 'touches' in event ? (event.changedTouches[0] ?? event.touches[0]) : event;
      if (!source) return null;
      const point = flow.screenToFlowPosition({ x: source.clientX, y: source.clientY });
      return dropTarget(boxes, point, id);
    },
    [flow, boxes],
  );

  const onNodeDrag: OnNodeDrag<FlowNode> = useCallback(
    (event, node) => {
      const target = targetOf(event, node.id);
      const refused = target !== null && planMove(snapshot, node.id, target).kind === 'refuse';
      setDrag({ id: node.id, position: node.position, target, refused });
    },
    [targetOf, snapshot],
  );

  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback(
    (event, node) => {
      setDrag(null);
      const target = targetOf(event, node.id);
      if (target === null || !actions.moveWhy(node.id, target)) return;
      // Its new place is known once the moved tree has been drawn.
      requestAnimationFrame(() => reveal(node.id));
    },
    [targetOf, actions, reveal],
  );

  /** Positions reported by React Flow while a node is dragged. */
  const onDragPosition = useCallback((id: string, position: XYPosition) => {
    setDrag((current) =>
      current && current.id === id
        ? { ...current, position }
        : { id, position, target: null, refused: false },
    );
  }, []);

  const shown = useMemo(() => {
    if (!drag) return nodes as FlowNode[];
    return nodes.map((node): FlowNode => {
      if (node.id === drag.id) return { ...node, position: drag.position, dragging: true };
      if (node.id !== drag.target) return node;
      const mark = drag.refused ? 'is-drop-refused' : 'is-drop-target';
      return { ...node, className: [node.className, mark].filter(Boolean).join(' ') };
    });
  }, [nodes, drag]);

  return { nodes: shown, dragging: drag !== null, onNodeDrag, onNodeDragStop, onDragPosition };
}
