// Fill answers graded as members write them (issue 15): rows built like the public banks' ones. A
// member typing the source's answer, in any of the ways people type it, scores full marks.
import { gradeQuestion, DEFAULT_POINTS, type PaperItem } from '../../core/domain/exam';
import type { QuestionContent } from '../../core/domain/exam/questions';

const fill = (blanks: string[][]): QuestionContent => ({ type: 'fill', stem: '题', options: [], answer: [], blanks, explanation: '', tags: [], difficulty: 2, examOnly: false });
const item: PaperItem = { qid: 'q', order: [] };
const opts = { points: DEFAULT_POINTS, multiplePartial: false };
const earned = (q: QuestionContent, text: string[]) => gradeQuestion(q, item, { text }, opts).earned;

describe('fill answers as people write them', () => {
  // 党的二十大报告……中国共产党第（二十二|22）…: alternatives within one blank.
  const number = fill([['二十二', '22']]);
  // 中国共产党成立于（）年 — the source writes 1921.
  const year = fill([['1921']]);
  // 《共产党宣言》 — the source writes the title with its marks.
  const title = fill([['《共产党宣言》']]);
  // 党的基本路线的核心内容是“一个中心、两个基本点”, and two blanks: 遵义；毛泽东.
  const two = fill([['遵义', '遵义会议'], ['毛泽东']]);

  it.each([
    ['22', number],
    ['二十二', number],
    ['２２', number],
    [' 22 。', number],
    ['1921', year],
    ['１９２１', year],
    ['一九二一', year],
    ['1921年', year],
    ['一九二一年', year],
    ['共产党宣言', title],
    ['《共产党宣言》', title],
    ['“共产党宣言”', title],
    ['「共产党宣言」。', title],
  ])('%s scores full marks', (typed, q) => {
    expect(earned(q, [typed])).toBe(2);
  });

  it('Latin letters are compared without case and width', () => {
    const q = fill([['WTO']]);
    for (const typed of ['wto', 'ＷＴＯ', 'Wto']) expect(earned(q, [typed])).toBe(2);
  });

  it('a wrong number is still wrong, and words that contain a numeral are not read as numbers', () => {
    expect(earned(number, ['二十'])).toBe(0);
    expect(earned(number, ['23'])).toBe(0);
    expect(earned(year, ['1927'])).toBe(0);
    expect(earned(fill([['一国两制']]), ['1国2制'])).toBe(0);
  });

  it('percentages: 百分之五十 = 50%', () => {
    expect(earned(fill([['50%']]), ['百分之五十'])).toBe(2);
    expect(earned(fill([['百分之五十']]), ['５０％'])).toBe(2);
  });

  it('a date Excel would have kept as text: 1945年8月15日 = 一九四五年八月十五日', () => {
    expect(earned(fill([['1945年8月15日']]), ['一九四五年八月十五日'])).toBe(2);
  });

  it('several blanks typed into the first box, separated by ；，、 or spaces, count blank by blank', () => {
    for (const typed of ['遵义会议；毛泽东', '遵义，毛泽东', '遵义、毛泽东', '遵义 毛泽东', '遵义;毛泽东']) expect(earned(two, [typed, ''])).toBe(2);
    // Only when the parts are exactly as many as the blanks: nothing is guessed.
    expect(earned(two, ['遵义；毛泽东；周恩来', ''])).toBe(0);
    expect(earned(two, ['遵义会议', ''])).toBe(1);
  });
});
