import { useId, useState, type ReactNode } from 'react';
import { ChartTable, type ChartTableProps } from './ChartTable';

export interface ChartSectionProps {
  title: string;
  /** One sentence saying how to read the chart. */
  description?: string;
  chart: ReactNode;
  table: Omit<ChartTableProps, 'hidden' | 'id'>;
  className?: string;
}

/**
 * A section with a chart and the same figures as a table. The drawing is hidden from screen
 * readers, which read the table instead; "Show as table" swaps the two on screen.
 */
export function ChartSection({ title, description, chart, table, className }: ChartSectionProps) {
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  const tableId = useId();
  const empty = table.rows.length === 0;

  return (
    <section
      className={`wc-card wc-insights__section ${className ?? ''}`}
      aria-labelledby={headingId}
    >
      <header className="wc-insights__sectionhead">
        <h2 id={headingId}>{title}</h2>
        {!empty && (
          <button
            type="button"
            className="wc-button"
            aria-controls={tableId}
            aria-pressed={asTable}
            onClick={() => setAsTable((shown) => !shown)}
          >
            Show as table
          </button>
        )}
      </header>
      {description && !empty && <p className="wc-insights__hint">{description}</p>}
      {empty ? (
        <p className="wc-empty">{table.empty}</p>
      ) : (
        <>
          {!asTable && (
            <div className="wc-insights__chart" aria-hidden="true">
              {chart}
            </div>
          )}
          <ChartTable {...table} id={tableId} hidden={!asTable} />
        </>
      )}
    </section>
  );
}
