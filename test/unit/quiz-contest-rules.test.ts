// Rules of the knowledge contest (core/domain/quiz/contest.ts): an answer's worth by the time left,
// the network grace's boundary, the pause to read a verdict, which rounds of a day count, the Beijing day a round belongs to at
// 23:59:59 and 00:00:00, the settings' bounds, the boards' ranks and subtree sums.
import {
  answerDeadline,
  answerPoints,
  averageScore,
  BASE_POINTS,
  boardName,
  competitionRanks,
  contestDays,
  contestPhase,
  contestProblem,
  GRACE_MS,
  HIDDEN_NAME,
  isLate,
  isTimeUp,
  nextServedAt,
  ratePercent,
  roundCounts,
  roundMax,
  scoreOutOf100,
  SPEED_BONUS,
  subtreeMembers,
  TIME_UP_TOLERANCE_MS,
  subtreeSums,
} from '../../core/domain/quiz/contest';
import { beijingDayKey } from '../../core/domain/time';

const beijing = (d: string, hh: number, mm = 0, ss = 0) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), hh - 8, mm, ss);
const SERVED = beijing('2036-11-20', 9);
const timed = (ms: number, over: Partial<Parameters<typeof answerPoints>[0]> = {}) =>
  answerPoints({ correct: true, late: isLate(SERVED, 20, SERVED + ms), fast: false, servedAt: SERVED, at: SERVED + ms, seconds: 20, ...over });

describe('an answer’s worth', () => {
  it('gives a timed right answer 10 plus up to 5 for the time left, the grace taken off the time used', () => {
    expect(timed(0)).toBe(BASE_POINTS + SPEED_BONUS);
    expect(timed(GRACE_MS)).toBe(15); // the network's delay costs nothing
    expect(timed(GRACE_MS + 2_000)).toBe(15); // 18 of 20 s left: 4.5 rounds to 5
    expect(timed(5_000)).toBe(14); // 17 of 20 left
    expect(timed(12_000)).toBe(13); // 10 of 20 left: 2.5 rounds to 3
    expect(timed(22_000)).toBe(10); // the last moment that counts: no bonus left
  });

  it('gives nothing to a wrong, a late or a too-fast answer, and 10 to every right one untimed', () => {
    expect(timed(5_000, { correct: false })).toBe(0);
    expect(timed(22_001)).toBe(0);
    expect(timed(5_000, { fast: true })).toBe(0);
    expect(answerPoints({ correct: true, late: false, fast: false, servedAt: SERVED, at: SERVED + 600_000, seconds: null })).toBe(BASE_POINTS);
  });

  it('scales a round to the 0–100 the points ledger reads', () => {
    expect(roundMax({ questionsPerRound: 20, secondsPerQuestion: 20 })).toBe(300);
    expect(roundMax({ questionsPerRound: 20, secondsPerQuestion: null })).toBe(200);
    expect(scoreOutOf100(70, 75)).toBe(93);
    expect(scoreOutOf100(0, 75)).toBe(0);
    expect(scoreOutOf100(300, 300)).toBe(100);
  });
});

describe('the grace boundary', () => {
  it('takes an answer until its seconds plus 2 s after the server served it, and not a millisecond later', () => {
    expect(answerDeadline(SERVED, 20)).toBe(SERVED + 22_000);
    expect(isLate(SERVED, 20, SERVED + 22_000)).toBe(false);
    expect(isLate(SERVED, 20, SERVED + 22_001)).toBe(true);
    expect(answerDeadline(SERVED, null)).toBeNull();
    expect(isLate(SERVED, null, SERVED + 86_400_000)).toBe(false);
  });

  it('takes "time ran out" only once the question’s seconds are over, less 1 s for the phone’s clock, and never untimed', () => {
    expect(TIME_UP_TOLERANCE_MS).toBe(1_000);
    expect(isTimeUp(SERVED, 20, SERVED)).toBe(false);
    expect(isTimeUp(SERVED, 20, SERVED - 3_000)).toBe(false); // during the pause, before its time began
    expect(isTimeUp(SERVED, 20, SERVED + 18_999)).toBe(false);
    expect(isTimeUp(SERVED, 20, SERVED + 19_000)).toBe(true);
    expect(isTimeUp(SERVED, 20, SERVED + 600_000)).toBe(true); // a member who came back later
    expect(isTimeUp(SERVED, null, SERVED + 86_400_000)).toBe(false);
  });

  it('starts a timed contest’s next question 6 s after the verdict, for reading it; untimed at once', () => {
    expect(nextServedAt(SERVED, 20)).toBe(SERVED + 6_000);
    expect(nextServedAt(SERVED, null)).toBe(SERVED);
  });
});

