// The daily round's summary line on today's 每日答题 cap: under it, at it, past it (a rule lowered
// later in the day), switched off, and a round of another day than the ledger's today.
import type { MyPoints, SourceToday } from '../../core/contracts/points';
import { quizCapText } from '../../src/subpackages/quiz/components/capText';

const source = (over: Partial<SourceToday> = {}): SourceToday => ({ source: 'quiz', label: '每日答题', rule: '每答对1题 1分', earned: 4, cap: 5, ...over });
const points = (quiz: Partial<SourceToday> | null, today = '2036-11-20'): Pick<MyPoints, 'today' | 'bySource'> => ({
  today,
  bySource: [{ source: 'checkin', label: '学习打卡', rule: '每天打卡 1分', earned: 1, cap: 1 }, ...(quiz ? [source(quiz)] : [])],
});

describe('quizCapText', () => {
  it('GIVEN points under the cap THEN says where they stand, without 已达上限', () => {
    expect(quizCapText(points({ earned: 4 }), '2036-11-20')).toBe('今日每日答题积分 4/5');
    expect(quizCapText(points({ earned: 0 }), '2036-11-20')).toBe('今日每日答题积分 0/5');
  });

  it('GIVEN points at or past the cap THEN adds 已达上限', () => {
    expect(quizCapText(points({ earned: 5 }), '2036-11-20')).toBe('今日每日答题积分 5/5，已达上限');
    expect(quizCapText(points({ earned: 6, cap: 3 }), '2036-11-20')).toBe('今日每日答题积分 6/3，已达上限');
  });

  it('GIVEN the source switched off, missing, or a round of another day THEN shows nothing', () => {
    expect(quizCapText(points({ cap: 0, earned: 0 }), '2036-11-20')).toBeNull();
    expect(quizCapText(points(null), '2036-11-20')).toBeNull();
    expect(quizCapText(points({ earned: 5 }, '2036-11-21'), '2036-11-20')).toBeNull();
  });
});
