import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import {
  descendantCount,
  findBlame,
  LAYOUT,
  layoutTree,
  PROBLEM_ID,
  type AnalysisSnapshot,
  type Verification,
  type WhyId,
} from '@whychain/shared';

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
  /** Nodes whose answers are folded away. */
  readonly collapsed?: ReadonlySet<string>;
  /**
   * Today as YYYY-MM-DD in the viewer's local time (an action due "on the 3rd" is late from the
   * 4th where the person sits); without it no action counts as overdue.
   */
  readonly today?: string;
  /** Sizes the nodes were drawn with, by id: a row is as tall as its tallest drawn node. */
  readonly measured?: ReadonlyMap<string, { width: number; height: number }>;
  /**
   * Nodes built by the previous call, by id. A why whose snapshot object, box and UI state are
   * the same as last time keeps its node object, so the canvas redraws only what changed.
   */
  readonly cache?: FlowCache;
}

/** What `toFlow` remembers between calls; see `FlowUi.cache`. */
export type FlowCache = Map<string, { inputs: readonly unknown[]; node: FlowNode }>;

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

/** The actions on one why, as its node summarises them. Cancelled actions are not counted. */
export interface ActionSummary {
  /** Actions that are not cancelled. */
  readonly total: number;
  readonly done: number;
  /** Not done, with a due date before today. */
  readonly overdue: number;
}

type NodeDataBase = {
  text: string;
  editing: boolean;
  readOnly: boolean;
  /** Height the layout reserved for the node's text. */
  minHeight: number;
  /** Room below the text while it is typed in (TYPING_ROOM), outside the measured size. */
  typingRoom: number;
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
  /** Saved in a broken shape: its text is shown as far as it could be read. */
  damaged: boolean;
  verification: Verification;
  /** A root cause accepted as an assumption (shown as such unless verified or ruled out). */
  assumption: boolean;
  /** Its actions at a glance; null for a why that is not a root cause and has none. */
  actions: ActionSummary | null;
  /** True when this why, or one it answers, was ruled out: shown greyed. */
  ruledOut: boolean;
  category: string | null;
  /** Comments on this why that are not resolved yet. */
  openComments: number;
  /** The blaming phrase found in the text (for the blameless hint), or null. */
  blame: string | null;
  /** Direct answers to this why. */
  childCount: number;
  /** True when its answers are folded away. */
  collapsed: boolean;
  /** How many whys the fold hides (0 when unfolded). */
  hiddenCount: number;
};

export type ProblemFlowNode = Node<ProblemNodeData, 'problem'>;
export type WhyFlowNode = Node<WhyNodeData, 'why'>;
export type FlowNode = ProblemFlowNode | WhyFlowNode;

export interface Flow {
  nodes: FlowNode[];
  edges: Edge[];
}

const NO_PEERS: readonly PeerMark[] = Object.freeze([]);
const NONE: ReadonlySet<string> = new Set();

/** The start of a long text, for accessible names. */
function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * The node being typed in is drawn one line taller than its text needs, reaching into the gap
 * below its row. A line that wraps while typing fills that room instead of growing the node,
 * which would move every row below it inside the keystroke; the rows follow once the editor
 * has caught up with the text (see useAnalysis). The room is outside the node's measured size
 * (see nodeStyle), so starting or stopping typing moves nothing.
 */
export const TYPING_ROOM = LAYOUT.lineHeight;

const NO_ACTIONS: ActionSummary = Object.freeze({ total: 0, done: 0, overdue: 0 });

/** Counts the actions of each why (the analysis-wide ones, without a why, are left out). */
function actionsByWhy(snapshot: AnalysisSnapshot, today: string | undefined) {
  const counts = new Map<string, { total: number; done: number; overdue: number }>();
  for (const action of snapshot.actions) {
    if (action.whyId === null || action.status === 'cancelled') continue;
    let count = counts.get(action.whyId);
    if (!count) counts.set(action.whyId, (count = { total: 0, done: 0, overdue: 0 }));
    count.total++;
    if (action.status === 'done') count.done++;
    // Dates are YYYY-MM-DD, so comparing the strings compares the days.
    else if (today !== undefined && action.dueDate !== null && action.dueDate < today) {
      count.overdue++;
    }
  }
  return counts;
}

