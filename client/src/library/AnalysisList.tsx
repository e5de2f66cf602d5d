import type { AnalysisSummary } from '../api/analysesApi';
import { editorPath } from '../router/matchRoute';
import { Link } from '../router/Link';
import { formatUpdated, isoDate } from './formatUpdated';
import { statusLabel } from './statusLabel';

/** The table of analyses in the library. */
export function AnalysisList({ analyses }: { analyses: readonly AnalysisSummary[] }) {
  if (analyses.length === 0) {
    return <p className="wc-empty">No analyses yet. Start one with “New analysis”.</p>;
  }
  return (
    <table className="wc-table">
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Status</th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {analyses.map((analysis) => (
          <tr key={analysis.id}>
            <td>
              <Link to={editorPath(analysis.id)} dir="auto">
                {analysis.title || 'Untitled analysis'}
              </Link>
            </td>
            <td>
              <span className={`wc-status wc-status--${analysis.status}`}>
                {statusLabel(analysis.status)}
              </span>
            </td>
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
