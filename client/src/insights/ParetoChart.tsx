import {
  Bar,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { CHART, TICK, shorten } from './chartStyle';
import type { ParetoRow } from './pareto';

export interface ParetoChartProps {
  rows: readonly ParetoRow[];
  /** Fixed size (tests); without it the chart fills its container's width. */
  width?: number;
  height?: number;
}

/** Root causes per category as bars, most first, with the cumulative share as a line. */
export function ParetoChart({ rows, width, height = 380 }: ParetoChartProps) {
  return (
    <ComposedChart
      data={rows as ParetoRow[]}
      width={width}
      height={height}
      responsive={width === undefined}
      style={width === undefined ? { width: '100%', height } : undefined}
      margin={{ top: 28, right: 16, bottom: 8, left: 8 }}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke={CHART.grid} vertical={false} />
      <XAxis
        dataKey="category"
        tick={TICK}
        tickFormatter={(value: string) => shorten(value, rows.length > 6 ? 12 : 20)}
        interval={0}
        height={40}
      />
      <YAxis
        yAxisId="count"
        allowDecimals={false}
        tick={TICK}
        width={48}
        label={{
          value: 'Root causes',
          angle: -90,
          position: 'insideLeft',
          fill: CHART.text,
          fontSize: CHART.fontSize,
        }}
      />
      <YAxis
        yAxisId="share"
        orientation="right"
        domain={[0, 100]}
        ticks={[0, 25, 50, 75, 100]}
        tickFormatter={(value: number) => `${value}%`}
        tick={TICK}
        width={60}
      />
      <Tooltip
        contentStyle={{ fontSize: CHART.fontSize, color: CHART.text }}
        formatter={(value, name) => (name === 'Cumulative share' ? `${String(value)}%` : value)}
      />
      <Legend wrapperStyle={{ fontSize: CHART.fontSize, color: CHART.text }} />
      <Bar
        yAxisId="count"
        dataKey="count"
        name="Root causes"
        fill={CHART.bar}
        isAnimationActive={false}
        maxBarSize={96}
      >
        <LabelList dataKey="count" position="top" fill={CHART.text} fontSize={CHART.fontSize} />
      </Bar>
      <Line
        yAxisId="share"
        dataKey="cumulative"
        name="Cumulative share"
        type="linear"
        stroke={CHART.line}
        strokeWidth={3}
        dot={{ r: 5, fill: CHART.line }}
        isAnimationActive={false}
      />
    </ComposedChart>
  );
}
