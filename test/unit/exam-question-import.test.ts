// Rows as organisers' real banks write them (issue 15): fill alternatives and blank counts, long and
// quoted tags, judge questions without a type or with their own option columns, labels left in
// stems, and the type words exam systems export.
import { DEFAULT_POINTS, gradeQuestion } from '../../core/domain/exam';
import { parseAlternatives } from '../../core/domain/exam/questionCells';
import { findQuestionHeader, parseBlanks, parseQuestionRow, parseQuestionType, parseTags, questionKey, stripStemLabel, TEMPLATE_HEADER, type ParsedRow, type QuestionContent } from '../../core/domain/exam/questions';

const header = findQuestionHeader([TEMPLATE_HEADER]);
if (!header) throw new Error('template header not found');
const cols = header.columns;

function row(type: string, stem: string, options: string[], answer: string, extra: Partial<{ tags: string }> = {}): string[] {
  return [type, stem, ...Array.from({ length: 8 }, (_, i) => options[i] ?? ''), answer, '', extra.tags ?? '', ''];
}
const question = (r: ParsedRow) => {
  if (!r.ok) throw new Error(r.reason);
  return r.question;
};

describe('fill answers: alternatives within one blank, blanks by ；', () => {
  it('reads | / 或 as alternatives of one blank and ；; as the blank separator', () => {
    expect(parseBlanks('二十二|22')).toEqual([['二十二', '22']]);
    expect(parseBlanks('上海 | 嘉兴／南湖')).toEqual([['上海', '嘉兴', '南湖']]);
    expect(parseBlanks('遵义会议或遵义；毛泽东')).toEqual([['遵义会议', '遵义'], ['毛泽东']]);
    expect(parseBlanks('实事求是; 群众路线')).toEqual([['实事求是'], ['群众路线']]);
    // 或 separates only between two answers: 或许 and 或者 are words.
    expect(parseBlanks('或许')).toEqual([['或许']]);
    expect(parseBlanks('或者')).toEqual([['或者']]);
  });

  it('stores 二十二|22 as one blank with two accepted answers', () => {
    const q = question(parseQuestionRow(row('填空', '党的二十大报告共有（）个部分。', [], '二十二|22'), cols));
    expect(q.blanks).toEqual([['二十二', '22']]);
  });

  it('refuses a stem whose blanks do not match the answer, naming the answer column', () => {
    const r = parseQuestionRow(row('填空', '中共一大在（）召开，后转移到（）。', [], '上海'), cols);
    expect(r).toEqual({ ok: false, reason: '题干有 2 处空，答案只有 1 个', column: 'answer' });
    const three = parseQuestionRow(row('填空', '《  》是第一部。', [], '甲；乙；丙'), cols);
    expect(three).toEqual({ ok: false, reason: '题干有 1 处空，答案却有 3 个', column: 'answer' });
  });

  it('counts （）, ( ), empty 《》 and ＿＿/___ runs as blanks', () => {
    const stem = '（ ）与( )和《》以及＿＿＿还有____。';
    expect(question(parseQuestionRow(row('填空', stem, [], '甲；乙；丙；丁；戊'), cols)).blanks).toHaveLength(5);
    // A book title with text inside is not a blank.
    expect(question(parseQuestionRow(row('填空', '《共产党宣言》发表于（）年。', [], '1848'), cols)).blanks).toEqual([['1848']]);
  });

  it('accepts a fill stem without any marker as one blank', () => {
    expect(question(parseQuestionRow(row('填空', '中国共产党成立于哪一年？', [], '1921'), cols)).blanks).toEqual([['1921']]);
  });
});

describe('a / between digits is part of the answer (dates, fractions), never an alternative', () => {
  const earned = (q: QuestionContent, typed: string) => gradeQuestion(q, { qid: 'q', order: [] }, { text: [typed] }, { points: DEFAULT_POINTS, multiplePartial: false }).earned;

  it('keeps 1945/8/15 and 1/2 whole, and still splits 二十二/22 and 上海/嘉兴', () => {
    expect(parseBlanks('1945/8/15')).toEqual([['1945/8/15']]);
    expect(parseBlanks('1/2')).toEqual([['1/2']]);
    expect(parseBlanks('１９４５／８／１５')).toEqual([['1945/8/15']]);
    expect(parseBlanks('二十二/22')).toEqual([['二十二', '22']]);
    expect(parseBlanks('1921年/1921')).toEqual([['1921年', '1921']]);
    expect(parseBlanks('上海/嘉兴；1/2')).toEqual([['上海', '嘉兴'], ['1/2']]);
    // One blank's line, as the editor holds it, by the same rules.
    expect(parseAlternatives('1945/8/15')).toEqual(['1945/8/15']);
    expect(parseAlternatives('二十二/22|二十二个')).toEqual(['二十二', '22', '二十二个']);
  });

  it('grades a row whose answer is the text 1945/8/15: 8 is wrong, the date in any form is right', () => {
    const q = question(parseQuestionRow(row('填空', '日本宣布无条件投降的日期是（）。', [], '1945/8/15'), cols));
    expect(q.blanks).toEqual([['1945/8/15']]);
    expect(earned(q, '8')).toBe(0);
    expect(earned(q, '1945')).toBe(0);
    expect(earned(q, '1945/8/15')).toBe(2);
    expect(earned(q, '1945年8月15日')).toBe(2);
    expect(earned(q, '一九四五年八月十五日')).toBe(2);
  });

  it('grades a fraction 1/2 as one answer: 1 and 2 are wrong', () => {
    const q = question(parseQuestionRow(row('填空', '占总数的（）。', [], '1/2'), cols));
    expect(earned(q, '1')).toBe(0);
    expect(earned(q, '2')).toBe(0);
    expect(earned(q, '1/2')).toBe(2);
  });
});

