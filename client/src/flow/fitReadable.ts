/**
 * "Zoom to fit" that never shrinks the tree below a readable size. Framework-free: boxes in,
 * viewport out, so the rule can be tested without a canvas.
 */

/**
 * The smallest on-screen size of node text that "zoom to fit" allows outside presentation mode:
 * 12 px is about the smallest size people read at arm's length without leaning in (the side
 * panel's smallest text is 13 px). A tree that would need less is fitted by branch instead.
 */
export const READABLE_TEXT_PX = 12;
/**
 * The same in presentation mode: 18 px on a 1280x720 projector reads from the back of a meeting
 * room (about 24 pt on a slide).
 */
export const PRESENTATION_TEXT_PX = 18;
/** Node text size when it cannot be read from the page (tests without CSS); see `.wc-node`. */
export const NODE_TEXT_PX = 14;
/** The node text size presentation mode sets (`.wc-editor.is-presenting .wc-node`). */
export const PRESENTATION_NODE_TEXT_PX = 18;
/** A fit never zooms in further than this (one short chain would otherwise fill the wall). */
export const FIT_MAX_ZOOM = 1.2;

export interface FitBox {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Room kept free at each edge of the canvas, in screen pixels. */
export interface FitPadding {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export interface ReadableFitInput {
  /** Every node on the canvas (folded-away answers are not). */
  readonly boxes: readonly FitBox[];
  /** The node at the top of the tree: the problem. */
  readonly rootId: string;
  /** The answers under a node. */
  readonly childIds: (id: string) => readonly string[];
  readonly selectedId: string | null;
  /** The canvas's size on screen. */
  readonly width: number;
  readonly height: number;
  readonly padding: FitPadding;
  /** The readable scale: below it text is smaller than the mode's readable size. */
  readonly minZoom: number;
  readonly maxZoom: number;
}

/** What is left at the canvas's sides when a tree is too wide to keep the padding. */
const EDGE = 8;

type Bounds = { x: number; y: number; width: number; height: number };

function boundsOf(boxes: readonly FitBox[]): Bounds {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const box of boxes) {
    left = Math.min(left, box.x);
    top = Math.min(top, box.y);
    right = Math.max(right, box.x + box.width);
    bottom = Math.max(bottom, box.y + box.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function asBox(bounds: Bounds): FitBox {
  return { id: '', ...bounds };
}

/** The node and everything below it that is on the canvas. */
export function branchOf(
  id: string,
  boxes: ReadonlyMap<string, FitBox>,
  childIds: (id: string) => readonly string[],
): FitBox[] {
  const branch: FitBox[] = [];
  const stack = [id];
  while (stack.length > 0) {
    const box = boxes.get(stack.pop()!);
    if (!box) continue;
    branch.push(box);
    stack.push(...childIds(box.id));
  }
  return branch;
}

/**
 * The nodes from the root down to `id` (both included) that are on the canvas, found by walking
 * the answers from the root: the boxes carry no parent, and every ancestor of a node on the
 * canvas is on it too (folded answers are not drawn, so neither is anything below them).
 */
export function chainTo(
  id: string,
  rootId: string,
  boxes: ReadonlyMap<string, FitBox>,
  childIds: (id: string) => readonly string[],
): FitBox[] {
  const parents = new Map<string, string>();
  const stack = [rootId];
  while (stack.length > 0 && !parents.has(id)) {
    const parent = stack.pop()!;
    for (const child of childIds(parent)) {
      if (parents.has(child) || !boxes.has(child)) continue;
      parents.set(child, parent);
      stack.push(child);
    }
  }
  const chain: FitBox[] = [];
  for (let at: string | undefined = id; at !== undefined; at = parents.get(at)) {
    const box = boxes.get(at);
    if (box) chain.push(box);
    if (at === rootId) break;
  }
  return chain;
}

/** The zoom (readable scale) at which text of `fontPx` shows at `minTextPx` on screen. */
export function readableZoom(minTextPx: number, fontPx: number): number {
  return minTextPx / fontPx;
}

/**
 * Where to put the view so the tree is as large as fits but never below `minZoom`:
 * - the whole tree, when it fits at the readable scale or larger;
 * - else the selected why in context: its answers below it and its chain up to the problem,
 *   when that fits (the question a meeting is on, and how it got there), else as much of the
 *   chain as fits, nearest whys first; down to the why and its answers alone;
 * - else, at the readable scale, as much of the branch (or with nothing selected, of the tree)
 *   as the canvas holds, starting from its top: the selected why, or the problem.
 * Null while the canvas has no size or nothing is drawn.
 */
export function readableViewport(input: ReadableFitInput): Viewport | null {
  const { boxes, padding, width, height, minZoom } = input;
  const maxZoom = Math.max(input.maxZoom, minZoom);
  const roomX = width - padding.left - padding.right;
  const roomY = height - padding.top - padding.bottom;
  if (boxes.length === 0 || roomX <= 0 || roomY <= 0) return null;

  const fitZoom = (b: Bounds) => Math.min(roomX / b.width, roomY / b.height);
  const centred = (b: Bounds, zoom: number): Viewport => ({
    x: padding.left + (roomX - b.width * zoom) / 2 - b.x * zoom,
    y: padding.top + (roomY - b.height * zoom) / 2 - b.y * zoom,
    zoom,
  });
  /** At the readable scale: centred on each axis it fits along, else from `anchor` onwards. */
  const fromTop = (b: Bounds, anchor: FitBox): Viewport => {
    const zoom = minZoom;
    const view = centred(b, zoom);
    let { x, y } = view;
    if (b.width * zoom > roomX) {
      // Clipped at the sides anyway: the whole width is used (less a sliver), centred on the
      // anchor but not past the branch's sides.
      const seen = (width - 2 * EDGE) / zoom;
      const left =
        b.width <= seen
          ? b.x - (seen - b.width) / 2
          : Math.min(Math.max(anchor.x + anchor.width / 2 - seen / 2, b.x), b.x + b.width - seen);
      x = EDGE - left * zoom;
    }
    if (b.height * zoom > roomY) y = padding.top - anchor.y * zoom;
    return { x, y, zoom };
  };

  const all = boundsOf(boxes);
  const whole = fitZoom(all);
  if (whole >= minZoom) return centred(all, Math.min(whole, maxZoom));

  const byId = new Map(boxes.map((box) => [box.id, box]));
  const selected = input.selectedId === null ? undefined : byId.get(input.selectedId);
  if (selected && selected.id !== input.rootId) {
    const branch = boundsOf(branchOf(selected.id, byId, input.childIds));
    // The chain from the selected why up, nearest first: as much of it as still fits is kept,
    // so a leaf deep in a long chain shows the whys just above it, not only itself.
    const above = chainTo(selected.id, input.rootId, byId, input.childIds);
    let context: Bounds | null = null;
    for (const box of above) {
      const grown: Bounds = boundsOf(context ? [box, asBox(context)] : [box, asBox(branch)]);
      if (fitZoom(grown) < minZoom) break;
      context = grown;
    }
    if (context) return centred(context, Math.min(fitZoom(context), maxZoom));
    return fromTop(branch, selected);
  }
  const root = byId.get(input.rootId) ?? boxes[0]!;
  return fromTop(all, root);
}
