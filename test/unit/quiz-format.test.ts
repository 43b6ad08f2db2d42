// The daily quiz's display helpers: the right answer and the member's in words, the streak and score lines.
import { letter, mineText, rightAnswerText, scoreText, streakText } from '../../src/utils/quiz-format';

describe('quiz display', () => {
  const single = { type: 'single' as const, options: ['1919年', '1921年', '1949年'] };
  it('says the right answer as letters and options, judge as its word, fill as the first accepted answers', () => {
    expect(rightAnswerText(single, { correctChoice: [1], correctBlanks: [] })).toBe('B. 1921年');
    expect(rightAnswerText({ type: 'multiple', options: ['甲', '乙', '丙'] }, { correctChoice: [0, 2], correctBlanks: [] })).toBe('A. 甲；C. 丙');
    expect(rightAnswerText({ type: 'judge', options: ['正确', '错误'] }, { correctChoice: [1], correctBlanks: [] })).toBe('错误');
    expect(rightAnswerText({ type: 'fill', options: [] }, { correctChoice: [], correctBlanks: [['南湖', '嘉兴南湖'], ['1921']] })).toBe('南湖；1921');
  });

  it('says the member’s answer the same way, an empty blank as （空）', () => {
    expect(mineText(single, { mine: { choice: [0] } })).toBe('A. 1919年');
    expect(mineText({ type: 'fill', options: [] }, { mine: { text: ['南湖', ' '] } })).toBe('南湖；（空）');
    expect(letter(7)).toBe('H');
  });

  it('says the streak and the score in plain words', () => {
    expect(streakText(3)).toBe('连续答题 3 天');
    expect(streakText(0)).toBe('今天答完就开始连续答题');
    expect(scoreText(4, 5)).toBe('答对 4 / 5 题');
  });
});
