import { useCallback, useEffect, useRef } from 'react';
import { useReactFlow, useStore, useStoreApi } from '@xyflow/react';
import { PROBLEM_ID, type AnalysisSnapshot } from '@whychain/shared';
import {
  FIT_MAX_ZOOM,
  NODE_TEXT_PX,
  PRESENTATION_NODE_TEXT_PX,
  PRESENTATION_TEXT_PX,
  READABLE_TEXT_PX,
  readableViewport,
  readableZoom,
  type FitBox,
} from './fitReadable';
import type { FlowNode } from './toFlow';

/**
 * Room kept at the canvas's edges by a fit, in screen pixels: more on top for the toolbar of a
 * selected node in the first row (and the presentation bar), more on the left for the zoom buttons.
 */
const PADDING = { top: 56, right: 24, bottom: 24, left: 56 };
/**
 * After a fit was asked for, the boxes are still measured (a font change in presentation mode
 * grows them, the panel folding widens the canvas): for this long each change fits again.
 */
const SETTLE_MS = 700;

/** The size node text has on the canvas now, read from a why's card. */
function nodeTextPx(root: HTMLElement | null, presenting: boolean): number {
  const card = root?.querySelector('.wc-node--why .wc-node__text, .wc-node--why');
  const size = card ? parseFloat(getComputedStyle(card).fontSize) : NaN;
  if (Number.isFinite(size) && size > 0) return size;
  return presenting ? PRESENTATION_NODE_TEXT_PX : NODE_TEXT_PX;
}

function boxesOf(nodes: readonly FlowNode[]): FitBox[] {
  return nodes.map((node) => ({
    id: node.id,
    x: node.position.x,
    y: node.position.y,
    width: node.measured?.width ?? node.width ?? 0,
    height: node.measured?.height ?? node.initialHeight ?? 0,
  }));
}

/**
 * "Zoom to fit" at a readable scale (see `readableViewport`): once when the canvas opens, and on
 * entering or leaving presentation mode. Returns the fit, for the "Zoom to fit" button, and a
 * handler that stops the pending fits when this user moves the canvas meanwhile.
 */
export function useReadableFit(input: {
  nodes: readonly FlowNode[];
  snapshot: AnalysisSnapshot;
  selectedId: string | null;
  presenting: boolean;
  /** While following someone, their view is shown, not a fit. */
  following: boolean;
}) {
  const flow = useReactFlow();
  const store = useStoreApi();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  const latest = useRef(input);
  latest.current = input;
  const settleUntil = useRef(0);

  const fitNow = useCallback(() => {
    const { nodes, snapshot, selectedId, presenting } = latest.current;
    const { width: paneWidth, height: paneHeight, domNode } = store.getState();
    const minTextPx = presenting ? PRESENTATION_TEXT_PX : READABLE_TEXT_PX;
    const view = readableViewport({
      boxes: boxesOf(nodes),
      rootId: PROBLEM_ID,
      childIds: (id) =>
        id === PROBLEM_ID
          ? snapshot.rootIds
          : (snapshot.whys[id as keyof typeof snapshot.whys]?.childIds ?? []),
      selectedId,
      width: paneWidth,
      height: paneHeight,
      padding: PADDING,
      minZoom: readableZoom(minTextPx, nodeTextPx(domNode, presenting)),
      maxZoom: FIT_MAX_ZOOM,
    });
    if (view) void flow.setViewport(view);
  }, [flow, store]);

  const fit = useCallback(() => {
    settleUntil.current = performance.now() + SETTLE_MS;
    fitNow();
  }, [fitNow]);

  const ready = width > 0 && height > 0;
  const { presenting, following, nodes, selectedId } = input;
  // A node picked meanwhile is this user's to look at: the view is no longer fitted again (a
  // colleague's why added beside it would otherwise move the view away from under the caret).
  useEffect(() => {
    settleUntil.current = 0;
  }, [selectedId]);
  // On opening (once the canvas has a size) and on each change of mode.
  useEffect(() => {
    if (ready && !latest.current.following) fit();
  }, [ready, presenting, fit]);
  useEffect(() => {
    if (!following && performance.now() < settleUntil.current) fitNow();
  }, [nodes, width, height, following, fitNow]);

  const stopSettling = useCallback((event: unknown) => {
    // Only a move made by this user has an event; a fit's own move has none.
    if (event) settleUntil.current = 0;
  }, []);

  return { fit, stopSettling };
}
