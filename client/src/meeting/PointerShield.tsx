import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { ARMING_MS } from './useArmedAfter';

/**
 * An invisible layer over the whole page for a moment after a dialog goes away: the second
 * click of a double click on a dialog's button (and the dblclick that follows it) lands here,
 * not on the canvas or on a node that was under the dialog. Calls `onDone` after `ms`.
 */
export function PointerShield({ onDone, ms = ARMING_MS }: { onDone: () => void; ms?: number }) {
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });
  useEffect(() => {
    const timer = setTimeout(() => done.current(), ms);
    return () => clearTimeout(timer);
  }, [ms]);
  return createPortal(
    <div
      className="wc-pointershield"
      aria-hidden="true"
      onPointerDown={swallow}
      onMouseDown={swallow}
      onClick={swallow}
      onDoubleClick={swallow}
      onContextMenu={swallow}
    />,
    document.body,
  );
}

function swallow(event: { preventDefault(): void; stopPropagation(): void }) {
  event.preventDefault();
  event.stopPropagation();
}
