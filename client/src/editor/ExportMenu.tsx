import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { matchRoute } from '../router/matchRoute';
import { usePathname } from '../router/usePathname';
import './exportMenu.css';

/** The downloads offered, in menu order: the query each adds to the export route. */
export const EXPORT_FORMATS = [
  { label: 'Markdown (.md)', query: 'format=md' },
  { label: 'Actions (.csv)', query: 'format=csv&table=actions' },
  { label: 'Whys (.csv)', query: 'format=csv&table=whys' },
  { label: 'JSON (.json)', query: 'format=json' },
] as const;

/** The export route of one analysis in one format. */
export function exportHref(analysisId: string, query: string): string {
  return `/api/analyses/${encodeURIComponent(analysisId)}/export?${query}`;
}

/**
 * The header's "Export" button and its menu of downloads. Each item is a plain link with
 * `download`, so the browser saves the file under the name the server gives it (after the
 * analysis) and no script has to hold the file. The id is the editor route's unless given.
 */
export function ExportMenu({ analysisId }: { analysisId?: string }) {
  const route = matchRoute(usePathname());
  const id = analysisId ?? (route.name === 'editor' ? route.analysisId : null);
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = () => Array.from(menuRef.current?.querySelectorAll('a') ?? []);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  // A menu takes the focus on its first item, as keyboard users expect of role="menu".
  useEffect(() => {
    if (open) items()[0]?.focus();
  }, [open]);

  // A click anywhere else closes it, without pulling the focus back from where it went.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) {
        setOpen(false);
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  if (!id) return null;

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const links = items();
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key as 'ArrowDown' | 'ArrowUp'];
    if (event.key === 'Escape') {
      // Kept from the editor's own keys, which would otherwise act on the selected why.
      event.stopPropagation();
      close(true);
    } else if (step !== undefined) {
      links[(at + step + links.length) % links.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      links[event.key === 'Home' ? 0 : links.length - 1]?.focus();
    } else if (event.key === 'Tab') {
      setOpen(false);
      return;
    } else {
      return;
    }
    event.preventDefault();
  };

  return (
    <div className="wc-export">
      <button
        ref={buttonRef}
        type="button"
        className="wc-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        Export
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label="Export"
          className="wc-export__menu"
          onKeyDown={onMenuKeyDown}
        >
          {EXPORT_FORMATS.map((format) => (
            <a
              key={format.query}
              role="menuitem"
              className="wc-export__item"
              href={exportHref(id, format.query)}
              download
              tabIndex={-1}
              onClick={() => close(true)}
            >
              {format.label}
            </a>
          ))}
        </div>
      )}
    </div>
  );
}
