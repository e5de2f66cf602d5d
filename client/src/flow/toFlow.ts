import type { Edge, Node } from '@xyflow/react';
import { layoutTree, PROBLEM_ID, type AnalysisSnapshot, type WhyId } from '@whychain/shared';

/** Someone else who has a node selected, shown on that node. */
export interface PeerMark {
  readonly name: string;
  readonly color: string;
}

/** The local UI state the canvas depends on. */
export interface FlowUi {
  readonly selectedId: string | null;
  readonly editingId: string | null;
  /** True when the analysis cannot be written to (closed, or from a newer version). */
  readonly readOnly?: boolean;
  /** Other people's selections, by node id. */
  readonly peersByNode?: ReadonlyMap<string, readonly PeerMark[]>;
}

type NodeDataBase = {
  text: string;
  editing: boolean;
  readOnly: boolean;
  /** Height the layout reserved for the node. */
  minHeight: number;
  peers: readonly PeerMark[];
};

export type ProblemNodeData = NodeDataBase & { kind: 'problem' };

export type WhyNodeData = NodeDataBase & {
  kind: 'why';
  whyId: WhyId;
  /** The why this answers, or null for a direct answer to the problem. */
  parentId: WhyId | null;
  depth: number;
  /** "Why 1", "Why 2", ... */
  label: string;
  rootCause: boolean;
};

export type ProblemFlowNode = Node<ProblemNodeData, 'problem'>;
export type WhyFlowNode = Node<WhyNodeData, 'why'>;
export type FlowNode = ProblemFlowNode | WhyFlowNode;

export interface Flow {
  nodes: FlowNode[];
  edges: Edge[];
}

const NO_PEERS: readonly PeerMark[] = Object.freeze([]);

/** The start of a long text, for accessible names. */
function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The React Flow nodes and edges of an analysis, laid out as a top-down tree. */
export function toFlow(snapshot: AnalysisSnapshot, ui: FlowUi): Flow {
  const boxes = layoutTree(snapshot);
  const readOnly = ui.readOnly ?? false;
  const common = (id: string, name: string, text: string) => {
    const box = boxes.get(id)!;
    return {
      id,
      ariaLabel: text ? `${name}: ${excerpt(text)}` : name,
      position: { x: box.x, y: box.y },
      width: box.width,
      initialHeight: box.height,
      selected: ui.selectedId === id,
      draggable: false,
      connectable: false,
      deletable: false,
    };
  };
  const shared = (id: string, text: string): NodeDataBase => ({
    text,
    editing: ui.editingId === id,
    readOnly,
    minHeight: boxes.get(id)!.height,
    peers: ui.peersByNode?.get(id) ?? NO_PEERS,
  });

  const nodes: FlowNode[] = [
    {
      ...common(PROBLEM_ID, 'Problem', snapshot.problem),
      type: 'problem',
      data: { ...shared(PROBLEM_ID, snapshot.problem), kind: 'problem' },
    },
  ];
  const edges: Edge[] = [];
  for (const id of snapshot.order) {
    const why = snapshot.whys[id];
    if (!why || !boxes.has(id)) continue;
    const label = `Why ${why.depth}`;
    nodes.push({
      ...common(id, why.rootCause ? `${label}, root cause` : label, why.text),
      type: 'why',
      data: {
        ...shared(id, why.text),
        kind: 'why',
        whyId: why.id,
        parentId: why.parentId,
        depth: why.depth,
        label,
        rootCause: why.rootCause,
      },
    });
    const source = why.parentId ?? PROBLEM_ID;
    edges.push({
      id: `${source}->${id}`,
      source,
      target: id,
      type: 'smoothstep',
      selectable: false,
      focusable: false,
      className: why.rootCause ? 'wc-edge wc-edge--root' : 'wc-edge',
    });
  }
  return { nodes, edges };
}
