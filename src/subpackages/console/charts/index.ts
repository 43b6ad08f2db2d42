// The console's charts: bars for comparing units side by side, lines for a period's days.
export { default as BarChart } from './BarChart';
export type { BarChartProps } from './BarChart';
export { default as TrendChart } from './TrendChart';
export type { TrendChartProps } from './TrendChart';
export type { BarItem, TrendSeries } from './scale';
