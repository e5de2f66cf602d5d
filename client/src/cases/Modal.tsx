import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

interface ModalProps {
  title: string;
  /** One line under the title saying what the dialog is for. */
  description?: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

const FOCUSABLE = 'input, textarea, select, button, a[href], [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog in the page's body: the first field gets the focus, Tab stays inside, Escape
 * and the backdrop close it, and the focus goes back to what opened it. Keys typed here stop at
 * the dialog, so the editor's shortcuts behind it never see them.
 */
export function Modal({ title, description, onClose, children, className }: ModalProps) {
  const titleId = useId();
  const descriptionId = useId();
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    return () => opener?.focus();
  }, []);

  return createPortal(
    <div
      className="wc-backdrop wc-modal__backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        className={`wc-card wc-dialog wc-modal${className ? ` ${className}` : ''}`}
        onKeyDown={(event) => {
          event.stopPropagation();
          if (event.key === 'Escape') {
            onClose();
          } else if (event.key === 'Tab' && dialog.current) {
            const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
              (item) => !item.hasAttribute('disabled'),
            );
            const first = items[0];
            const last = items[items.length - 1];
            if (event.shiftKey && document.activeElement === first) {
              event.preventDefault();
              last?.focus();
            } else if (!event.shiftKey && document.activeElement === last) {
              event.preventDefault();
              first?.focus();
            }
          }
        }}
      >
        <h1 id={titleId}>{title}</h1>
        {description && <p id={descriptionId}>{description}</p>}
        {children}
      </div>
    </div>,
    document.body,
  );
}

interface ModalFooterProps {
  /** Why the last action failed, announced as it appears. */
  error: string | null;
  onCancel: () => void;
  /** The dialog's own buttons, before Cancel. */
  children?: ReactNode;
}

/** The end of a dialog: what went wrong, if anything, then its buttons with Cancel last. */
export function ModalFooter({ error, onCancel, children }: ModalFooterProps) {
  return (
    <>
      {error && (
        <p role="alert" className="wc-error">
          {error}
        </p>
      )}
      <div className="wc-form__buttons">
        {children}
        <button type="button" className="wc-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
