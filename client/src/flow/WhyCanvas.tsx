import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  ControlButton,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  type AriaLabelConfig,
  type Dimensions,
  type NodeChange,
  type NodeMouseHandler,
  type Viewport,
  type Edge,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { PROBLEM_ID, type AnalysisSnapshot } from '@whychain/shared';
import type { Awareness } from 'y-protocols/awareness';
import { useEditorActions } from '../editor/useEditorActions';
import { useEditorStore, useEditorStoreApi } from '../editor/useEditorStore';
import { focusNode } from '../keyboard/focusNode';
import { ancestorsOf } from '@whychain/shared';
import { FollowViewport } from './FollowViewport';
import { guardedNode } from './guardedNode';
import { KeepInPlace } from './KeepInPlace';
import { EmptyCanvasGuide } from './EmptyCanvasGuide';
import { Overview } from './Overview';
import { ProblemNode } from './ProblemNode';
import { RemotePointers } from './RemotePointers';
import { RevealNode, useRevealNode } from './RevealNode';
import { toFlow, type FlowCache, type FlowNode, type PeerMark } from './toFlow';
import { useNodeDrag } from './useNodeDrag';
import { usePublishPresence } from './usePublishPresence';
import { CanvasPresenceContext, sameJson } from './useRemoteStates';
import { useReadableFit } from './useReadableFit';
import { useStableValue } from './useStableValue';
import { useToday } from './useToday';
import { reuseUnchanged } from './reuseUnchanged';
import { WhyNode } from './WhyNode';
import './flow.css';

/**
 * Up to this many whys every node is on the page (so screen readers and find-in-page reach all of
 * them); above it only the nodes in view are drawn, which keeps typing fast in very large trees.
 */
const DRAW_ALL_UP_TO = 150;

const nodeTypes = {
  problem: guardedNode(ProblemNode, () => 'The problem'),
  why: guardedNode(WhyNode, ({ data }) => data.label),
};
const KEYS =
  'Arrow keys move between whys; Tab adds an answer to the selected one, Enter a why beside it, Delete removes it. Escape twice, then Tab, leaves the tree; F6 goes to the side panel. Press ? for every shortcut.';
const ariaLabelConfig: Partial<AriaLabelConfig> = {
  'node.a11yDescription.default': KEYS,
  'node.a11yDescription.keyboardDisabled': KEYS,
  'controls.ariaLabel': 'Zoom',
  'controls.zoomIn.ariaLabel': 'Zoom in',
  'controls.zoomOut.ariaLabel': 'Zoom out',
  'controls.fitView.ariaLabel': 'Zoom to fit',
};

interface WhyCanvasProps {
  snapshot: AnalysisSnapshot;
  readOnly: boolean;
  peersByNode: ReadonlyMap<string, readonly PeerMark[]>;
  /** Presence of the room: carets, pointers and views are published and shown through it. */
  awareness?: Awareness | null;
}

function overviewColor(node: FlowNode): string {
  if (node.type === 'problem') return '#1c2b4a';
  if (node.data.ruledOut) return '#e3e8ee';
  // The root cause's violet (--wc-root in styles.css), as on the node itself.
  return node.data.rootCause ? '#6d28d9' : '#adb5bd';
}

/** The React Flow canvas of the tree: nodes from `toFlow`, selection in the editor's store. */
export function WhyCanvas({ awareness = null, ...props }: WhyCanvasProps) {
  const { doc } = useEditorActions();
  const presence = useMemo(() => ({ doc, awareness }), [doc, awareness]);
  return (
    <CanvasPresenceContext.Provider value={presence}>
      <ReactFlowProvider>
        <Canvas {...props} />
      </ReactFlowProvider>
    </CanvasPresenceContext.Provider>
  );
}

