// Points rules (core/domain/points.ts): the cap arithmetic, which rule version applies on a day,
// saving a version from tomorrow on, and the Beijing day boundary of an award.
import {
  capAward,
  currentStreak,
  DEFAULT_POINTS_RULES,
  nextStreak,
  pointsAsked,
  rulesOn,
  versionRefusal,
  withVersion,
  type RulesVersion,
} from '../../core/domain/points';
import { beijingDayKey, beijingDayStart } from '../../core/domain/time';

const version = (v: number, from: string, quizCap: number): RulesVersion => ({
  v,
  from,
  rules: { ...DEFAULT_POINTS_RULES, quiz: { points: 1, cap: quizCap } },
  by: 'm1',
  byName: '管理员',
  at: 0,
  note: '',
});

describe('points: cap arithmetic', () => {
  it('awards what was asked while the cap allows, then what is left, then nothing', () => {
    expect(capAward(3, 5, 0)).toEqual({ awarded: 3, capped: false });
    expect(capAward(3, 5, 3)).toEqual({ awarded: 2, capped: true });
    expect(capAward(3, 5, 5)).toEqual({ awarded: 0, capped: true });
    expect(capAward(3, 5, 9)).toEqual({ awarded: 0, capped: true });
    expect(capAward(0, 5, 0)).toEqual({ awarded: 0, capped: false });
  });

  it('asks per unit of the source: correct answers, one per check-in, a contest per 10 points of its score', () => {
    expect(pointsAsked('quiz', DEFAULT_POINTS_RULES.quiz, 4)).toBe(4);
    expect(pointsAsked('checkin', DEFAULT_POINTS_RULES.checkin, 1)).toBe(1);
    expect(pointsAsked('event', DEFAULT_POINTS_RULES.event, 1)).toBe(2);
    expect(pointsAsked('exam', DEFAULT_POINTS_RULES.exam, 1)).toBe(5);
    expect(pointsAsked('contest', DEFAULT_POINTS_RULES.contest, 85)).toBe(9);
    expect(pointsAsked('contest', DEFAULT_POINTS_RULES.contest, 84)).toBe(8);
    expect(pointsAsked('quiz', { points: 0, cap: 5 }, 4)).toBe(0);
    expect(pointsAsked('quiz', DEFAULT_POINTS_RULES.quiz, -2)).toBe(0);
  });
});

describe('points: rule versions by day', () => {
  const versions = [version(1, '2026-03-01', 8), version(2, '2026-04-01', 3)];

  it('the defaults before any version, then each version from its first day', () => {
    expect(rulesOn([], '2026-03-01')).toEqual({ v: 0, rules: DEFAULT_POINTS_RULES });
    expect(rulesOn(versions, '2026-02-28').v).toBe(0);
    expect(rulesOn(versions, '2026-03-01').v).toBe(1);
    expect(rulesOn(versions, '2026-03-31').rules.quiz.cap).toBe(8);
    expect(rulesOn(versions, '2026-04-01').rules.quiz.cap).toBe(3);
  });

  it('a change starts tomorrow at the earliest and within a year', () => {
    expect(versionRefusal('2026-03-10', '2026-03-10')).toBe('新规则最早从明天起生效');
    expect(versionRefusal('2026-03-09', '2026-03-10')).toBe('新规则最早从明天起生效');
    expect(versionRefusal('2026-03-11', '2026-03-10')).toBeNull();
    expect(versionRefusal('2027-03-12', '2026-03-10')).toBe('生效日期最多在一年之内');
  });

  it('saving keeps the versions in force and replaces a scheduled one it starts on or before', () => {
    const scheduled = [...versions, version(3, '2026-04-20', 6)];
    const next = withVersion(scheduled, { from: '2026-04-15', rules: DEFAULT_POINTS_RULES, by: 'm2', byName: '管理员', at: 1, note: '' }, '2026-04-10');
    expect(next.map((x) => [x.v, x.from])).toEqual([
      [1, '2026-03-01'],
      [2, '2026-04-01'],
      [4, '2026-04-15'],
    ]);
    const later = withVersion(scheduled, { from: '2026-04-25', rules: DEFAULT_POINTS_RULES, by: 'm2', byName: '管理员', at: 1, note: '' }, '2026-04-10');
    expect(later.map((x) => x.v)).toEqual([1, 2, 3, 4]);
  });
});

describe('points: the Beijing day of an award', () => {
  it('23:59:59 counts for the day, 00:00:00 for the next (and against the next day’s cap)', () => {
    const midnight = beijingDayStart('2026-03-02');
    expect(beijingDayKey(midnight - 1000)).toBe('2026-03-01');
    expect(beijingDayKey(midnight)).toBe('2026-03-02');
    // A rule version from 03-02 applies to the award at 00:00:00, not to the one a second before.
    const v = [version(1, '2026-03-02', 2)];
    expect(rulesOn(v, beijingDayKey(midnight - 1000)).v).toBe(0);
    expect(rulesOn(v, beijingDayKey(midnight)).v).toBe(1);
  });

  it('a streak counts days in a row with points, shown while it ends today or yesterday', () => {
    let s = { lastDay: '', streak: 0, longest: 0 };
    s = nextStreak(s, '2026-03-01');
    s = nextStreak(s, '2026-03-02');
    s = nextStreak(s, '2026-03-02');
    expect(s).toEqual({ lastDay: '2026-03-02', streak: 2, longest: 2 });
    expect(nextStreak(s, '2026-03-01')).toEqual(s);
    expect(currentStreak(s, '2026-03-03')).toBe(2);
    expect(currentStreak(s, '2026-03-04')).toBe(0);
    expect(nextStreak(s, '2026-03-05')).toEqual({ lastDay: '2026-03-05', streak: 1, longest: 2 });
  });
});