/** Top of each depth's row: as tall as the tallest box in it, drawn or estimated. */
function rowTops(
  snapshot: AnalysisSnapshot,
  boxes: ReturnType<typeof layoutTree>,
  measured: FlowUi['measured'],
): number[] {
  const heights: number[] = [];
  for (const [id, box] of boxes) {
    const depth = id === PROBLEM_ID ? 0 : (snapshot.whys[id]?.depth ?? 0);
    const height = Math.max(box.height, measured?.get(id)?.height ?? 0);
    heights[depth] = Math.max(heights[depth] ?? 0, height);
  }
  const tops = [boxes.get(PROBLEM_ID)?.y ?? 0];
  for (let depth = 1; depth < heights.length; depth++) {
    tops[depth] = tops[depth - 1]! + (heights[depth - 1] ?? 0) + LAYOUT.gapY;
  }
  return tops;
}

/** Side of a node's handles (see `.react-flow__handle` in editor.css). */
const HANDLE_PX = 6;
/** How far the handles sit inside the card's edges: its border, as drawn (1.5px rounds to 1). */
const HANDLE_INSET = 1;

/**
 * Where a node's edges attach, as React Flow would measure them from the drawn node: the top
 * centre (answers only) and the bottom centre of its box. Knowing them up front lets React Flow
 * skip drawing every node once to measure its handles, so a large tree draws only what is in
 * view from the first frame (`onlyRenderVisibleElements`).
 */
function handlesOf(id: string, width: number, height: number): NodeHandle[] {
  const x = width / 2 - HANDLE_PX / 2;
  const size = { width: HANDLE_PX, height: HANDLE_PX };
  const bottom = height - HANDLE_INSET - HANDLE_PX / 2;
  const source: NodeHandle = { type: 'source', position: Position.Bottom, x, y: bottom, ...size };
  if (id === PROBLEM_ID) return [source];
  const top = HANDLE_INSET - HANDLE_PX / 2;
  return [{ type: 'target', position: Position.Top, x, y: top, ...size }, source];
}

