import type { CaseJson } from '@whychain/shared';
import { Link } from '../router/Link';
import {
  CASE_STATUS_LABELS,
  casePath,
  formatDate,
  labelOf,
  SEVERITY_LABELS,
  TOUCHPOINT_LABELS,
} from '../cases/caseFormat';

/** The customer's cases as a timeline, newest first (the order the server answers). */
export function CustomerCaseTimeline({ cases }: { cases: readonly CaseJson[] }) {
  if (cases.length === 0) {
    return <p className="wc-casesection__empty">No cases yet.</p>;
  }
  return (
    <ol className="wc-casetimeline" aria-label="Cases, newest first">
      {cases.map((item) => (
        <li key={item.id} className="wc-casetimeline__item">
          <time className="wc-casetimeline__date" dateTime={item.receivedAt}>
            {formatDate(item.receivedAt)}
          </time>
          <span className={`wc-casetimeline__dot is-${item.severity}`} aria-hidden="true" />
          <div className="wc-casetimeline__card">
            <Link to={casePath(item.id)} className="wc-casetimeline__title" dir="auto">
              {item.summary}
            </Link>
            <div className="wc-casetimeline__meta">
              <span className={`wc-severity wc-severity--${item.severity}`}>
                {labelOf(SEVERITY_LABELS, item.severity)}
                <span className="wc-visually-hidden"> severity</span>
              </span>
              <span className={`wc-casestatus wc-casestatus--${item.status}`}>
                {labelOf(CASE_STATUS_LABELS, item.status)}
              </span>
              <span>{labelOf(TOUCHPOINT_LABELS, item.touchpoint)}</span>
              {item.externalRef && <span dir="auto">{item.externalRef}</span>}
              {item.analysisIds.length > 0 && (
                <span>
                  {item.analysisIds.length}{' '}
                  {item.analysisIds.length === 1 ? 'analysis' : 'analyses'}
                </span>
              )}
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