describe('或 separates answers, never the words that contain it', () => {
  it.each(['不可或缺', '或许', '也或许', '或多或少', '或者', '不可或缺的作用', '间或'])('keeps %p whole', (word) => {
    expect(parseBlanks(word)).toEqual([[word]]);
  });

  it.each([
    ['二十二或22', ['二十二', '22']],
    ['东风 或 西风', ['东风', '西风']],
    ['甲 或 乙', ['甲', '乙']],
    ['1921或1922', ['1921', '1922']],
    ['二或三', ['二', '三']],
    ['遵义会议或遵义', ['遵义会议', '遵义']],
    ['WTO或世贸组织', ['WTO', '世贸组织']],
  ])('splits %p', (raw, alternatives) => {
    expect(parseBlanks(raw)).toEqual([alternatives]);
  });
});

describe('type inferred without a type column: the stem\'s blanks mean fill', () => {
  it.each([
    ['中国共产党第（）次全国代表大会确立了习近平同志党中央的核心地位。', '1'],
    ['党章规定，党员有（）权利。', '是'],
    ['(）是党的根本组织原则。', 'a'],
    ['《》是党的第一部党章。', 'T'],
    ['＿＿是党的最高领导机关。', '对'],
  ])('reads %p with answer %p as fill, not judge', (stem, answer) => {
    expect(question(parseQuestionRow(row('', stem, [], answer), cols))).toMatchObject({ type: 'fill', blanks: [[answer]] });
  });

  it('reads a lone 1 or 0 without type, options or blanks as a fill answer (a count or a number before a judge key; 1/0 judge keys need the 判断 type)', () => {
    expect(question(parseQuestionRow(row('', '党员的预备期为几年？', [], '1'), cols))).toMatchObject({ type: 'fill', blanks: [['1']] });
    expect(question(parseQuestionRow(row('', '党员的预备期为几年？', [], '0'), cols))).toMatchObject({ type: 'fill', blanks: [['0']] });
    expect(question(parseQuestionRow(row('', '党员的预备期为几年？', [], '１'), cols))).toMatchObject({ type: 'fill', blanks: [['1']] });
    expect(question(parseQuestionRow(row('判断', '预备期为一年。', [], '1'), cols))).toMatchObject({ type: 'judge', answer: [0] });
    expect(question(parseQuestionRow(row('判断', '预备期为两年。', [], '0'), cols))).toMatchObject({ type: 'judge', answer: [1] });
  });

  it('still reads a statement without blanks and a judge word as judge', () => {
    expect(question(parseQuestionRow(row('', '预备期为一年。', [], '是'), cols))).toMatchObject({ type: 'judge', answer: [0] });
    expect(question(parseQuestionRow(row('', '预备期为两年。', [], '×'), cols))).toMatchObject({ type: 'judge', answer: [1] });
  });
});

describe('tags', () => {
  it('keeps a question whose tag is long, the tag cut to the limit', () => {
    const q = question(parseQuestionRow(row('判断', '题干一。', [], '对', { tags: '习近平新时代中国特色社会主义思想，党史' }), cols));
    expect(q.tags).toEqual(['习近平新时代中国特色社会主义思想', '党史']);
    const long = question(parseQuestionRow(row('判断', '题干一。', [], '对', { tags: '一二三四五六七八九十'.repeat(4) }), cols));
    expect(long.tags).toEqual(['一二三四五六七八九十'.repeat(3)]);
  });

  it('does not split inside quotes or at a space inside Chinese text', () => {
    expect(parseTags('“一个中心、两个基本点”、党史')).toEqual(['“一个中心、两个基本点”', '党史']);
    expect(parseTags('坚持全面从 严治党')).toEqual(['坚持全面从严治党']);
    expect(parseTags('党史,新中国史；改革开放史')).toEqual(['党史', '新中国史', '改革开放史']);
  });
});

