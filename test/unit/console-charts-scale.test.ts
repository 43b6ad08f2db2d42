// The pure helpers behind the console's charts (src/subpackages/console/charts/scale.ts): bar
// shares, value ticks, which days get a label, the rows handed to the chart library, the styles.
import {
  barFractions,
  chartFontSize,
  dayLabel,
  dayTicks,
  formatValue,
  isEmptyTrend,
  niceStep,
  seriesStyle,
  trendMax,
  trendRows,
  valueTicks,
} from '../../src/subpackages/console/charts/scale';

describe('barFractions', () => {
  it('measures an item with max against it, the others against the largest value among them', () => {
    expect(barFractions([{ label: 'a', value: 80, max: 100 }, { label: 'b', value: 3, max: 4 }])).toEqual([0.8, 0.75]);
    expect(barFractions([{ label: 'a', value: 30 }, { label: 'b', value: 15 }, { label: 'c', value: 60 }])).toEqual([0.5, 0.25, 1]);
    // A rate item does not stretch the shared scale of the plain ones.
    expect(barFractions([{ label: 'a', value: 10 }, { label: 'b', value: 90, max: 100 }])).toEqual([1, 0.9]);
  });

  it('draws nothing for zero, negative, missing or unmeasurable values, and never past the track', () => {
    expect(barFractions([{ label: 'a', value: 0 }, { label: 'b', value: 0 }])).toEqual([0, 0]);
    expect(barFractions([{ label: 'a', value: -5, max: 10 }, { label: 'b', value: Number.NaN, max: 10 }, { label: 'c', value: 5, max: 0 }])).toEqual([0, 0, 0]);
    expect(barFractions([{ label: 'a', value: 12, max: 10 }])).toEqual([1]);
    expect(barFractions([])).toEqual([]);
  });
});

describe('formatValue', () => {
  it('shows whole numbers whole, others to one decimal, with the unit after', () => {
    expect(formatValue(80, '%')).toBe('80%');
    expect(formatValue(66.666, '%')).toBe('66.7%');
    expect(formatValue(2.04)).toBe('2');
    expect(formatValue(15, '人')).toBe('15人');
    expect(formatValue(Number.NaN, '%')).toBe('—');
  });
});

describe('value ticks', () => {
  it('steps by 1, 2, 2.5 or 5 times a power of ten, never under 1 nor by a fraction of a person', () => {
    expect(niceStep(100, 4)).toBe(25);
    expect(niceStep(94, 4)).toBe(25);
    expect(niceStep(10, 4)).toBe(5); // 2.5 people would be on the axis
    expect(niceStep(3, 4)).toBe(1);
    expect(niceStep(0, 4)).toBe(1);
    expect(niceStep(1234, 4)).toBe(500);
  });

  it('run from 0 to the first tick at or over the largest value', () => {
    expect(valueTicks(94)).toEqual([0, 25, 50, 75, 100]);
    expect(valueTicks(60)).toEqual([0, 20, 40, 60]);
    expect(valueTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(valueTicks(0)).toEqual([0, 1]);
    expect(valueTicks(Number.NaN)).toEqual([0, 1]);
  });
});

describe('dayTicks', () => {
  const days = Array.from({ length: 30 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);

  it('labels every day when all fit', () => {
    expect(dayTicks(days.slice(0, 5), 300, 16)).toEqual(days.slice(0, 5));
  });

  it('keeps the first and last day and spreads the rest evenly when not all fit', () => {
    const ticks = dayTicks(days, 300, 16); // 300 / 56 = 5 labels
    expect(ticks).toHaveLength(5);
    expect(ticks[0]).toBe('2026-11-01');
    expect(ticks[4]).toBe('2026-11-30');
    expect(ticks).toEqual([...ticks].sort());
  });

  it('shows fewer labels at a larger font or a narrower width, never fewer than the two ends', () => {
    expect(dayTicks(days, 300, 20).length).toBeLessThan(dayTicks(days, 300, 16).length);
    expect(dayTicks(days, 50, 20)).toEqual(['2026-11-01', '2026-11-30']);
    expect(dayTicks([], 300, 16)).toEqual([]);
    expect(dayTicks(['2026-11-01'], 300, 16)).toEqual(['2026-11-01']);
  });

  it('labels a day by month and day', () => {
    expect(dayLabel('2026-12-04')).toBe('12-04');
    expect(dayLabel('not a day')).toBe('not a day');
  });
});

describe('trend rows', () => {
  const days = ['2026-11-01', '2026-11-02', '2026-11-03'];

  it('gives one row per day and series, null where a figure is missing (a gap, not a zero)', () => {
    const rows = trendRows(days, [{ name: '打卡', values: [1, Number.NaN] }, { name: '答题', values: [0, 2, 3] }]);
    expect(rows).toEqual([
      { day: '2026-11-01', name: '打卡', value: 1 },
      { day: '2026-11-02', name: '打卡', value: null },
      { day: '2026-11-03', name: '打卡', value: null },
      { day: '2026-11-01', name: '答题', value: 0 },
      { day: '2026-11-02', name: '答题', value: 2 },
      { day: '2026-11-03', name: '答题', value: 3 },
    ]);
    expect(trendMax([{ name: 'x', values: [1, Number.POSITIVE_INFINITY, 7] }])).toBe(7);
  });

  it('is empty without days, without series, or with no figure at all; a zero is a figure', () => {
    expect(isEmptyTrend([], [{ name: 'x', values: [] }])).toBe(true);
    expect(isEmptyTrend(days, [])).toBe(true);
    expect(isEmptyTrend(days, [{ name: 'x', values: [Number.NaN] }])).toBe(true);
    expect(isEmptyTrend(days, [{ name: 'x', values: [0] }])).toBe(false);
  });
});

describe('series styles', () => {
  it('starts with party red, and tells the series apart by dash and marker as well as colour', () => {
    expect(seriesStyle(0).colour).toBe('#C8161D');
    const first = [0, 1, 2].map(seriesStyle);
    expect(new Set(first.map((s) => s.colour)).size).toBe(3);
    expect(new Set(first.map((s) => s.dashName)).size).toBe(3);
    expect(new Set(first.map((s) => s.marker)).size).toBe(3);
  });

  it('draws canvas text at the floors of reading text: 16 px, 20 px in 大字模式', () => {
    expect(chartFontSize(false)).toBe(16);
    expect(chartFontSize(true)).toBe(20);
  });
});
