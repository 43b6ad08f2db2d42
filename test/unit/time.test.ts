import { addDays, beijingDayKey, beijingDayStart, formatBeijing } from '../../core/domain/time';

describe('Beijing day keys (cloud functions run in UTC; a day is a Beijing day)', () => {
  it('23:59:59 Beijing time is still the same day, 00:00:00 is the next', () => {
    const lastSecond = Date.UTC(2026, 10, 22, 15, 59, 59); // 2026-11-22 23:59:59 +08:00
    expect(beijingDayKey(lastSecond)).toBe('2026-11-22');
    expect(beijingDayKey(lastSecond + 1000)).toBe('2026-11-23');
  });

  it('a UTC evening is already the next Beijing morning', () => {
    expect(beijingDayKey(Date.UTC(2026, 11, 31, 16, 0, 0))).toBe('2027-01-01');
  });

  it('a day starts at 00:00 Beijing time, which is 16:00 UTC the day before', () => {
    expect(new Date(beijingDayStart('2026-11-22')).toISOString()).toBe('2026-11-21T16:00:00.000Z');
    expect(() => beijingDayStart('22/11/2026')).toThrow();
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('formats instants in Beijing time for display', () => {
    expect(formatBeijing(Date.UTC(2026, 10, 22, 1, 5))).toBe('2026-11-22 09:05');
  });
});
