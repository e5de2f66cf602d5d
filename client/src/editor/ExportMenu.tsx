import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { matchRoute } from '../router/matchRoute';
import { usePathname } from '../router/usePathname';
import './exportMenu.css';

/** The downloads offered, in menu order: the query each adds to the export route. */
export const EXPORT_FORMATS = [
  { label: 'PDF report (A4)', query: 'format=pdf&paper=a4' },
  { label: 'PDF report (US Letter)', query: 'format=pdf&paper=letter' },
  { label: 'Word (.docx)', query: 'format=docx' },
  { label: 'Markdown (.md)', query: 'format=md' },
  { label: 'Actions (.csv)', query: 'format=csv&table=actions' },
  { label: 'Whys (.csv)', query: 'format=csv&table=whys' },
  { label: 'JSON (.json)', query: 'format=json' },
  { label: 'Tree as SVG (.svg)', query: 'format=svg' },
  { label: 'Tree as PNG (.png, 2x)', query: 'format=png' },
] as const;

/** The customer's version, in its own group: fetched by script, as it may need a reason. */
export const CUSTOMER_FORMATS = [
  { label: "Customer's version (PDF)", query: 'format=pdf&audience=customer' },
  { label: "Customer's version (Markdown)", query: 'format=md&audience=customer' },
] as const;

/** Gets one export; the browser's fetch unless a test talks to its own server. */
export type FetchExport = (path: string) => Promise<Response>;

/** The file name the server gives in its content-disposition header. */
function fileNameOf(response: Response): string {
  const header = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(header)?.[1] ?? 'export';
}

/** Saves a fetched file under the server's name, through a temporary object URL. */
async function saveResponse(response: Response): Promise<void> {
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Fetches a customer's version and saves it; the server's own words when it refuses. */
async function downloadCustomerVersion(
  fetchExport: FetchExport,
  path: string,
): Promise<string | null> {
  let response: Response;
  try {
    response = await fetchExport(path);
  } catch {
    return 'The server could not be reached. Try again.';
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    return body?.error ?? `The export failed (${response.status}).`;
  }
  await saveResponse(response);
  return null;
}

/** The export route of one analysis in one format. */
export function exportHref(analysisId: string, query: string): string {
  return `/api/analyses/${encodeURIComponent(analysisId)}/export?${query}`;
}

/**
 * The header's "Export" button and its menu of downloads. Each item is a plain link with
 * `download`, so the browser saves the file under the name the server gives it (after the
 * analysis) and no script has to hold the file. The id is the editor route's unless given.
 */
export function ExportMenu({
  analysisId,
  closed = false,
  fetchExport = (path) => fetch(path),
}: {
  analysisId?: string;
  /** A closed analysis sends the customer's version at once; otherwise it asks for a reason. */
  closed?: boolean;
  fetchExport?: FetchExport;
}) {
  const route = matchRoute(usePathname());
  const id = analysisId ?? (route.name === 'editor' ? route.analysisId : null);
  const [open, setOpen] = useState(false);
  /** The customer's version waiting for a reason, or whose download the server refused. */
  const [pending, setPending] = useState<{ query: string; error: string | null } | null>(null);
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = () =>
    Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
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
    const at = links.indexOf(document.activeElement as HTMLElement);
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

  const send = async (query: string, withReason: string | null) => {
    const full = withReason === null ? query : `${query}&reason=${encodeURIComponent(withReason)}`;
    const error = await downloadCustomerVersion(fetchExport, exportHref(id, full));
    setPending(error === null ? null : { query, error });
  };
  const chooseCustomerVersion = (query: string) => {
    close(false);
    if (closed) void send(query, null);
    else setPending({ query, error: null });
  };
  const onReasonSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (pending && reason.trim() !== '') void send(pending.query, reason.trim());
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
          <div role="group" aria-label="For the customer" className="wc-export__group">
            <span className="wc-export__grouplabel" aria-hidden="true">
              For the customer
            </span>
            {CUSTOMER_FORMATS.map((format) => (
              <button
                key={format.query}
                type="button"
                role="menuitem"
                className="wc-export__item"
                tabIndex={-1}
                onClick={() => chooseCustomerVersion(format.query)}
              >
                {format.label}
              </button>
            ))}
          </div>
        </div>
      )}
      {pending && (
        <form
          role="dialog"
          aria-label="Send the customer's version"
          className="wc-export__dialog"
          onSubmit={onReasonSubmit}
        >
          {!closed && (
            <>
              <p>This analysis is not closed yet. The reason is recorded in the analysis.</p>
              <label htmlFor={reasonId}>Reason for sending before closing</label>
              <input
                id={reasonId}
                type="text"
                value={reason}
                autoFocus
                onChange={(event) => setReason(event.target.value)}
              />
            </>
          )}
          {pending.error && (
            <p role="alert" className="wc-error">
              {pending.error}
            </p>
          )}
          <div className="wc-export__dialogbuttons">
            {!closed && (
              <button type="submit" className="wc-button" disabled={reason.trim() === ''}>
                Export
              </button>
            )}
            <button type="button" className="wc-button" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
