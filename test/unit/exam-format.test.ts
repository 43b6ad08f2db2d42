// The exam context's display helpers: Beijing times, windows, countdowns, scores, statuses.
import {
  beijingDateTime,
  countdownText,
  durationText,
  examWindow,
  numberList,
  scoreText,
} from '../../src/utils/exam-format';

describe('exam display helpers', () => {
  const at = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);
  const now = at(2026, 11, 22, 10);

  it('writes times in Beijing time, with the year only when it is not this year', () => {
    expect(beijingDateTime(at(2026, 11, 22, 9, 5), now)).toBe('11月22日 09:05');
    expect(beijingDateTime(at(2027, 1, 3, 0, 0), now)).toBe('2027年1月3日 00:00');
    // 23:30 UTC is already the next day in Beijing.
    expect(beijingDateTime(Date.UTC(2026, 10, 22, 23, 30), now)).toBe('11月23日 07:30');
  });

  it('shortens a window within one day and spells out one over several days', () => {
    expect(examWindow(at(2026, 11, 22, 9), at(2026, 11, 22, 18), now)).toBe('11月22日 09:00–18:00');
    expect(examWindow(at(2026, 11, 22, 9), at(2026, 11, 29, 18), now)).toBe('11月22日 09:00 至 11月29日 18:00');
  });

  it('counts down in mm:ss, rounding up and never below zero, minutes past 59', () => {
    expect(countdownText(90 * 60_000)).toBe('90:00');
    expect(countdownText(61_001)).toBe('01:02');
    expect(countdownText(-5)).toBe('00:00');
  });

  it('says how long an exam took in words, and scores without a needless .0', () => {
    expect([durationText(45), durationText(725), durationText(3720)]).toEqual(['45秒', '12分05秒', '1小时02分']);
    expect([scoreText(18), scoreText(17.5)]).toEqual(['18', '17.5']);
    expect(numberList([3, 7, 12])).toBe('3、7、12');
    expect(numberList([1, 2, 3, 4], 2)).toBe('1、2 等');
  });
});