describe('judge questions', () => {
  it('reads an A/B answer without options and without a type as judge (A = 正确)', () => {
    expect(question(parseQuestionRow(row('', '预备期为一年。', [], 'A'), cols))).toMatchObject({ type: 'judge', answer: [0] });
    expect(question(parseQuestionRow(row('', '预备期为两年。', [], 'B'), cols))).toMatchObject({ type: 'judge', answer: [1] });
  });

  it('follows the option columns when they are 错误/正确 in that order', () => {
    expect(question(parseQuestionRow(row('判断', '说法甲。', ['错误', '正确'], 'A'), cols))).toMatchObject({ type: 'judge', options: ['正确', '错误'], answer: [1] });
    expect(question(parseQuestionRow(row('', '说法乙。', ['错误', '正确'], 'B'), cols))).toMatchObject({ type: 'judge', answer: [0] });
    expect(question(parseQuestionRow(row('', '说法丙。', ['正确', '错误'], 'B'), cols))).toMatchObject({ type: 'judge', answer: [1] });
    expect(question(parseQuestionRow(row('判断', '说法丁。', ['错误', '正确'], '对'), cols))).toMatchObject({ type: 'judge', answer: [0] });
  });

  it.each(['对', '√', 'T', '是', '正确'])('reads %p as true', (a) => {
    expect(question(parseQuestionRow(row('判断', '说法。', [], a), cols)).answer).toEqual([0]);
  });
  it.each(['错', '×', 'F', '否', '错误'])('reads %p as false', (a) => {
    expect(question(parseQuestionRow(row('判断', '说法。', [], a), cols)).answer).toEqual([1]);
  });
});

describe('labels left in stems', () => {
  it.each([
    ['判断题】党员必须履行义务。', '党员必须履行义务。'],
    ['【判断题】党员必须履行义务。', '党员必须履行义务。'],
    ['二。判断题 党员必须履行义务。', '党员必须履行义务。'],
    ['一、单选题：党员必须履行义务。', '党员必须履行义务。'],
    ['1.党员必须履行义务。', '党员必须履行义务。'],
    ['12、党员必须履行义务。', '党员必须履行义务。'],
    ['（1）党员必须履行义务。', '党员必须履行义务。'],
    ['1921年7月，中共一大召开。', '1921年7月，中共一大召开。'],
    ['1.5亿人参加。', '1.5亿人参加。'],
    ['第1题、党员必须履行义务。', '党员必须履行义务。'],
    ['第 12 题．党员必须履行义务。', '党员必须履行义务。'],
    ['第一题：党员必须履行义务。', '党员必须履行义务。'],
    ['【判断题】第3题 党员必须履行义务。', '党员必须履行义务。'],
    ['第一次全国代表大会在上海召开。', '第一次全国代表大会在上海召开。'],
  ])('strips %p', (raw, stem) => {
    expect(stripStemLabel(raw)).toBe(stem);
  });

  it.each(['【判断题】', '判断题】', '第1题、', '一、单选题：1.'])('refuses a stem that is only the label %p, on the stem column', (label) => {
    expect(parseQuestionRow(row('判断', label, [], '对'), cols)).toEqual({ ok: false, reason: `题干为空（只有“${label}”）`, column: 'stem' });
  });

  it('stores the stem without the label, so labelled copies are duplicates', () => {
    const a = question(parseQuestionRow(row('判断', '【判断题】党员必须履行义务。', [], '对'), cols));
    const b = question(parseQuestionRow(row('判断', '党员必须履行义务。', [], '对'), cols));
    expect(a.stem).toBe('党员必须履行义务。');
    expect(questionKey(a.stem, a.options)).toBe(questionKey(b.stem, b.options));
  });
});

describe('type words', () => {
  it.each([
    ['multi', 'multiple'],
    ['multiple', 'multiple'],
    ['多选', 'multiple'],
    ['多项选择题', 'multiple'],
    ['单选', 'single'],
    ['单项选择题', 'single'],
    ['判断', 'judge'],
    ['填空', 'fill'],
    ['不定项', 'multiple'],
  ])('reads %p as %p', (raw, type) => {
    expect(parseQuestionType(raw)).toBe(type);
  });

  it('accepts 不定项 with one correct answer as a multiple-choice question', () => {
    expect(question(parseQuestionRow(row('不定项', '下列正确的是？', ['甲', '乙', '丙'], 'B'), cols))).toMatchObject({ type: 'multiple', answer: [1] });
  });
});

describe('duplicate options', () => {
  it('names the second copy and the option it repeats, on that option\'s column', () => {
    expect(parseQuestionRow(row('单选', '下列正确的是？', ['遵义会议', '古田会议', '遵义会议。', '洛川会议'], 'A'), cols)).toEqual({ ok: false, reason: '选项 C 与选项 A 相同', column: 'option2' });
    expect(parseQuestionRow(row('多选', '下列正确的是？', ['甲', '乙', '丙', 'Ｂ', 'b'], 'AB'), cols)).toEqual({ ok: false, reason: '选项 E 与选项 D 相同', column: 'option4' });
  });
});

describe('row problems name their column', () => {
  it.each([
    [row('单选', '', ['a', 'b'], 'A'), 'stem'],
    [row('单选', '题', ['a', 'b'], 'E'), 'answer'],
    [row('单选', '题', ['同', '同'], 'A'), 'option1'],
    [row('问答', '题', [], '略'), 'type'],
  ])('(%#)', (cells, column) => {
    const r = parseQuestionRow(cells, cols);
    expect(r.ok ? null : r.column).toBe(column);
  });
});
