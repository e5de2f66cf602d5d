import { useState } from 'react';
import { EXPORT_FORMATS } from '../editor/ExportMenu';
import { SelectFilter } from './Filters';

/** The bulk export route: one ZIP of the analyses the query picks (by ids or by the filters). */
export function bulkExportHref(formatQuery: string, pick: Record<string, string | undefined>) {
  const query = new URLSearchParams(formatQuery);
  for (const [key, value] of Object.entries(pick)) if (value) query.set(key, value);
  return `/api/analyses/export?${query}`;
}

/**
 * Downloads many analyses as one ZIP: those ticked in the list, or all the filters show. Plain
 * links with `download`, like the editor's Export menu: the browser streams the archive to disk.
 */
export function BulkExportBar({
  selected,
  filters,
}: {
  selected: readonly string[];
  /** The list's current filters, as the list route takes them. */
  filters: Record<string, string | undefined>;
}) {
  const [format, setFormat] = useState<string>(EXPORT_FORMATS[0].query);
  const choices = EXPORT_FORMATS.map((choice) => ({ value: choice.query, label: choice.label }));
  return (
    <div className="wc-lib-toolbar" role="group" aria-label="Export analyses">
      <SelectFilter label="Format" value={format} choices={choices} onChange={setFormat} />
      {selected.length > 0 ? (
        <a
          className="wc-button"
          href={bulkExportHref(format, { ids: selected.join(',') })}
          download
        >
          Export selected ({selected.length})
        </a>
      ) : (
        <button type="button" className="wc-button" disabled>
          Export selected
        </button>
      )}
      <a className="wc-button" href={bulkExportHref(format, filters)} download>
        Export all shown
      </a>
    </div>
  );
}
