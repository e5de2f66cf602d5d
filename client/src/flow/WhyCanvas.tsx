import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  type Dimensions,
  type NodeChange,
  type NodeMouseHandler,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { PROBLEM_ID, type AnalysisSnapshot } from '@whychain/shared';
import { useEditorStore, useEditorStoreApi } from '../editor/useEditorStore';
import { ProblemNode } from './ProblemNode';
import { RevealNode } from './RevealNode';
import { toFlow, type FlowNode, type PeerMark } from './toFlow';
import { withMeasured } from './withMeasured';
import { WhyNode } from './WhyNode';

const nodeTypes = { problem: ProblemNode, why: WhyNode };
const fitViewOptions = { padding: 0.15, maxZoom: 1.2 };
const minimapStyle = { width: 160, height: 110 };

interface WhyCanvasProps {
  snapshot: AnalysisSnapshot;
  readOnly: boolean;
  peersByNode: ReadonlyMap<string, readonly PeerMark[]>;
}

function minimapColor(node: FlowNode): string {
  if (node.type === 'problem') return '#1c2b4a';
  return node.data.rootCause ? '#c92a2a' : '#adb5bd';
}

/** The React Flow canvas of the tree: nodes from `toFlow`, selection in the editor's store. */
export function WhyCanvas({ snapshot, readOnly, peersByNode }: WhyCanvasProps) {
  const store = useEditorStoreApi();
  const rawSelectedId = useEditorStore((state) => state.selectedId);
  const rawEditingId = useEditorStore((state) => state.editingId);
  const exists = (id: string | null) => id === PROBLEM_ID || (id !== null && id in snapshot.whys);
  const selectedId = exists(rawSelectedId) ? rawSelectedId : null;
  const editingId = exists(rawEditingId) ? rawEditingId : null;
  const [measured, setMeasured] = useState<ReadonlyMap<string, Dimensions>>(() => new Map());

  // A node deleted by someone else (or by undo) can no longer be selected.
  useEffect(() => {
    if (rawSelectedId !== null && selectedId === null) store.getState().select(null);
  }, [rawSelectedId, selectedId, store]);

  const flow = useMemo(
    () => toFlow(snapshot, { selectedId, editingId, readOnly, peersByNode }),
    [snapshot, selectedId, editingId, readOnly, peersByNode],
  );
  const nodes = useMemo(() => withMeasured(flow.nodes, measured), [flow.nodes, measured]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const sizes: [string, Dimensions][] = [];
      for (const change of changes) {
        if (change.type === 'dimensions' && change.dimensions) {
          sizes.push([change.id, change.dimensions]);
        } else if (change.type === 'select') {
          const ui = store.getState();
          if (change.selected) ui.select(change.id);
          else if (ui.selectedId === change.id) ui.select(null);
        }
      }
      if (sizes.length > 0) {
        setMeasured((prev) => {
          const next = new Map(prev);
          for (const [id, size] of sizes) next.set(id, size);
          return next;
        });
      }
    },
    [store],
  );

  const onNodeClick: NodeMouseHandler<FlowNode> = useCallback(
    (_event, node) => {
      if (!readOnly) store.getState().startEditing(node.id);
    },
    [store, readOnly],
  );

  return (
    <ReactFlow<FlowNode>
      nodes={nodes}
      edges={flow.edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onNodeClick={onNodeClick}
      deleteKeyCode={null}
      nodesDraggable={false}
      nodesConnectable={false}
      edgesFocusable={false}
      fitView
      fitViewOptions={fitViewOptions}
      minZoom={0.2}
      maxZoom={2}
      aria-label="Why tree"
    >
      <Background gap={24} size={1} color="#d5dbe3" />
      <Controls showInteractive={false} position="bottom-left" />
      <MiniMap<FlowNode>
        pannable
        zoomable
        nodeColor={minimapColor}
        position="bottom-right"
        style={minimapStyle}
        ariaLabel="Overview of the tree"
      />
      <RevealNode nodeId={editingId} />
    </ReactFlow>
  );
}
