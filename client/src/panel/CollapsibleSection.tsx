import { useId, useState, type ReactNode } from 'react';

interface CollapsibleSectionProps {
  title: string;
  /** A short status shown next to the title, also when the section is collapsed. */
  summary?: ReactNode;
  defaultOpen?: boolean;
  className?: string;
  children: ReactNode;
}

/** A panel section whose body can be folded away; the heading is a toggle button. */
export function CollapsibleSection({
  title,
  summary,
  defaultOpen = true,
  className,
  children,
}: CollapsibleSectionProps) {
  const [open, setOpen] = useState(defaultOpen);
  const bodyId = useId();
  const headingId = useId();
  return (
    <section
      className={`wc-panel__section wc-collapsible ${className ?? ''}`}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="wc-collapsible__heading">
        <button
          type="button"
          className="wc-collapsible__toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen(!open)}
        >
          <span className="wc-collapsible__chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {title}
        </button>
        {summary !== undefined && <span className="wc-collapsible__summary">{summary}</span>}
      </h2>
      <div id={bodyId} hidden={!open}>
        {children}
      </div>
    </section>
  );
}