describe('rounds that count', () => {
  it('counts the first `countingRounds` of a day and makes the rest practice', () => {
    expect([1, 2, 3, 4].map((n) => roundCounts(n, 2))).toEqual([true, true, false, false]);
    expect([1, 2].map((n) => roundCounts(n, 1))).toEqual([true, false]);
    expect(roundCounts(0, 2)).toBe(false);
  });

  it('puts a round started at 23:59:59 Beijing time on that day and one at 00:00:00 on the next', () => {
    expect(beijingDayKey(beijing('2036-11-25', 23, 59, 59))).toBe('2036-11-25');
    expect(beijingDayKey(beijing('2036-11-26', 0, 0, 0))).toBe('2036-11-26');
    // UTC says otherwise: 15:59:59 and 16:00:00 of the 25th.
    expect(new Date(beijing('2036-11-26', 0, 0, 0)).toISOString().slice(0, 10)).toBe('2036-11-25');
  });

  it('lists a contest’s Beijing days up to now or its close', () => {
    const opens = beijing('2036-11-20', 23, 59, 59);
    const closes = beijing('2036-11-23', 0, 0, 0);
    expect(contestDays(opens, closes, beijing('2036-11-21', 0, 0, 0))).toEqual(['2036-11-20', '2036-11-21']);
    expect(contestDays(opens, closes, beijing('2036-12-01', 9))).toEqual(['2036-11-20', '2036-11-21', '2036-11-22']);
    expect(contestDays(opens, closes, beijing('2036-11-19', 9))).toEqual(['2036-11-20']);
  });

  it('tells the phase from the status and the window', () => {
    const c = { status: 'published' as const, opensAt: SERVED, closesAt: SERVED + 1000 };
    expect(contestPhase(c, SERVED - 1)).toBe('upcoming');
    expect(contestPhase(c, SERVED)).toBe('open');
    expect(contestPhase(c, SERVED + 1000)).toBe('ended');
    expect(contestPhase({ ...c, status: 'draft' }, SERVED)).toBe('draft');
  });
});

describe('settings', () => {
  const ok = { opensAt: SERVED, closesAt: SERVED + 7 * 86_400_000, questionsPerRound: 20, secondsPerQuestion: 20, countingRounds: 2 };
  it('accepts a week of 20 questions of 20 s, two rounds a day counting, and an untimed one', () => {
    expect(contestProblem(ok)).toBeNull();
    expect(contestProblem({ ...ok, secondsPerQuestion: null })).toBeNull();
  });
  it('refuses a window backwards or over 31 days, and rules out of bounds', () => {
    expect(contestProblem({ ...ok, closesAt: ok.opensAt })).toBe('结束时间应晚于开始时间');
    expect(contestProblem({ ...ok, closesAt: ok.opensAt + 32 * 86_400_000 })).toContain('31');
    expect(contestProblem({ ...ok, questionsPerRound: 51 })).toContain('每局题数');
    expect(contestProblem({ ...ok, secondsPerQuestion: 9 })).toContain('限时');
    expect(contestProblem({ ...ok, countingRounds: 6 })).toContain('计分局数');
  });
});

describe('boards', () => {
  it('shares a place between equal totals', () => {
    expect(competitionRanks([90, 80, 80, 70, 70, 70, 10])).toEqual([1, 2, 2, 4, 4, 4, 7]);
    expect(competitionRanks([])).toEqual([]);
  });
  it('shows a name only with the member’s consent', () => {
    expect(boardName('王秀英', true)).toBe('王秀英');
    expect(boardName('王秀英', false)).toBe(HIDDEN_NAME);
  });
  it('sums each unit’s own figures into every unit above it, and members from the roster counters', () => {
    const units = [
      { _id: 'root', path: ['root'], memberCount: 1 },
      { _id: 'a', path: ['root', 'a'], memberCount: 10 },
      { _id: 'a1', path: ['root', 'a', 'a1'], memberCount: 5 },
      { _id: 'b', path: ['root', 'b'], memberCount: 4 },
    ];
    const sums = subtreeSums(units, [
      { unitId: 'a1', participants: 2, rounds: 3, scoreSum: 150 },
      { unitId: 'b', participants: 1, rounds: 1, scoreSum: 40 },
      { unitId: 'gone', participants: 9, rounds: 9, scoreSum: 900 },
    ]);
    expect(sums.get('root')).toEqual({ participants: 3, rounds: 4, scoreSum: 190 });
    expect(sums.get('a')).toEqual({ participants: 2, rounds: 3, scoreSum: 150 });
    expect(sums.has('gone')).toBe(false);
    expect(subtreeMembers(units).get('root')).toBe(20);
    expect(subtreeMembers(units).get('a')).toBe(15);
    expect(ratePercent(2, 15)).toBe(13);
    expect(ratePercent(1, 0)).toBe(0);
    expect(averageScore(190, 4)).toBe(47.5);
    expect(averageScore(0, 0)).toBe(0);
  });
});
