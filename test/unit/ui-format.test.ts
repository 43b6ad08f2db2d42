// Pure display helpers shared by the pages: greeting by Beijing time, input clean-up, bar widths.
import {
  greetingAt,
  normaliseInviteCode,
  normalisePhoneTail,
  percent,
} from '../../src/utils/format';

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
