import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import { sidePanelOpen } from './createEditorStore';
import { useEditorStore, useEditorStoreApi } from './useEditorStore';

/** Where this browser remembers the panel's width (a preference of this screen, not the room's). */
export const SIDE_PANEL_WIDTH_KEY = 'whychain.sidePanelWidth';
/** Narrower than this the panel's forms (owner and due date side by side) no longer fit. */
export const SIDE_PANEL_MIN_WIDTH = 280;
/** Wider than this, or than half the window, the canvas is left too little room. */
export const SIDE_PANEL_MAX_WIDTH = 640;
/** Arrow keys move the divider this far; with Shift, the larger step. */
const STEP = 16;
const BIG_STEP = 64;

function subscribeToResize(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

function windowWidth(): number {
  return window.innerWidth;
}

/** The widest the panel may be in a window this wide. */
export function maxPanelWidth(windowWidth: number): number {
  return Math.max(
    SIDE_PANEL_MIN_WIDTH,
    Math.min(SIDE_PANEL_MAX_WIDTH, Math.round(windowWidth / 2)),
  );
}

/** The width the panel has until someone resizes it: as `--wc-sidepanel-width` in styles.css. */
function defaultWidth(windowWidth: number): number {
  return Math.min(400, Math.max(320, Math.round(windowWidth * 0.28)));
}

function storedWidth(): number | null {
  try {
    const value = Number(localStorage.getItem(SIDE_PANEL_WIDTH_KEY));
    return Number.isFinite(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

function storeWidth(width: number): void {
  try {
    localStorage.setItem(SIDE_PANEL_WIDTH_KEY, String(width));
  } catch {
    // Storage refused (private window, quota): the width holds until the page is left.
  }
}

/**
 * The side panel's frame: a divider to resize it (drag, or arrow keys on it), a button to fold it
 * away, and when folded a thin strip at the edge to bring it back. Folded, the panel stays mounted
 * (hidden), so whatever was half typed in it is still there when it comes back.
 */
export function SidePanelFrame({ children }: { children: ReactNode }) {
  const store = useEditorStoreApi();
  const open = useEditorStore(sidePanelOpen);
  const presenting = useEditorStore((state) => state.presenting);
  const windowSize = useSyncExternalStore(subscribeToResize, windowWidth);
  const [chosen, setChosen] = useState<number | null>(storedWidth);
  const max = maxPanelWidth(windowSize);
  const width = Math.min(max, Math.max(SIDE_PANEL_MIN_WIDTH, chosen ?? defaultWidth(windowSize)));
  const panelId = useId();
  const drag = useRef<{ pointerId: number; startX: number; startWidth: number } | null>(null);

  // What floats over the canvas (the sync notice) keeps clear of the panel by this variable.
  useEffect(() => {
    const root = document.documentElement;
    root.style.setProperty('--wc-sidepanel-width', open ? `${width}px` : '0px');
    return () => {
      root.style.removeProperty('--wc-sidepanel-width');
    };
  }, [open, width]);

  const resize = useCallback(
    (next: number) => {
      const clamped = Math.round(Math.min(max, Math.max(SIDE_PANEL_MIN_WIDTH, next)));
      setChosen(clamped);
      return clamped;
    },
    [max],
  );
  const setOpen = (value: boolean) => store.getState().setSidePanelOpen(value);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture?.(event.pointerId);
    drag.current = { pointerId: event.pointerId, startX: event.clientX, startWidth: width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (start?.pointerId !== event.pointerId) return;
    // The panel is on the right: the divider moved left makes it wider.
    resize(start.startWidth + start.startX - event.clientX);
  };
  const endDrag = () => {
    if (!drag.current) return;
    drag.current = null;
    storeWidth(width);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const next =
      event.key === 'ArrowLeft'
        ? width + step
        : event.key === 'ArrowRight'
          ? width - step
          : event.key === 'Home'
            ? SIDE_PANEL_MIN_WIDTH
            : event.key === 'End'
              ? max
              : null;
    if (next === null) return;
    event.preventDefault();
    storeWidth(resize(next));
  };

  return (
    <>
      {open ? (
        <div
          role="separator"
          aria-orientation="vertical"
          aria-label="Resize side panel"
          aria-controls={panelId}
          aria-valuenow={width}
          aria-valuemin={SIDE_PANEL_MIN_WIDTH}
          aria-valuemax={max}
          tabIndex={0}
          className="wc-sidepanel-divider"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={endDrag}
          onPointerCancel={endDrag}
          onLostPointerCapture={endDrag}
          onKeyDown={onKeyDown}
        />
      ) : (
        <button
          type="button"
          className={presenting ? 'wc-sidepanel-strip is-presenting' : 'wc-sidepanel-strip'}
          aria-expanded={false}
          aria-controls={panelId}
          onClick={() => setOpen(true)}
        >
          <span aria-hidden="true">‹</span>
          Show side panel
        </button>
      )}
      <aside id={panelId} className="wc-sidepanel" style={{ width }} hidden={!open}>
        <button
          type="button"
          className="wc-button wc-sidepanel__hide"
          aria-expanded={true}
          aria-controls={panelId}
          aria-label="Hide side panel"
          title="Hide side panel"
          onClick={() => setOpen(false)}
        >
          <span aria-hidden="true">›</span>
        </button>
        {children}
      </aside>
    </>
  );
}
