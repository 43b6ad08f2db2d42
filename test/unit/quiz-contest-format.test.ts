// The contest's words on screen (src/utils/contest-format.ts): the rules in plain sentences for a
// timed and an untimed contest, the window in Beijing time, a member's standing and start button,
// the countdown's whole seconds, and why an answer earned nothing.
import type { ContestCard, ContestRulesView } from '../../core/contracts';
import { pointsLine, rateText, rulesLines, secondsLeft, standingText, startLabel, windowText } from '../../src/utils/contest-format';

const timed: ContestRulesView = { questionsPerRound: 20, breakSeconds: 6, secondsPerQuestion: 20, countingRounds: 2, graceSeconds: 2, basePoints: 10, speedBonus: 5, roundMax: 300 };
const untimed: ContestRulesView = { ...timed, breakSeconds: 0, secondsPerQuestion: null, speedBonus: 0, roundMax: 200 };
const me = { rounds: 0, total: 0, best: 0, roundsToday: 0, countingLeftToday: 2, open: null };
const card = (over: Partial<ContestCard['me']> = {}, phase: ContestCard['phase'] = 'open') => ({ phase, rules: timed, me: { ...me, ...over } });

describe('rules in plain words', () => {
  it('says the time, the bonus, the pause and the counting rounds of a timed contest', () => {
    const lines = rulesLines(timed).join('\n');
    expect(lines).toContain('每题限时 20 秒');
    expect(lines).toContain('看完解析 6 秒后自动进入下一题');
    expect(lines).toContain('最多再加 5 分');
    expect(lines).toContain('每天前 2 局计入成绩和排行');
  });
  it('tells an untimed contest’s members to take their time', () => {
    const lines = rulesLines(untimed).join('\n');
    expect(lines).toContain('不限时，慢慢想');
    expect(lines).not.toContain('限时 ');
  });
});

describe('the card', () => {
  it('writes the window in Beijing time', () => {
    expect(windowText(Date.UTC(2036, 10, 20, 1), Date.UTC(2036, 10, 27, 1))).toBe('11月20日 09:00 至 11月27日 09:00');
  });
  it('says where the member stands and what the button does', () => {
    expect(standingText(card())).toBe('还没有参加；今天还有 2 局计分');
    expect(startLabel(card())).toBe('开始答题');
    expect(standingText(card({ rounds: 2, total: 126, countingLeftToday: 0 }))).toBe('已计分 2 局，共 126 分；今天的计分局已用完，可以继续练习');
    expect(startLabel(card({ countingLeftToday: 0 }))).toBe('练习一局');
    const open = card({ open: { roundId: 'r', number: 1, counting: true, answeredCount: 3, total: 20 } });
    expect(standingText(open)).toBe('第 1 局进行中：已答 3 / 20 题');
    expect(startLabel(open)).toBe('继续答题');
    expect(standingText(card({ rounds: 1, total: 70 }, 'ended'))).toBe('已计分 1 局，共 70 分');
  });
});

describe('during a round', () => {
  it('counts down in whole seconds, never below zero', () => {
    expect(secondsLeft(20_000, 0)).toBe(20);
    expect(secondsLeft(20_000, 19_001)).toBe(1);
    expect(secondsLeft(20_000, 20_000)).toBe(0);
    expect(secondsLeft(20_000, 25_000)).toBe(0);
  });
  it('says why an answer earned nothing', () => {
    const v = { correct: true, late: false, fast: false, timedOut: false, points: 14 };
    expect(pointsLine(v)).toBe('本题得 14 分');
    expect(pointsLine({ ...v, timedOut: true, correct: false, points: 0 })).toBe('时间到，本题不得分');
    expect(pointsLine({ ...v, late: true, correct: false, points: 0 })).toBe('超过答题时间才提交，本题不得分');
    expect(pointsLine({ ...v, fast: true, points: 0 })).toBe('答得太快，来不及读题，本题不得分');
    expect(pointsLine({ ...v, correct: false, points: 0 })).toBe('本题不得分');
    expect(rateText(30, 3, 10)).toBe('参与率 30%（3 / 10 人）');
  });
});
