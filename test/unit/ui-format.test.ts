// Pure display helpers used by the pages: greeting by Beijing time, input clean-up, bar widths.
import { beijingDateTime, countdownText, durationText, examWindow, greetingAt, normaliseInviteCode, normalisePhoneTail, numberList, percent, scoreText } from '../../src/utils/format';

const beijing = (h: number, m = 0) => Date.UTC(2025, 0, 15, h - 8, m); // UTC instant of a Beijing wall time

describe('greetingAt', () => {
  it('GIVEN Beijing wall-clock times WHEN greeting THEN the word follows Beijing, not the phone zone', () => {
    expect(greetingAt(beijing(7))).toBe('早上好');
    expect(greetingAt(beijing(10))).toBe('上午好');
    expect(greetingAt(beijing(12, 30))).toBe('中午好');
    expect(greetingAt(beijing(15))).toBe('下午好');
    expect(greetingAt(beijing(20))).toBe('晚上好');
  });

  it('treats the small hours as evening and switches at 05:00', () => {
    expect(greetingAt(beijing(4, 59))).toBe('晚上好');
    expect(greetingAt(beijing(5, 0))).toBe('早上好');
  });
});

describe('normaliseInviteCode', () => {
  it('upper-cases, drops spaces and punctuation, keeps at most 6 characters', () => {
    expect(normaliseInviteCode('ab 12-cd')).toBe('AB12CD');
    expect(normaliseInviteCode('abc1234xyz')).toBe('ABC123');
  });

  it('accepts full-width letters and digits typed with a Chinese keyboard', () => {
    expect(normaliseInviteCode('ａｂ１２ｃｄ')).toBe('AB12CD');
  });
});

describe('normalisePhoneTail', () => {
  it('keeps digits only, at most 4', () => {
    expect(normalisePhoneTail('12a3-45')).toBe('1234');
    expect(normalisePhoneTail('')).toBe('');
  });
});

describe('percent', () => {
  it('is 0 for an empty unit and clamps to 0..100', () => {
    expect(percent(0, 0)).toBe(0);
    expect(percent(15, 20)).toBe(75);
    expect(percent(30, 20)).toBe(100);
  });
});

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
