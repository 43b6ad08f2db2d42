// The console's period (core/domain/console/period.ts): 本周 from Monday, 本月 from the 1st, a range
// capped at today and at 366 days, and a day that is not on the calendar refused.

import { PeriodError, resolvePeriod, weekdayIndex } from '../../core/domain/console/period';
import { beijingDayStart } from '../../core/domain/time';

// Friday 4 December 2026, 10:00 Beijing time.
const NOW = beijingDayStart('2026-12-04') + 10 * 3600_000;

describe('console period', () => {
  it('本周 runs from Monday to today, 本月 from the 1st', () => {
    expect(weekdayIndex('2026-11-30')).toBe(0);
    expect(weekdayIndex('2026-12-06')).toBe(6);
    const week = resolvePeriod({ kind: 'week' }, NOW);
    expect([week.fromDay, week.toDay, week.days, week.label]).toEqual(['2026-11-30', '2026-12-04', 5, '本周（11月30日—12月4日）']);
    const month = resolvePeriod({ kind: 'month' }, NOW);
    expect([month.fromDay, month.toDay, month.days, month.label]).toEqual(['2026-12-01', '2026-12-04', 4, '本月（12月1日—12月4日）']);
    expect(month.to - month.from).toBe(4 * 86_400_000);
  });

  it('a range ends today at the latest, names another year, and holds at most 366 days', () => {
    const r = resolvePeriod({ kind: 'range', fromDay: '2025-12-30', toDay: '2027-01-10' }, NOW);
    expect([r.fromDay, r.toDay, r.label]).toEqual(['2025-12-30', '2026-12-04', '2025年12月30日—12月4日']);
    expect(() => resolvePeriod({ kind: 'range', fromDay: '2025-12-01', toDay: '2026-12-04' }, NOW)).toThrow('一次最多查看 366 天');
    expect(() => resolvePeriod({ kind: 'range', fromDay: '2026-12-05', toDay: '2026-12-09' }, NOW)).toThrow('开始日期不能晚于今天');
    expect(() => resolvePeriod({ kind: 'range', fromDay: '2026-11-05', toDay: '2026-11-01' }, NOW)).toThrow('开始日期不能晚于结束日期');
    expect(() => resolvePeriod({ kind: 'range', fromDay: '2026-11-05' }, NOW)).toThrow(PeriodError);
  });

  it('refuses a day that is not on the calendar rather than rolling it over (2月30日 is not 3月2日)', () => {
    expect(() => resolvePeriod({ kind: 'range', fromDay: '2026-02-30', toDay: '2026-03-05' }, NOW)).toThrow('日期无效');
    expect(() => resolvePeriod({ kind: 'range', fromDay: '2026-03-01', toDay: '2026-13-01' }, NOW)).toThrow('日期无效');
    expect(() => resolvePeriod({ kind: 'range', fromDay: '2026-02-29', toDay: '2026-03-05' }, NOW)).toThrow('日期无效');
    expect(resolvePeriod({ kind: 'range', fromDay: '2024-02-29', toDay: '2024-03-05' }, beijingDayStart('2024-06-01')).days).toBe(6);
  });
});
