// The daily round's summary line on the day's 每日答题 cap: under it, at it, past it (a rule lowered
// later in the day), switched off, and nothing to show.
import { quizCapText } from '../../src/subpackages/quiz/components/capText';

describe('quizCapText', () => {
  it('GIVEN points under the cap THEN says where they stand, without 已达上限', () => {
    expect(quizCapText({ earned: 4, cap: 5 })).toBe('今日每日答题积分 4/5');
    expect(quizCapText({ earned: 0, cap: 5 })).toBe('今日每日答题积分 0/5');
  });

  it('GIVEN points at or past the cap THEN adds 已达上限', () => {
    expect(quizCapText({ earned: 5, cap: 5 })).toBe('今日每日答题积分 5/5，已达上限');
    expect(quizCapText({ earned: 6, cap: 3 })).toBe('今日每日答题积分 6/3，已达上限');
  });

  it('GIVEN the source switched off, or no award figures THEN shows nothing', () => {
    expect(quizCapText({ earned: 0, cap: 0 })).toBeNull();
    expect(quizCapText(null)).toBeNull();
  });
});
