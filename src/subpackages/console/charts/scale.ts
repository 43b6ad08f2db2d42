// Pure helpers of the console's charts: scales, ticks, series styles. No Taro, no React, so the
// unit tests reach them directly and both chart components share one idea of "proportional".

export interface BarItem {
  label: string;
  value: number;
  /** The bar's full length (a rate's 100, a unit's member count); without it, the largest value. */
  max?: number;
  note?: string;
}

export interface TrendSeries {
  name: string;
  values: number[];
}

/** One row per day and series, as the chart library wants its data; null where there is no figure. */
export interface TrendRow {
  day: string;
  name: string;
  value: number | null;
}

function finite(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/**
 * How much of its track each bar fills, 0..1. An item with `max` is measured against it; the
 * others share the largest value among them, so their lengths compare side by side.
 */
export function barFractions(items: readonly BarItem[]): number[] {
  const shared = items.reduce((m, it) => (it.max === undefined && finite(it.value) ? Math.max(m, it.value) : m), 0);
  return items.map((it) => {
    const full = it.max !== undefined && finite(it.max) ? it.max : shared;
    if (!finite(it.value) || it.value <= 0 || full <= 0) return 0;
    return Math.min(1, it.value / full);
  });
}

/** Numbers as people read them: whole when whole, else one decimal; the unit right after. */
export function formatValue(value: number, unit = ''): string {
  if (!finite(value)) return '—';
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '');
  return `${text}${unit}`;
}

/** A "nice" step (1, 2, 2.5 or 5 times a power of ten) that splits 0..max into at most `count` steps. */
export function niceStep(max: number, count: number): number {
  if (!finite(max) || max <= 0 || count < 1) return 1;
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  // Counts are whole numbers: no step under 1, and no 2.5 once steps are whole (0.5 people).
  const candidates = [1, 2, 2.5, 5, 10].map((m) => m * power).filter((s) => s < 1 || Number.isInteger(s));
  const step = candidates.find((s) => s >= raw) ?? 10 * power;
  return Math.max(step, 1);
}

/** Value-axis ticks from 0 over the largest value, evenly spaced with a nice step. */
export function valueTicks(max: number, count = 4): number[] {
  const top = finite(max) && max > 0 ? max : 1;
  const step = niceStep(top, count);
  const ticks: number[] = [];
  for (let v = 0; v < top + step; v += step) {
    ticks.push(Number(v.toFixed(6)));
    if (v >= top) break;
  }
  return ticks;
}

/**
 * Which days get a label under the axis: as many as fit in `width` px at `fontSize` px, evenly
 * spread, the first and the last always among them (an older reader looks for the ends first).
 */
export function dayTicks(days: readonly string[], width: number, fontSize: number): string[] {
  if (days.length === 0) return [];
  const labelWidth = fontSize * 3.5; // "12-04" is five narrow glyphs, plus a gap
  const fit = Math.max(2, Math.floor(width / labelWidth));
  if (days.length <= fit) return [...days];
  const slots = fit - 1;
  const picked = new Set<number>();
  for (let i = 0; i <= slots; i += 1) picked.add(Math.round((i * (days.length - 1)) / slots));
  return [...picked].sort((a, b) => a - b).map((i) => days[i]);
}

/** "2026-12-04" shown as "12-04": the year is the period's, never in doubt on one chart. */
export function dayLabel(day: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[1]}-${m[2]}` : day;
}

/**
 * The rows for the chart. A missing or non-finite value becomes null, which the line leaves as a
 * gap: a day without a figure must not read as a fall to zero.
 */
export function trendRows(days: readonly string[], series: readonly TrendSeries[]): TrendRow[] {
  const rows: TrendRow[] = [];
  for (const s of series) {
    days.forEach((day, i) => {
      const v = s.values[i];
      rows.push({ day, name: s.name, value: finite(v) ? v : null });
    });
  }
  return rows;
}

export function trendMax(series: readonly TrendSeries[]): number {
  let max = 0;
  for (const s of series) for (const v of s.values) if (finite(v) && v > max) max = v;
  return max;
}

export function isEmptyTrend(days: readonly string[], series: readonly TrendSeries[]): boolean {
  return days.length === 0 || trendRows(days, series).every((r) => r.value === null);
}

export type Marker = 'circle' | 'rect' | 'hollowCircle';

export interface SeriesStyle {
  colour: string;
  /** Canvas line dash in px; empty = solid. */
  dash: number[];
  /** The name of the dash in the chart theme. */
  dashName: string;
  marker: Marker;
}

// Party red first; the others stay apart for the common colour blindnesses (no red beside green),
// and each series also differs by dash and marker, so colour is never the only cue.
const COLOURS = ['#C8161D', '#1F5FA8', '#7A5A00', '#4A4A4A', '#6B3FA0', '#00796B'];
const DASHES: Array<{ name: string; dash: number[] }> = [
  { name: 'solid', dash: [] },
  { name: 'dashed', dash: [10, 6] },
  { name: 'dotted', dash: [2, 6] },
  { name: 'dashdot', dash: [12, 5, 2, 5] },
];
const MARKERS: Marker[] = ['circle', 'rect', 'hollowCircle'];

export function seriesStyle(index: number): SeriesStyle {
  const d = DASHES[index % DASHES.length];
  return { colour: COLOURS[index % COLOURS.length], dash: d.dash, dashName: d.name, marker: MARKERS[index % MARKERS.length] };
}

/** Font sizes of canvas text, in CSS px: the same floor as reading text in each mode. */
export function chartFontSize(senior: boolean): number {
  return senior ? 20 : 16;
}
