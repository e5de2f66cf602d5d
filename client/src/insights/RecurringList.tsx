import type { RecurringRootCause } from '../api/insightsApi';
import { editorPath } from '../router/matchRoute';
import { Link } from '../router/Link';

/** Root causes worded alike in several analyses: the same failure, found again and again. */
export function RecurringList({ groups }: { groups: readonly RecurringRootCause[] }) {
  return (
    <section className="wc-card wc-insights__section" aria-labelledby="wc-insights-recurring">
      <h2 id="wc-insights-recurring">Recurring root causes</h2>
      {groups.length === 0 ? (
        <p className="wc-empty">No root cause recurs across analyses in this period.</p>
      ) : (
        <ul className="wc-insights__recurring">
          {groups.map((group, index) => (
            <li key={index}>
              <p className="wc-insights__recurringtext" dir="auto">
                “{group.text}”
                <span className="wc-insights__count">in {group.analyses.length} analyses</span>
              </p>
              <ul aria-label={`Analyses with “${group.text}”`}>
                {group.analyses.map((entry) => (
                  <li key={`${entry.analysisId}/${entry.whyId}`}>
                    <Link to={editorPath(entry.analysisId)} dir="auto">
                      {entry.analysisTitle}
                    </Link>
                    {entry.text !== group.text && (
                      <span className="wc-insights__from" dir="auto">
                        {' '}
                        “{entry.text}”
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
