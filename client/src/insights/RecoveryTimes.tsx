import type { RecoveryTimes as Times } from '../api/insightsApi';
import { formatDurationWords } from './formatDurationWords';

const STEPS: { key: keyof Omit<Times, 'cases'>; label: string }[] = [
  { key: 'acknowledgeMs', label: 'To acknowledge' },
  { key: 'resolveMs', label: 'To resolve' },
  { key: 'confirmMs', label: 'To customer confirmation' },
];

/** How quickly cases were repaired: median times from receipt to each recovery step. */
export function RecoveryTimes({ recovery }: { recovery: Times }) {
  return (
    <section className="wc-card wc-insights__section" aria-labelledby="wc-insights-recovery">
      <h2 id="wc-insights-recovery">Recovery times</h2>
      {recovery.cases === 0 ? (
        <p className="wc-empty">No customer case was received in this period.</p>
      ) : (
        <>
          <p className="wc-insights__hint">
            Median time from receiving a case, over {recovery.cases}{' '}
            {recovery.cases === 1 ? 'case' : 'cases'}.
          </p>
          <dl className="wc-insights__times">
            {STEPS.map((step) => {
              const ms = recovery[step.key];
              return (
                <div key={step.key}>
                  <dt>{step.label}</dt>
                  <dd>{ms === null ? 'Not reached yet' : formatDurationWords(ms)}</dd>
                </div>
              );
            })}
          </dl>
        </>
      )}
    </section>
  );
}
