import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { OwnerActions } from '../api/insightsApi';
import { CHART, TICK, shorten } from './chartStyle';

export interface ActionsByOwnerChartProps {
  owners: readonly OwnerActions[];
  width?: number;
}

/** One row of the chart: the overdue actions and the open ones still on time, stacked. */
interface OwnerBar {
  owner: string;
  onTime: number;
  overdue: number;
}

/**
 * Open actions per owner, one horizontal bar each (names stay readable), split into those still
 * on time and those overdue. Overdue actions are open ones, so the two parts add up to `open`.
 */
export function ActionsByOwnerChart({ owners, width }: ActionsByOwnerChartProps) {
  const data: OwnerBar[] = owners.map((row) => ({
    owner: row.owner,
    onTime: Math.max(0, row.open - row.overdue),
    overdue: row.overdue,
  }));
  const height = 80 + data.length * 48;
  return (
    <BarChart
      data={data}
      layout="vertical"
      width={width}
      height={height}
      responsive={width === undefined}
      style={width === undefined ? { width: '100%', height } : undefined}
      margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke={CHART.grid} horizontal={false} />
      <XAxis type="number" allowDecimals={false} tick={TICK} />
      <YAxis
        type="category"
        dataKey="owner"
        tick={TICK}
        width={190}
        tickFormatter={(value: string) => shorten(value, 20)}
      />
      <Tooltip contentStyle={{ fontSize: CHART.fontSize, color: CHART.text }} />
      <Legend wrapperStyle={{ fontSize: CHART.fontSize, color: CHART.text }} />
      <Bar
        dataKey="onTime"
        name="Open, on time"
        stackId="open"
        fill={CHART.open}
        isAnimationActive={false}
        maxBarSize={32}
      />
      <Bar
        dataKey="overdue"
        name="Overdue"
        stackId="open"
        fill={CHART.overdue}
        isAnimationActive={false}
        maxBarSize={32}
      />
    </BarChart>
  );
}
