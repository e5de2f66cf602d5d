import { useEffect, useState } from 'react';
import { createInsightsApi, type Insights, type InsightsApi } from '../api/insightsApi';
import { messageOf } from '../api/request';
import { Link } from '../router/Link';
import { ActionsByOwnerChart } from './ActionsByOwnerChart';
import { ChartSection } from './ChartSection';
import { ParetoChart } from './ParetoChart';
import { paretoRows } from './pareto';
import { RangePicker } from './RangePicker';
import { RecoveryTimes } from './RecoveryTimes';
import { RecurringList } from './RecurringList';
import { RootCausesByCases, RootCausesByStakes } from './RootCauseRankings';
import { endOfDay, startOfDay, useDateRange } from './useDateRange';
import './insights.css';

type LoadState =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; insights: Insights };

export interface InsightsPageProps {
  api?: InsightsApi;
  /** Fixed chart width (tests, where nothing has a size); charts fill their card otherwise. */
  chartWidth?: number;
}

/** What recurs across analyses and cases in a period: for managers, and for the projector. */
export function InsightsPage({ api: given, chartWidth }: InsightsPageProps) {
  const [api] = useState(() => given ?? createInsightsApi());
  const [range, setRange] = useDateRange();
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api
      .get(
        {
          from: range.from ? startOfDay(range.from) : undefined,
          to: range.to ? endOfDay(range.to) : undefined,
        },
        controller.signal,
      )
      .then(
        (insights) => setState({ kind: 'ready', insights }),
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ kind: 'error', message: messageOf(error) });
        },
      )
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [api, range.from, range.to]);

  return (
    <div className="wc-page">
      <header className="wc-topbar">
        <span className="wc-brand">Whychain</span>
        <Link to="/" className="wc-topbar__back">
          ← Library
        </Link>
      </header>
      <main className="wc-insights" aria-busy={loading}>
        <div className="wc-insights__head">
          <h1>Insights</h1>
          <RangePicker range={range} onChange={setRange} />
        </div>
        {state.kind === 'loading' && <p aria-live="polite">Loading insights…</p>}
        {state.kind === 'error' && (
          <p role="alert" className="wc-error">
            Could not load the insights: {state.message}
          </p>
        )}
        {state.kind === 'ready' && (
          <InsightsBody insights={state.insights} chartWidth={chartWidth} />
        )}
      </main>
    </div>
  );
}

function InsightsBody({ insights, chartWidth }: { insights: Insights; chartWidth?: number }) {
  const pareto = paretoRows(insights.categories);
  const owners = insights.actionsByOwner.map((row) => ({
    ...row,
    owner: row.owner.trim() || 'No owner',
  }));
  return (
    <div className="wc-insights__grid">
      <ChartSection
        className="wc-insights__wide"
        title="Root causes by category"
        description="Bars: root causes per category, most first. Line: their cumulative share of all root causes."
        chart={<ParetoChart rows={pareto} width={chartWidth} />}
        table={{
          caption: 'Root causes by category, most first, with the cumulative share',
          head: ['Category', 'Root causes', 'Cumulative share'],
          rows: pareto.map((row) => [row.category, row.count, `${row.cumulative}%`]),
          empty: 'No root cause has been marked in this period.',
        }}
      />
      <RootCausesByCases rootCauses={insights.rootCauses} />
      <RootCausesByStakes rootCauses={insights.rootCauses} />
      <RecurringList groups={insights.recurring} />
      <ChartSection
        title="Open actions by owner"
        description="Open actions per owner; the red part is overdue."
        chart={<ActionsByOwnerChart owners={owners} width={chartWidth} />}
        table={{
          caption: 'Open and overdue actions by owner',
          head: ['Owner', 'Open', 'Overdue'],
          rows: owners.map((row) => [row.owner, row.open, row.overdue]),
          empty: 'No open actions.',
        }}
      />
      <RecoveryTimes recovery={insights.recovery} />
    </div>
  );
}
