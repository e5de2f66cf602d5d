import { useState } from 'react';
import { ANALYSIS_STATUSES, type AnalysisStatus } from '@whychain/shared';
import type { AnalysesApi, AnalysisSort, AnalysisSummary } from '../api/analysesApi';
import { editorPath } from '../router/matchRoute';
import { Link } from '../router/Link';
import { BulkExportBar } from './BulkExportBar';
import { SelectFilter } from './Filters';
import { choices, oneOf } from './labels';
import { PagedResults } from './PagedResults';
import { formatUpdated, isoDate } from './formatUpdated';
import { statusLabel } from './statusLabel';
import { useUrlPagedList } from './useUrlPagedList';
import { useUrlQuery } from './useUrlQuery';

const SORTS: { value: AnalysisSort | ''; label: string }[] = [
  { value: '', label: 'Recently updated' },
  { value: 'updatedAt', label: 'Least recently updated' },
  { value: '-createdAt', label: 'Newest first' },
  { value: 'createdAt', label: 'Oldest first' },
  { value: 'title', label: 'Title A–Z' },
  { value: '-title', label: 'Title Z–A' },
];

/** The Analyses tab: every analysis with its root causes, follow-up and cases. */
export function AnalysesTab({ api }: { api: AnalysesApi }) {
  const [params, setQuery] = useUrlQuery();
  const status = oneOf(ANALYSIS_STATUSES, params.get('status'));
  const sort = oneOf(
    SORTS.map((s) => s.value).filter((v): v is AnalysisSort => v !== ''),
    params.get('sort'),
  );
  const filter = { status, sort };
  const list = useUrlPagedList(JSON.stringify(filter), async (cursor, signal) => {
    const page = await api.page({ ...filter, cursor }, signal);
    return { items: page.analyses, nextCursor: page.nextCursor };
  });
  const set = (key: string, value: string) => setQuery({ [key]: value, pages: null });
  const filtered = status !== undefined;
  const [selected, setSelected] = useState<readonly string[]>([]);
  const toggle = (id: string) =>
    setSelected((ids) => (ids.includes(id) ? ids.filter((one) => one !== id) : [...ids, id]));

  return (
    <>
      <div className="wc-lib-toolbar" role="group" aria-label="Analysis filters">
        <SelectFilter
          label="Status"
          value={status ?? ''}
          choices={choices('All statuses', ANALYSIS_STATUSES, statusLabel)}
          onChange={(value) => set('status', value)}
        />
        <SelectFilter
          label="Sort by"
          value={sort ?? ''}
          choices={SORTS}
          onChange={(value) => set('sort', value)}
        />
      </div>
      <BulkExportBar selected={selected} filters={filter} />
      <PagedResults
        list={list}
        noun="analyses"
        empty={
          filtered
            ? 'No analyses match these filters.'
            : 'No analyses yet. Start one with “New analysis”.'
        }
      >
        {(analyses) => <AnalysesTable analyses={analyses} selected={selected} onToggle={toggle} />}
      </PagedResults>
    </>
  );
}

function AnalysesTable({
  analyses,
  selected,
  onToggle,
}: {
  analyses: readonly AnalysisSummary[];
  /** Ids ticked for the bulk export. */
  selected: readonly string[];
  onToggle: (id: string) => void;
}) {
  return (
    <table className="wc-table">
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Status</th>
          <th scope="col">Root causes</th>
          <th scope="col">Actions</th>
          <th scope="col" className="wc-lib-num">
            Cases
          </th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {analyses.map((analysis) => (
          <tr key={analysis.id}>
            <td className="wc-table__main">
              <input
                type="checkbox"
                className="wc-lib-pick"
                aria-label={`Select ${analysis.title || 'Untitled analysis'}`}
                checked={selected.includes(analysis.id)}
                onChange={() => onToggle(analysis.id)}
              />
              <Link to={editorPath(analysis.id)} dir="auto">
                {analysis.title || 'Untitled analysis'}
              </Link>
            </td>
            <td>
              <span className={`wc-status wc-status--${analysis.status}`}>
                {statusLabel(analysis.status as AnalysisStatus)}
              </span>
            </td>
            <td className="wc-table__text">
              {analysis.rootCauses.length === 0 ? (
                <span className="wc-muted">None marked</span>
              ) : (
                <ul className="wc-lib-cell-list">
                  {analysis.rootCauses.map((cause) => (
                    <li key={cause.id} dir="auto">
                      {cause.text || 'Untitled why'}
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td>
              <ActionCounts open={analysis.openActions} overdue={analysis.overdueActions} />
            </td>
            <td className="wc-lib-num">{analysis.caseIds.length}</td>
            <td>
              <time dateTime={isoDate(analysis.updatedAt)}>
                {formatUpdated(analysis.updatedAt)}
              </time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "3 open", and "1 overdue" in red words beside it: overdue must not hide in a number. */
function ActionCounts({ open, overdue }: { open: number; overdue: number }) {
  if (open === 0 && overdue === 0) return <span className="wc-muted">None open</span>;
  return (
    <span className="wc-lib-counts">
      <span>{open} open</span>
      {overdue > 0 && <span className="wc-lib-overdue">{overdue} overdue</span>}
    </span>
  );
}