function Canvas({ snapshot, readOnly, peersByNode }: Omit<WhyCanvasProps, 'awareness'>) {
  const store = useEditorStoreApi();
  const actions = useEditorActions();
  const rawSelectedId = useEditorStore((state) => state.selectedId);
  const rawEditingId = useEditorStore((state) => state.editingId);
  const collapsed = useEditorStore((state) => state.collapsed);
  const following = useEditorStore((state) => state.followingClientId !== null);
  const presenting = useEditorStore((state) => state.presenting);
  const exists = (id: string | null) => id === PROBLEM_ID || (id !== null && id in snapshot.whys);
  const selectedId = exists(rawSelectedId) ? rawSelectedId : null;
  const editingId = exists(rawEditingId) ? rawEditingId : null;
  const [measured, setMeasured] = useState<ReadonlyMap<string, Dimensions>>(() => new Map());
  // Presence changes (someone's pointer moved) must not rebuild every node.
  const marks = useStableValue(peersByNode, samePeers);

  // A node deleted by someone else (or by undo) can no longer be selected.
  useEffect(() => {
    if (rawSelectedId !== null && selectedId === null) store.getState().select(null);
  }, [rawSelectedId, selectedId, store]);
  // A selected why folded away (someone moved it under a folded one) is unfolded.
  const hiddenAbove = useMemo(
    () =>
      selectedId === null
        ? []
        : ancestorsOf(snapshot, selectedId).filter((id) => collapsed.has(id)),
    [snapshot, selectedId, collapsed],
  );
  useEffect(() => {
    if (hiddenAbove.length > 0) store.getState().expand(hiddenAbove);
  }, [hiddenAbove, store]);
  // When the focus was lost (its node deleted, undone or moved), it goes to the selected node.
  useEffect(() => {
    const active = document.activeElement;
    if (selectedId !== null && (active === null || active === document.body)) focusNode(selectedId);
  }, [selectedId, snapshot]);

  const [flowCache] = useState<FlowCache>(() => new Map());
  const today = useToday();
  const flow = useMemo(
    () =>
      toFlow(snapshot, {
        selectedId,
        editingId,
        readOnly,
        peersByNode: marks,
        collapsed,
        measured,
        today,
        cache: flowCache,
      }),
    [snapshot, selectedId, editingId, readOnly, marks, collapsed, measured, today, flowCache],
  );
  const previous = useRef<{ nodes: FlowNode[] | null; edges: Edge[] | null }>({
    nodes: null,
    edges: null,
  });
  const laidOut = useMemo(() => {
    const nodes = reuseUnchanged(previous.current.nodes, flow.nodes);
    previous.current.nodes = nodes;
    return nodes;
  }, [flow.nodes]);
  const edges = useMemo(() => {
    const next = reuseUnchanged(previous.current.edges, flow.edges);
    previous.current.edges = next;
    return next;
  }, [flow.edges]);
  const reveal = useRevealNode();
  const drag = useNodeDrag(laidOut, snapshot, actions, reveal);
  const presenceHandlers = usePublishPresence(store);
  const { onDragPosition } = drag;
  const readableFit = useReadableFit({
    nodes: laidOut,
    snapshot,
    selectedId,
    presenting,
    following,
  });
  const { onMoveStart: publishMoveStart } = presenceHandlers;
  const { stopSettling } = readableFit;
  const onMoveStart = useCallback(
    (event: MouseEvent | TouchEvent | null, viewport: Viewport) => {
      publishMoveStart(event, viewport);
      stopSettling(event);
    },
    [publishMoveStart, stopSettling],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const sizes: [string, Dimensions][] = [];
      for (const change of changes) {
        if (change.type === 'dimensions' && change.dimensions) {
          sizes.push([change.id, change.dimensions]);
        } else if (change.type === 'position' && change.dragging && change.position) {
          onDragPosition(change.id, change.position);
        } else if (change.type === 'select') {
          const ui = store.getState();
          if (change.selected) ui.select(change.id);
          else if (ui.selectedId === change.id) ui.select(null);
        }
      }
      if (sizes.length > 0) {
        // A box grew (a line wrapped while typing): pushing the rows below it down moves many
        // nodes, so it is done when the browser has time, between keystrokes, not inside one.
        // Until then the box grows into the gap between the rows.
        startTransition(() =>
          setMeasured((prev) => {
            const next = new Map(prev);
            for (const [id, size] of sizes) next.set(id, size);
            return next;
          }),
        );
      }
    },
    [store, onDragPosition],
  );

  const onNodeClick: NodeMouseHandler<FlowNode> = useCallback(
    (_event, node) => {
      if (!readOnly) store.getState().startEditing(node.id);
    },
    [store, readOnly],
  );

  const stopFollowing = useCallback(() => {
    if (store.getState().followingClientId !== null) store.getState().follow(null);
  }, [store]);

  const editing = editingId ? laidOut.find((node) => node.id === editingId) : undefined;

  return (
    <ReactFlow<FlowNode>
      nodes={drag.nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onNodeClick={onNodeClick}
      onNodeDrag={drag.onNodeDrag}
      onNodeDragStop={drag.onNodeDragStop}
      onMove={presenceHandlers.onMove}
      onMoveStart={onMoveStart}
      onInit={presenceHandlers.onInit}
      onMouseMove={presenceHandlers.onMouseMove}
      onMouseLeave={presenceHandlers.onMouseLeave}
      deleteKeyCode={null}
      selectionKeyCode={null}
      multiSelectionKeyCode={null}
      nodesConnectable={false}
      edgesFocusable={false}
      onlyRenderVisibleElements={snapshot.order.length > DRAW_ALL_UP_TO}
      zoomOnDoubleClick={false}
      minZoom={0.2}
      maxZoom={2}
      ariaLabelConfig={ariaLabelConfig}
      aria-label="Why tree"
    >
      <Background gap={24} size={1} color="#d5dbe3" />
      <Controls showInteractive={false} showFitView={false} position="bottom-left">
        {/* React Flow's own fit would shrink a large tree to unreadable: see useReadableFit. */}
        <ControlButton
          aria-label="Zoom to fit"
          title="Zoom to fit"
          onClick={() => {
            stopFollowing();
            readableFit.fit();
          }}
        >
          <FitIcon />
        </ControlButton>
      </Controls>
      <Overview
        nodes={laidOut}
        color={overviewColor}
        label="Overview of the tree"
        onUserMove={stopFollowing}
        hidden={presenting}
      />
      {/* From the document: it goes for everyone once anyone adds the first why. */}
      {!readOnly && snapshot.order.length === 0 && <EmptyCanvasGuide onLoaded={readableFit.fit} />}
      <RemotePointers />
      <FollowViewport />
      <RevealNode nodeId={following ? null : (editingId ?? selectedId)} />
      <KeepInPlace
        nodeId={editingId}
        position={editing?.position ?? null}
        disabled={drag.dragging || following}
      />
    </ReactFlow>
  );
}

/** Four corners pointing outwards. */
function FitIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true">
      <path
        d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
      />
    </svg>
  );
}

function samePeers(
  a: ReadonlyMap<string, readonly PeerMark[]>,
  b: ReadonlyMap<string, readonly PeerMark[]>,
): boolean {
  return a === b || sameJson([...a], [...b]);
}
