import {
  addCheckedDay,
  challengeLength,
  challengeStanding,
  currentStreak,
  daysBetween,
  DEFAULT_MAKEUP_RULES,
  EMPTY_SUMMARY,
  makeupRefusal,
  monthCalendar,
  monthsBetween,
  reminderDue,
  type StreakSummary,
} from '../../core/domain/checkin';
import { addDays, beijingDayKey } from '../../core/domain/time';

/** Check in on each day, as the server would on that day. */
function checkIns(days: string[], start: StreakSummary = EMPTY_SUMMARY): StreakSummary {
  return days.reduce((s, d) => addCheckedDay(s, d, d), start);
}

const range = (from: string, n: number) => Array.from({ length: n }, (_, i) => addDays(from, i));

describe('check-in days are Beijing days', () => {
  it('23:59:59 and 00:00:00 Beijing time fall on two days, whatever the UTC date', () => {
    const lastSecond = Date.UTC(2026, 10, 22, 15, 59, 59); // 2026-11-22 23:59:59 in Beijing
    expect(beijingDayKey(lastSecond)).toBe('2026-11-22');
    expect(beijingDayKey(lastSecond + 1000)).toBe('2026-11-23');
    expect(daysBetween('2026-11-22', '2026-11-23')).toBe(1);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });
});

describe('streaks', () => {
  it('counts consecutive days; today still open keeps yesterday’s streak, a missed day ends it', () => {
    const s = checkIns(range('2026-11-01', 5));
    expect(currentStreak(s, '2026-11-05')).toBe(5);
    expect(currentStreak(s, '2026-11-06')).toBe(5);
    expect(currentStreak(s, '2026-11-07')).toBe(0);
    expect(s.longest).toBe(5);
    expect(s.total).toBe(5);
  });

  it('keeps the longest streak after a break, and a second check-in of one day changes nothing', () => {
    let s = checkIns([...range('2026-11-01', 7), ...range('2026-11-10', 3)]);
    expect([currentStreak(s, '2026-11-12'), s.longest, s.total]).toEqual([3, 7, 10]);
    const again = addCheckedDay(s, '2026-11-12', '2026-11-12');
    expect(again).toBe(s);
    s = checkIns(range('2026-11-13', 5), s);
    expect([currentStreak(s, '2026-11-17'), s.longest]).toEqual([8, 8]);
  });

  it('a made-up day joins the runs on both sides into one streak', () => {
    let s = checkIns(['2026-11-01', '2026-11-02', '2026-11-04', '2026-11-05']);
    expect(currentStreak(s, '2026-11-05')).toBe(2);
    s = addCheckedDay(s, '2026-11-03', '2026-11-05');
    expect(currentStreak(s, '2026-11-05')).toBe(5);
    expect(s.runs).toEqual([{ from: '2026-11-01', to: '2026-11-05' }]);
    expect(s.longest).toBe(5);
  });

  it('keeps only runs a future make-up could still reach: the summary stays small over a long history', () => {
    let s = EMPTY_SUMMARY;
    // A year of every other day: each run is one day long.
    for (let i = 0; i < 365; i += 2) s = addCheckedDay(s, addDays('2026-01-01', i), addDays('2026-01-01', i));
    expect(s.runs.length).toBeLessThanOrEqual(3);
    expect(s.total).toBe(183);
    // A long streak's start is kept however far back it is (2026-12-31 was checked, 2027-01-01 not).
    s = checkIns(range('2027-01-02', 200), s);
    expect(currentStreak(s, addDays('2027-01-02', 199))).toBe(200);
    expect(s.runs.length).toBeLessThanOrEqual(3);
  });
});

