import { useEffect, useRef, useState, type ReactNode } from 'react';
import './toast.css';

/** How long a toast stays when nobody points at it or has the keyboard in it. */
export const TOAST_MS = 8_000;

interface ToastProps {
  children: ReactNode;
  /** A button that does something about the message ("Undo"). */
  action?: { label: string; onClick: () => void };
  /** The toast is done: its time ran out, it was dismissed or its action was used. */
  onClose: () => void;
  /** Time on screen; it starts over after the pointer or the keyboard leaves the toast. */
  duration?: number;
}

/**
 * A short message at the foot of the canvas that goes away by itself. It is a polite status,
 * so it never takes the focus from what the person is doing; while the pointer is on it or the
 * keyboard is in it, it stays, so that its button can be reached without a race.
 */
export function Toast({ children, action, onClose, duration = TOAST_MS }: ToastProps) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    if (hovered || focused) return;
    const timer = setTimeout(() => close.current(), duration);
    return () => clearTimeout(timer);
  }, [hovered, focused, duration]);

  return (
    <div
      role="status"
      className="wc-toast"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      <span className="wc-toast__text">{children}</span>
      {action && (
        <button
          type="button"
          className="wc-toast__action"
          onClick={() => {
            action.onClick();
            onClose();
          }}
        >
          {action.label}
        </button>
      )}
      <button type="button" className="wc-toast__close" aria-label="Dismiss" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
