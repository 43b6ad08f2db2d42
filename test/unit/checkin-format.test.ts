// The check-in context's display helpers: the calendar, and the words and bars of the statistics
// and challenges.
import {
  averageRate,
  barHeight,
  CHALLENGE_PHASE,
  challengePhase,
  CHECKIN_DAY,
  dayRangeText,
  dayTitle,
  leadingBlanks,
  monthTitle,
  rosterStatus,
  shiftMonth,
  weekdayText,
} from '../../src/utils/checkin-format';

describe('check-in calendar helpers', () => {
  it('marks every day state that needs one with a symbol and a word, so colour is never alone', () => {
    for (const status of ['checked', 'made_up', 'missed', 'makeup_open', 'today_open'] as const) {
      expect(CHECKIN_DAY[status].mark).not.toBe('');
      expect(CHECKIN_DAY[status].word).not.toBe('');
    }
    expect(CHECKIN_DAY.made_up).toEqual({ mark: '补', word: '已补卡' });
    expect(CHECKIN_DAY.makeup_open.word).toBe('可补卡');
    // Future days and days before the member could check in show only their number.
    expect(CHECKIN_DAY.future).toEqual({ mark: '', word: '' });
    expect(CHECKIN_DAY.before_start).toEqual({ mark: '', word: '' });
  });

  it('moves a month forwards and backwards across year ends', () => {
    expect(shiftMonth('2025-05', 1)).toBe('2025-06');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftMonth('2025-01', -1)).toBe('2024-12');
    expect(shiftMonth('2025-03', -14)).toBe('2024-01');
    expect(shiftMonth('2025-03', 0)).toBe('2025-03');
  });

  it('writes month and day titles without leading zeros', () => {
    expect(monthTitle('2024-05')).toBe('2024年5月');
    expect(monthTitle('2025-12')).toBe('2025年12月');
    expect(dayTitle('2025-05-03')).toBe('5月3日');
    expect(dayTitle('2025-11-22')).toBe('11月22日');
  });

  it('leaves blank cells before the 1st of a month in a week that starts on Monday', () => {
    expect(leadingBlanks('2025-09')).toBe(0); // 1 September 2025 is a Monday
    expect(leadingBlanks('2025-06')).toBe(6); // a Sunday: the last column
    expect(leadingBlanks('2025-11')).toBe(5); // a Saturday
    expect(leadingBlanks('2024-02')).toBe(3); // a Thursday
  });

  it('names the weekday of a day key whatever the time zone of the machine', () => {
    expect(weekdayText('2025-09-01')).toBe('周一');
    expect(weekdayText('2025-06-01')).toBe('周日');
    expect(weekdayText('2025-11-22')).toBe('周六');
  });
});

describe('check-in statistics and challenge helpers', () => {
  it('writes a range of days, with the years only when they differ', () => {
    expect(dayRangeText('2025-05-01', '2025-05-21')).toBe('5月1日 至 5月21日');
    expect(dayRangeText('2025-12-20', '2026-01-09')).toBe('2025年12月20日 至 2026年1月9日');
  });

  it('draws a bar as the share of members, with a visible sliver for any check-in and none for zero', () => {
    expect(barHeight(0, 10)).toBe(0);
    expect(barHeight(5, 10)).toBe(50);
    expect(barHeight(10, 10)).toBe(100);
    // One member of 300: 0.3 % rounds to 0, but the day had a check-in.
    expect(barHeight(1, 300)).toBe(4);
    // A count over the members (a member left after checking in) stays inside the track.
    expect(barHeight(12, 10)).toBe(100);
    expect(barHeight(3, 0)).toBe(4);
  });

  it('averages the daily completion rate over the days shown', () => {
    expect(averageRate([{ count: 2 }, { count: 4 }, { count: 0 }], 10)).toBe(20);
    expect(averageRate([], 10)).toBe(0);
    expect(averageRate([{ count: 1 }], 0)).toBe(0);
  });

  it("gives a roster member's day a mark and a word for each state", () => {
    expect(rosterStatus({ checkedIn: true, madeUp: false })).toEqual({ key: 'checked', label: '✓ 已打卡' });
    expect(rosterStatus({ checkedIn: true, madeUp: true })).toEqual({ key: 'made_up', label: '补 补卡' });
    expect(rosterStatus({ checkedIn: false, madeUp: false })).toEqual({ key: 'missing', label: '○ 未打卡' });
  });

  it("places a challenge in time by the Beijing day, both ends included; a cancelled one stays cancelled", () => {
    const c = { startDay: '2025-05-01', endDay: '2025-05-21', status: 'active' as const };
    expect(challengePhase(c, '2025-04-30')).toBe('upcoming');
    expect(challengePhase(c, '2025-05-01')).toBe('running');
    expect(challengePhase(c, '2025-05-21')).toBe('running');
    expect(challengePhase(c, '2025-05-22')).toBe('ended');
    expect(challengePhase({ ...c, status: 'cancelled' }, '2025-05-10')).toBe('cancelled');
    // Each phase reads as a word with a symbol.
    expect(Object.values(CHALLENGE_PHASE).map((p) => p.label)).toEqual(['○ 未开始', '● 进行中', '■ 已结束', '✕ 已取消']);
  });
});
