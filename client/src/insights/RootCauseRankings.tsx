import type { RankedRootCause } from '../api/insightsApi';
import { editorPath } from '../router/matchRoute';
import { Link } from '../router/Link';
import { ChartTable } from './ChartTable';
import { formatMoney, stakesByCurrency } from './stakesByCurrency';

const SHOWN = 10;

function RootCauseCell({ rootCause }: { rootCause: RankedRootCause }) {
  return (
    <>
      <Link to={editorPath(rootCause.analysisId)} className="wc-insights__cause" dir="auto">
        {rootCause.text}
      </Link>
      <span className="wc-insights__from" dir="auto">
        {rootCause.analysisTitle}
        {rootCause.category ? ` · ${rootCause.category}` : ''}
      </span>
    </>
  );
}

/** The root causes whose analyses explain the most cases. */
export function RootCausesByCases({ rootCauses }: { rootCauses: readonly RankedRootCause[] }) {
  const ranked = rootCauses
    .filter((rootCause) => rootCause.caseCount > 0)
    .sort((a, b) => b.caseCount - a.caseCount)
    .slice(0, SHOWN);
  return (
    <section className="wc-card wc-insights__section" aria-labelledby="wc-insights-by-cases">
      <h2 id="wc-insights-by-cases">Root causes by linked cases</h2>
      <ChartTable
        caption="Root causes ranked by the number of customer cases linked to their analysis"
        captionHidden
        head={['Root cause', 'Linked cases']}
        rows={ranked.map((rootCause) => [
          <RootCauseCell key="cause" rootCause={rootCause} />,
          rootCause.caseCount,
        ])}
        empty="No root cause in this period is linked to a customer case yet."
      />
    </section>
  );
}

/**
 * The root causes by what their linked cases put at stake: one table per currency, because
 * amounts in different currencies cannot be added up or compared.
 */
export function RootCausesByStakes({ rootCauses }: { rootCauses: readonly RankedRootCause[] }) {
  const rankings = stakesByCurrency(rootCauses, SHOWN);
  return (
    <section className="wc-card wc-insights__section" aria-labelledby="wc-insights-by-stakes">
      <h2 id="wc-insights-by-stakes">Root causes by money at stake</h2>
      {rankings.length === 0 && (
        <p className="wc-empty">No linked case in this period says what is at stake.</p>
      )}
      {rankings.map((ranking) => (
        <ChartTable
          key={ranking.currency}
          caption={`At stake in ${ranking.currency}`}
          head={['Root cause', `Amount (${ranking.currency})`]}
          rows={ranking.rows.map(({ rootCause, amount }) => [
            <RootCauseCell key="cause" rootCause={rootCause} />,
            formatMoney(amount, ranking.currency),
          ])}
          empty=""
        />
      ))}
    </section>
  );
}
