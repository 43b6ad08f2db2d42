// The gap states (core/domain/console/gaps.ts): 未参加 while an exam is open and 缺考 only after it
// closed, 未绑定 for an entry never bound, 本周未打卡, and N days without the daily quiz.
import {
  checkinState,
  checkinWords,
  examState,
  isExamGap,
  monthsBetween,
  quizFacts,
  quizState,
  quizWords,
  eventState,
  weekStart,
} from '../../core/domain/console/gaps';

const beijing = (d: string, hh: number) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), hh - 8);
const exam = { opensAt: beijing('2036-11-24', 9), closesAt: beijing('2036-11-30', 18) };

describe('exam state', () => {
  it('GIVEN no attempt THEN 未参加 while open, 缺考 only from the close, 未开始 before it opens', () => {
    expect(examState(exam, null, true, beijing('2036-11-25', 10))).toBe('not_taken');
    expect(examState(exam, null, true, exam.closesAt - 1)).toBe('not_taken');
    expect(examState(exam, null, true, exam.closesAt)).toBe('missed');
    expect(examState(exam, null, true, exam.opensAt - 1)).toBe('upcoming');
    expect(isExamGap('not_taken') && isExamGap('missed') && !isExamGap('upcoming')).toBe(true);
  });

  it('GIVEN an entry never bound THEN 未绑定, open or closed', () => {
    expect(examState(exam, null, false, beijing('2036-11-25', 10))).toBe('unbound');
    expect(examState(exam, null, false, exam.closesAt + 1)).toBe('unbound');
  });

  it('GIVEN a paper handed in or an attempt under way THEN that, whatever the clock', () => {
    expect(examState(exam, { openAttemptId: null, best: { passed: false } }, true, exam.closesAt + 1)).toBe('failed');
    expect(examState(exam, { openAttemptId: null, best: { passed: true } }, true, beijing('2036-11-25', 10))).toBe('passed');
    expect(examState(exam, { openAttemptId: 'a1', best: null }, true, exam.closesAt + 1)).toBe('in_progress');
  });
});

describe('check-in state', () => {
  it('GIVEN a period reaching today THEN none this week is 本周未打卡, with the period count when there are some', () => {
    expect(checkinState({ days: 0, of: 4, thisWeek: 0 }, true)).toBe('week_zero');
    expect(checkinWords('week_zero', { days: 0, of: 4, thisWeek: 0 })).toBe('本周未打卡');
    expect(checkinWords('week_zero', { days: 3, of: 20, thisWeek: 0 })).toBe('本周未打卡（打卡 3/20 天）');
    expect(checkinState({ days: 2, of: 4, thisWeek: 2 }, true)).toBe('ok');
    expect(checkinWords('ok', { days: 2, of: 4, thisWeek: 2 })).toBe('打卡 2/4 天');
  });

  it('GIVEN a past period THEN only none at all is a gap; an unbound entry is 未绑定', () => {
    expect(checkinState({ days: 0, of: 30, thisWeek: null }, true)).toBe('none');
    expect(checkinState({ days: 1, of: 30, thisWeek: null }, true)).toBe('ok');
    expect(checkinState({ days: 0, of: 30, thisWeek: null }, false)).toBe('unbound');
    expect(checkinWords('unbound', { days: 0, of: 30, thisWeek: null })).toBe('未绑定');
  });

  it('the week starts on Monday (Beijing days); months of a period are listed in order', () => {
    expect(weekStart('2036-11-27')).toBe('2036-11-24');
    expect(weekStart('2036-11-24')).toBe('2036-11-24');
    expect(weekStart('2036-11-30')).toBe('2036-11-24');
    expect(monthsBetween('2036-11-20', '2037-01-03')).toEqual(['2036-11', '2036-12', '2037-01']);
  });
});

describe('daily quiz state', () => {
  const now = beijing('2036-11-27', 10);
  it('GIVEN no round ever THEN never; N days since the last one counts from QUIZ_GAP_DAYS', () => {
    expect(quizState(quizFacts(null, now), true)).toBe('never');
    expect(quizWords('never', quizFacts(null, now))).toBe('从未参加每日答题');
    const three = quizFacts('2036-11-24', now);
    expect(three.daysSince).toBe(3);
    expect(quizState(three, true)).toBe('stale');
    expect(quizWords('stale', three)).toBe('3 天没有答题');
    const two = quizFacts('2036-11-25', now);
    expect(quizState(two, true)).toBe('ok');
    expect(quizWords('ok', quizFacts('2036-11-27', now))).toBe('今天已答题');
    expect(quizState(three, false)).toBe('unbound');
  });
});

describe('event state', () => {
  it('GIVEN a confirmed place THEN 未到场 only once the event ended without attendance', () => {
    const ends = beijing('2036-11-25', 12);
    expect(eventState(ends, false, ends - 1)).toBe('signed');
    expect(eventState(ends, false, ends)).toBe('absent');
    expect(eventState(ends, true, ends + 1)).toBe('attended');
  });
});
