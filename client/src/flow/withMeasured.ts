import type { Dimensions } from '@xyflow/react';
import type { FlowNode } from './toFlow';

/**
 * Gives each node the size React Flow last measured for it. Nodes are rebuilt from the document on
 * every change; without their measured size React Flow would hide and re-measure them each time.
 */
export function withMeasured(
  nodes: readonly FlowNode[],
  measured: ReadonlyMap<string, Dimensions>,
): FlowNode[] {
  return nodes.map((node) => {
    const size = measured.get(node.id);
    return size ? { ...node, measured: size } : node;
  });
}