describe('make-ups (补卡)', () => {
  const rules = DEFAULT_MAKEUP_RULES; // within 3 days, 2 a month
  const s = checkIns(['2026-11-18', '2026-11-20']);

  it('allows a missed day within the window while the month has make-ups left', () => {
    expect(makeupRefusal(s, '2026-11-19', '2026-11-21', 0, rules, '2026-11-01')).toBeNull();
    expect(makeupRefusal(s, '2026-11-21', '2026-11-24', 1, rules, '2026-11-01')).toBeNull();
  });

  it('refuses today or the future, too old days, checked days, days before the start, and the third of a month', () => {
    expect(makeupRefusal(s, '2026-11-21', '2026-11-21', 0, rules, '2026-11-01')).toBe('not_past');
    expect(makeupRefusal(s, '2026-11-22', '2026-11-21', 0, rules, '2026-11-01')).toBe('not_past');
    expect(makeupRefusal(s, '2026-11-17', '2026-11-21', 0, rules, '2026-11-01')).toBe('too_old');
    expect(makeupRefusal(s, '2026-11-20', '2026-11-21', 0, rules, '2026-11-01')).toBe('already_checked');
    expect(makeupRefusal(s, '2026-11-19', '2026-11-21', 0, rules, '2026-11-20')).toBe('before_start');
    expect(makeupRefusal(s, '2026-11-19', '2026-11-21', 2, rules, '2026-11-01')).toBe('month_quota');
  });
});

describe('month calendar', () => {
  it('shows checked, made-up, missed, still-fixable, today and future days', () => {
    const days = monthCalendar(
      '2026-11',
      new Set(['2026-11-18', '2026-11-19', '2026-11-20']),
      new Set(['2026-11-19']),
      '2026-11-22',
      '2026-11-16',
      DEFAULT_MAKEUP_RULES,
    );
    expect(days).toHaveLength(30);
    const at = (d: number) => days[d - 1].status;
    expect([at(15), at(17), at(18), at(19), at(21), at(22), at(23)]).toEqual([
      'before_start',
      'missed',
      'checked',
      'made_up',
      'makeup_open',
      'today_open',
      'future',
    ]);
    expect(monthCalendar('2028-02', new Set(), new Set(), '2028-02-10', '2028-01-01', DEFAULT_MAKEUP_RULES)).toHaveLength(29);
  });
});

describe('challenge standing', () => {
  const c = { startDay: '2026-03-01', endDay: '2026-03-21', requiredDays: 15 };

  it('is upcoming before the start and completed once the required days are reached, even early', () => {
    expect(challengeStanding(c, 0, '2026-02-28', false)).toBe('upcoming');
    expect(challengeStanding(c, 15, '2026-03-15', true)).toBe('completed');
    expect(challengeStanding(c, 15, '2026-04-01', false)).toBe('completed');
  });

  it('is on track at the required pace so far (floor of required × days passed / length), with today counted once checked', () => {
    // Day 8 (7 days passed, today open): pace floor(15 × 7 / 21) = 5.
    expect(challengeStanding(c, 5, '2026-03-08', false)).toBe('on_track');
    expect(challengeStanding(c, 4, '2026-03-08', false)).toBe('behind');
    // Checked today: 8 days passed, pace floor(15 × 8 / 21) = 5.
    expect(challengeStanding(c, 5, '2026-03-08', true)).toBe('on_track');
    expect(challengeStanding(c, 0, '2026-03-01', false)).toBe('on_track');
  });

  it('is missed when even checking in every remaining day cannot reach the requirement', () => {
    // 2026-03-15: 7 days left including today; 7 + 7 = 14 < 15.
    expect(challengeStanding(c, 7, '2026-03-15', false)).toBe('missed');
    expect(challengeStanding(c, 8, '2026-03-15', false)).toBe('behind');
    // Checked today: only the 6 days after today are open.
    expect(challengeStanding(c, 8, '2026-03-15', true)).toBe('missed');
    expect(challengeStanding(c, 14, '2026-03-22', false)).toBe('missed');
    expect(challengeLength(c)).toBe(21);
  });
});

describe('months between two days', () => {
  it('lists every month touched, across a year end', () => {
    expect(monthsBetween('2026-11-20', '2027-02-03')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
  });
});

describe('daily reminder time', () => {
  const at = (utc: string) => Date.parse(utc);
  it('is due from the Beijing time set until the end of that Beijing day', () => {
    expect(reminderDue('20:00', at('2026-03-01T11:59:59Z'))).toBe(false); // 19:59:59 Beijing
    expect(reminderDue('20:00', at('2026-03-01T12:00:00Z'))).toBe(true);
    expect(reminderDue('20:00', at('2026-03-01T15:59:00Z'))).toBe(true); // 23:59 Beijing
    expect(reminderDue('20:00', at('2026-03-01T16:00:00Z'))).toBe(false); // 00:00 the next Beijing day
    expect(reminderDue('07:30', at('2026-02-28T23:30:00Z'))).toBe(true); // 07:30 Beijing
  });
});
