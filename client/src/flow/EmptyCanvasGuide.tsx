import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';
import { shallow } from 'zustand/shallow';
import { loadExample, PROBLEM_ID } from '@whychain/shared';
import { useEditorActions } from '../editor/useEditorActions';
import { useEditorStoreApi } from '../editor/useEditorStore';
import { focusNode } from '../keyboard/focusNode';
import './emptyCanvasGuide.css';

/** Room kept between the guide and the problem node, and between the guide and the canvas edge. */
const GAP = 20;
const MARGIN = 12;
/** Size assumed until the guide has been drawn once (about what it measures). */
const ASSUMED = { width: 340, height: 190 };

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

/** The problem node's box on screen, and the canvas's size; null until the node is measured. */
function selectProblem(state: ReactFlowState): Box | null {
  const node = state.nodeLookup.get(PROBLEM_ID);
  const width = node?.measured.width;
  const height = node?.measured.height;
  if (!node || !width || !height) return null;
  const [x, y, zoom] = state.transform;
  const left = node.internals.positionAbsolute.x * zoom + x;
  const top = node.internals.positionAbsolute.y * zoom + y;
  return {
    left,
    top,
    right: left + width * zoom,
    bottom: top + height * zoom,
    width: state.width,
    height: state.height,
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}

function isPlainTab(event: KeyboardEvent): boolean {
  return (
    event.key === 'Tab' &&
    !event.shiftKey &&
    !event.ctrlKey &&
    !event.metaKey &&
    !event.altKey &&
    !event.isComposing
  );
}

/** Whether a key went to the page itself or the canvas's background, not to a control or node. */
function onBareCanvas(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  const page =
    target === target.ownerDocument.body || target === target.ownerDocument.documentElement;
  if (page) return true;
  return (
    target.closest('.react-flow') !== null &&
    target.closest('input, textarea, select, button, a, [contenteditable], .react-flow__node') ===
      null
  );
}

/**
 * Where the guide goes: below the problem when it fits there, else beside it (right, then left),
 * else below anyway; never over the problem while there is any room around it.
 */
export function placeGuide(
  problem: Box,
  guide: { width: number; height: number },
): { left: number; top: number } {
  const centreX = (problem.left + problem.right) / 2 - guide.width / 2;
  const centreY = (problem.top + problem.bottom) / 2 - guide.height / 2;
  const maxLeft = Math.max(MARGIN, problem.width - guide.width - MARGIN);
  const maxTop = Math.max(MARGIN, problem.height - guide.height - MARGIN);
  if (problem.bottom + GAP + guide.height <= problem.height - MARGIN) {
    return { left: clamp(centreX, MARGIN, maxLeft), top: problem.bottom + GAP };
  }
  if (problem.right + GAP + guide.width <= problem.width - MARGIN) {
    return { left: problem.right + GAP, top: clamp(centreY, MARGIN, maxTop) };
  }
  if (problem.left - GAP - guide.width >= MARGIN) {
    return { left: problem.left - GAP - guide.width, top: clamp(centreY, MARGIN, maxTop) };
  }
  return { left: clamp(centreX, MARGIN, maxLeft), top: problem.bottom + GAP };
}

/**
 * A short guide on the canvas of an analysis without whys: the key that starts the tree, the
 * others worth knowing, and the book example to look at. The canvas shows it while the analysis
 * has no why (so it goes for everyone in the room once someone adds the first); it follows the
 * problem node as the canvas pans and zooms, staying beside it, not over it. `onLoaded` runs
 * once the example is in (the canvas fits the new tree into view).
 */
export function EmptyCanvasGuide({ onLoaded }: { onLoaded: () => void }) {
  const actions = useEditorActions();
  const store = useEditorStoreApi();
  const problem = useStore(selectProblem, shallow);
  const ref = useRef<HTMLElement>(null);
  const [size, setSize] = useState(ASSUMED);
  // Tab answers the selected node or the one with the focus. On a page just opened neither
  // exists, so Tab (the key the guide names) answers the problem, as long as the guide shows and
  // the key is not meant for a control: the editor's own keys have passed it on by then. After
  // Escape on the page Tab only moves on (keyboard/tabPassage.ts), so one can tab to the side
  // panel without starting the tree.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isPlainTab(event)) return;
      const ui = store.getState();
      if (ui.selectedId !== null || ui.tabLeaves || !onBareCanvas(event.target)) return;
      event.preventDefault();
      // From the problem, as if it had been focused: the new why's text box then keeps the focus
      // (the canvas hands a focus left on the page to the selected node).
      focusNode(PROBLEM_ID);
      actions.addWhy(PROBLEM_ID);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [actions, store]);
  // Its size decides where it fits; it changes as the text wraps on a narrower canvas.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      const { offsetWidth: width, offsetHeight: height } = element;
      setSize((old) => (old.width === width && old.height === height ? old : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const load = () => {
    // The user's own origin: the example is their change, and one Ctrl+Z takes it back.
    const result = loadExample(actions.doc, actions.origin);
    if (!result.ok) {
      store.getState().setNotice(result.reason);
      return;
    }
    onLoaded();
  };

  const place = problem ? placeGuide(problem, size) : null;
  return (
    <section
      ref={ref}
      className="wc-guide nodrag nopan nowheel"
      aria-label="Getting started"
      style={
        place ? { left: place.left, top: place.top } : { visibility: 'hidden', left: 0, top: 0 }
      }
    >
      <p className="wc-guide__lead">
        Press <kbd>Tab</kbd> to answer “Why?”
      </p>
      <ul className="wc-guide__keys">
        <li>
          <kbd>Enter</kbd> adds a why beside the selected one
        </li>
        <li>
          <kbd>←</kbd> <kbd>↑</kbd> <kbd>→</kbd> <kbd>↓</kbd> move between whys
        </li>
        <li>
          <kbd>?</kbd> shows all shortcuts
        </li>
      </ul>
      <p className="wc-guide__example">
        New to Five Whys?{' '}
        <button type="button" className="wc-guide__load" onClick={load}>
          Load the example
        </button>
      </p>
    </section>
  );
}