/** The React Flow nodes and edges of an analysis, laid out as a top-down tree. */
export function toFlow(snapshot: AnalysisSnapshot, ui: FlowUi): Flow {
  const collapsed = ui.collapsed ?? NONE;
  const boxes = layoutTree(snapshot, collapsed);
  const tops = rowTops(snapshot, boxes, ui.measured);
  const readOnly = ui.readOnly ?? false;
  const actionCounts = actionsByWhy(snapshot, ui.today);
  const openComments = new Map<string, number>();
  for (const comment of snapshot.comments) {
    if (!comment.resolved)
      openComments.set(comment.whyId, (openComments.get(comment.whyId) ?? 0) + 1);
  }
  const common = (id: string, depth: number, name: string, text: string) => {
    const box = boxes.get(id)!;
    return {
      id,
      ariaLabel: text ? `${name}: ${excerpt(text)}` : name,
      position: { x: box.x, y: tops[depth] ?? box.y },
      width: box.width,
      initialHeight: box.height,
      // Until drawn, a node is taken to be as large as its box (its card is at least that tall):
      // React Flow then reports a size only when the drawn one differs, so nodes coming into
      // view while the canvas is panned cost a new layout only when they are taller.
      measured: ui.measured?.get(id) ?? { width: box.width, height: box.height },
      handles: handlesOf(id, box.width, ui.measured?.get(id)?.height ?? box.height),
      selected: ui.selectedId === id,
      draggable: !readOnly && id !== PROBLEM_ID,
      connectable: false,
      deletable: false,
    };
  };
  const shared = (id: string, text: string): NodeDataBase => ({
    text,
    editing: ui.editingId === id,
    readOnly,
    minHeight: boxes.get(id)!.height,
    typingRoom: ui.editingId === id ? TYPING_ROOM : 0,
    peers: ui.peersByNode?.get(id) ?? NO_PEERS,
  });

  const nodes: FlowNode[] = [
    {
      ...common(PROBLEM_ID, 0, 'Problem', snapshot.problem),
      type: 'problem',
      data: { ...shared(PROBLEM_ID, snapshot.problem), kind: 'problem' },
    },
  ];
  const edges: Edge[] = [];
  const ruledOut = new Set<string>();
  const blameKey = snapshot.blameWords.join('\n');
  const cache = ui.cache;
  const used = new Set<string>();
  for (const id of snapshot.order) {
    const why = snapshot.whys[id];
    if (!why) continue;
    if (why.verification === 'ruled_out' || (why.parentId && ruledOut.has(why.parentId))) {
      ruledOut.add(id);
    }
    if (!boxes.has(id)) continue;
    const isRuledOut = ruledOut.has(id);
    const folded = collapsed.has(id) && why.childIds.length > 0;
    const hiddenCount = folded ? descendantCount(snapshot, id) : 0;
    const box = boxes.get(id)!;
    const counted = actionCounts.get(id);
    const inputs = [
      why,
      box.x,
      box.width,
      box.height,
      tops[why.depth],
      ui.selectedId === id,
      ui.editingId === id,
      readOnly,
      ui.peersByNode?.get(id) ?? NO_PEERS,
      isRuledOut,
      openComments.get(id) ?? 0,
      blameKey,
      folded,
      hiddenCount,
      ui.measured?.get(id),
      counted?.total ?? 0,
      counted?.done ?? 0,
      counted?.overdue ?? 0,
    ];
    used.add(id);
    const cached = cache?.get(id);
    if (cached && sameInputs(cached.inputs, inputs)) {
      nodes.push(cached.node);
    } else {
      const label = `Why ${why.depth}`;
      const assumption = why.rootCause && why.assumption;
      const states = [
        why.rootCause && 'root cause',
        why.verification === 'verified' && 'verified',
        why.verification === 'ruled_out' && 'ruled out',
        assumption && why.verification === 'hypothesis' && 'assumption',
      ].filter(Boolean);
      const node: WhyFlowNode = {
        ...common(id, why.depth, [label, ...states].join(', '), why.text),
        type: 'why',
        className: isRuledOut ? 'is-ruled-out' : undefined,
        data: {
          ...shared(id, why.text),
          kind: 'why',
          whyId: why.id,
          parentId: why.parentId,
          depth: why.depth,
          label,
          rootCause: why.rootCause,
          damaged: why.damaged,
          verification: why.verification,
          assumption,
          actions: counted ? { ...counted } : why.rootCause ? NO_ACTIONS : null,
          ruledOut: isRuledOut,
          category: why.category,
          openComments: openComments.get(id) ?? 0,
          blame: findBlame(why.text, snapshot.blameWords) ?? null,
          childCount: why.childIds.length,
          collapsed: folded,
          hiddenCount,
        },
      };
      cache?.set(id, { inputs, node });
      nodes.push(node);
    }
    const source = why.parentId ?? PROBLEM_ID;
    const classes = [
      'wc-edge',
      why.rootCause && 'wc-edge--root',
      isRuledOut && 'wc-edge--ruled-out',
    ];
    edges.push({
      id: `${source}->${id}`,
      source,
      target: id,
      type: 'smoothstep',
      selectable: false,
      focusable: false,
      className: classes.filter(Boolean).join(' '),
    });
  }
  if (cache) for (const id of [...cache.keys()]) if (!used.has(id)) cache.delete(id);
  return { nodes, edges };
}
