/**
 * The editor's few icons, drawn inline so they take the button's text colour and need no icon
 * font. Each is decoration: the button around it carries the name.
 */
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="wc-icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

/** An arrow that turns back to the left. */
export function UndoIcon() {
  return (
    <Icon>
      <path d="M8.5 3 3.5 8l5 5" />
      <path d="M3.5 8h10a6 6 0 0 1 0 12H10" />
    </Icon>
  );
}

/** The undo arrow, mirrored. */
export function RedoIcon() {
  return (
    <Icon>
      <path d="m15.5 3 5 5-5 5" />
      <path d="M20.5 8h-10a6 6 0 0 0 0 12H14" />
    </Icon>
  );
}

/** A pencil, for "click to change this". */
export function PencilIcon() {
  return (
    <Icon>
      <path d="M15.5 4.5 19.5 8.5 9 19l-5 1 1-5z" />
      <path d="m13.5 6.5 4 4" />
    </Icon>
  );
}
