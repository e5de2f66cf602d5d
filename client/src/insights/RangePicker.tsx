import { useId } from 'react';
import { dayOf, type DayRange } from './useDateRange';

const PRESETS: { label: string; days: number | null }[] = [
  { label: 'Last 30 days', days: 30 },
  { label: 'Last 90 days', days: 90 },
  { label: 'Last 12 months', days: 365 },
  { label: 'All time', days: null },
];

function presetRange(days: number | null, today: Date): DayRange {
  if (days === null) return { from: '', to: '' };
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1));
  return { from: dayOf(from), to: dayOf(today) };
}

/** The period the figures cover: two dates and a few usual periods. */
export function RangePicker({
  range,
  onChange,
}: {
  range: DayRange;
  onChange: (range: DayRange) => void;
}) {
  const fromId = useId();
  const toId = useId();
  const today = new Date();
  return (
    <form
      className="wc-insights__range"
      aria-label="Period"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="wc-field">
        <label htmlFor={fromId}>From</label>
        <input
          id={fromId}
          type="date"
          value={range.from}
          max={range.to || undefined}
          onChange={(event) => onChange({ ...range, from: event.target.value })}
        />
      </div>
      <div className="wc-field">
        <label htmlFor={toId}>To</label>
        <input
          id={toId}
          type="date"
          value={range.to}
          min={range.from || undefined}
          onChange={(event) => onChange({ ...range, to: event.target.value })}
        />
      </div>
      <div className="wc-insights__presets" role="group" aria-label="Usual periods">
        {PRESETS.map((preset) => {
          const target = presetRange(preset.days, today);
          const current = target.from === range.from && target.to === range.to;
          return (
            <button
              key={preset.label}
              type="button"
              className="wc-button"
              aria-pressed={current}
              onClick={() => onChange(target)}
            >
              {preset.label}
            </button>
          );
        })}
      </div>
    </form>
  );
}
