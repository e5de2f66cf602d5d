import type { ReactNode } from 'react';

export interface ChartTableProps {
  caption: string;
  /** Column headings; columns after the first hold numbers and are right-aligned. */
  head: readonly string[];
  rows: readonly (readonly ReactNode[])[];
  /** Shown (or read) when there are no rows, instead of an empty table. */
  empty: string;
  hidden?: boolean;
  /** For a table under a heading that already says what the caption says. */
  captionHidden?: boolean;
  id?: string;
}

/**
 * The figures of a chart as a table: what a screen reader reads instead of the drawing, and what
 * anyone who prefers numbers can show. Visually hidden, not removed, while the chart is shown.
 */
export function ChartTable({
  caption,
  head,
  rows,
  empty,
  hidden = false,
  captionHidden = false,
  id,
}: ChartTableProps) {
  const className = hidden ? 'wc-visually-hidden' : undefined;
  if (rows.length === 0) {
    return (
      <p id={id} className={className}>
        {caption}: {empty}
      </p>
    );
  }
  return (
    <div id={id} className={className}>
      <table className="wc-table wc-insights__table">
        <caption className={captionHidden ? 'wc-visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {head.map((label, index) => (
              <th key={label} scope="col" className={index > 0 ? 'wc-insights__num' : undefined}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, row) => (
            <tr key={row}>
              {cells.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={index} className="wc-insights__num">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
