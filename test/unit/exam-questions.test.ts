import {
  findQuestionHeader,
  parseBlanks,
  parseChoiceLetters,
  parseJudgeAnswer,
  parseQuestionRow,
  questionKey,
  questionToRow,
  TEMPLATE_HEADER,
  type ColumnKey,
} from '../../core/domain/exam/questions';
import { AREA_TAGS } from '../../core/domain/exam/questions';
import { seedQuestions } from '../../functions/exam/bank';
import { SEED_BANK } from '../../functions/exam/seed-bank';

const header = findQuestionHeader([TEMPLATE_HEADER]);
if (!header) throw new Error('template header not found');
const cols = header.columns;

/** A template row: type, stem, options A–H, answer, explanation, tags, difficulty. */
function row(type: string, stem: string, options: string[], answer: string, extra: Partial<{ explanation: string; tags: string; difficulty: string }> = {}): string[] {
  return [type, stem, ...Array.from({ length: 8 }, (_, i) => options[i] ?? ''), answer, extra.explanation ?? '', extra.tags ?? '', extra.difficulty ?? ''];
}

describe('question import: answers as real banks write them', () => {
  it.each(['ABD', 'A,B,D', 'A;B;D', 'A、B、D', 'a b d', 'Ａ，Ｂ；Ｄ', ' A , B , D '])('reads multiple-choice letters %p as A, B, D', (raw) => {
    expect(parseChoiceLetters(raw)).toEqual([0, 1, 3]);
  });

  it('refuses letters beyond H and words', () => {
    expect(parseChoiceLetters('AZ')).toBeNull();
    expect(parseChoiceLetters('正确')).toBeNull();
    expect(parseChoiceLetters('')).toBeNull();
  });

  it.each([
    ['对', true],
    ['√', true],
    ['正确', true],
    ['T', true],
    ['true', true],
    ['错', false],
    ['×', false],
    ['错误', false],
    ['F', false],
    ['Ｆ', false],
  ])('reads the true/false answer %p as %p', (raw, value) => {
    expect(parseJudgeAnswer(raw)).toBe(value);
  });

  it('reads fill-in blanks separated by ；/; with alternatives of one blank separated by / or |', () => {
    expect(parseBlanks('遵义/遵义会议；毛泽东')).toEqual([['遵义', '遵义会议'], ['毛泽东']]);
    // | marks alternatives within one blank (issue 15: 二十二|22 is one blank), not a second blank.
    expect(parseBlanks('上海 | 嘉兴／南湖')).toEqual([['上海', '嘉兴', '南湖']]);
  });
});

describe('question import: one row', () => {
  it('reads a single-choice row, dropping option labels and full-width spaces', () => {
    const r = parseQuestionRow(row('单选题', '　一大在哪里开幕？', ['A. 上海', 'B、北京', '（C）广州', '南昌'], 'Ａ', { tags: '党史，一大', difficulty: '易' }), cols);
    expect(r).toEqual({
      ok: true,
      question: {
        type: 'single',
        stem: '一大在哪里开幕？',
        options: ['上海', '北京', '广州', '南昌'],
        answer: [0],
        blanks: [],
        explanation: '',
        tags: ['党史', '一大'],
        difficulty: 1,
        examOnly: false,
      },
    });
  });

  it('reads a judge row with its two fixed options', () => {
    const r = parseQuestionRow(row('判断', '预备期为一年。', [], '√'), cols);
    expect(r.ok && r.question).toMatchObject({ type: 'judge', options: ['正确', '错误'], answer: [0] });
  });

  it('infers the type when the type column is blank', () => {
    const multi = parseQuestionRow(row('', '四史包括？', ['党史', '新中国史', '改革开放史', '世界史'], 'A、B、C'), cols);
    expect(multi.ok && multi.question.type).toBe('multiple');
    const judge = parseQuestionRow(row('', '说法正确。', [], '错'), cols);
    expect(judge.ok && judge.question).toMatchObject({ type: 'judge', answer: [1] });
    const fill = parseQuestionRow(row('', '____会议确立了毛泽东的领导地位。', [], '遵义'), cols);
    expect(fill.ok && fill.question).toMatchObject({ type: 'fill', blanks: [['遵义']] });
  });

  it.each([
    [row('单选', '', ['a', 'b'], 'A'), '题干为空'],
    [row('单选', '题', ['a', 'b'], ''), '缺少答案'],
    [row('单选', '题', ['a', 'b'], 'E'), '答案 E 超出了选项范围（共 2 个选项）'],
    [row('单选', '题', ['a', 'b', 'c'], 'AB'), '单选题只能有一个答案'],
    [row('多选', '题', ['a', 'b', 'c'], 'B'), '多选题至少应有两个正确答案'],
    [row('单选', '题', ['a', '', 'c'], 'A'), '选项 B 为空，但后面还有选项'],
    [row('单选', '题', ['a'], 'A'), '选择题至少需要两个选项'],
    [row('单选', '题', ['同', '同'], 'A'), '选项 B 与选项 A 相同'],
    [row('问答', '题', [], '略'), '无法识别题型“问答”（应为单选、多选、判断或填空）'],
    [row('判断', '题', [], '也许'), '判断题答案“也许”应为 对/错、√/×、正确/错误 或 T/F'],
    [row('单选', '题', ['a', 'b'], '甲'), '答案“甲”不是选项字母（如 B 或 ABD）'],
    [row('单选', '题', ['a', 'b'], 'A', { difficulty: '超难' }), '无法识别难度“超难”（应为 易、中、难 或 1–3）'],
  ])('rejects a bad row with its reason (%#)', (cells, reason) => {
    // The result also names the column (issue 15); the reason stays exactly as it was.
    expect(parseQuestionRow(cells, cols)).toMatchObject({ ok: false, reason });
  });

  it('finds a header below a title row and with other column names', () => {
    const found = findQuestionHeader([['党史题库（2026年）'], ['序号', '题目类型', '题目', 'A', 'B', 'C', 'D', '正确答案', '答案解析', '分类']]);
    expect(found?.index).toBe(1);
    const map = found?.columns as Map<ColumnKey, number>;
    expect([map.get('type'), map.get('stem'), map.get('option0'), map.get('option3'), map.get('answer'), map.get('explanation'), map.get('tags')]).toEqual([1, 2, 3, 6, 7, 8, 9]);
  });

  it('keys duplicates by stem and options, ignoring spaces and punctuation', () => {
    expect(questionKey('一大 在哪里召开？', ['上海', '北京'])).toBe(questionKey('一大在哪里召开?', ['上海 ', '北京。']));
    expect(questionKey('下列说法正确的是', ['甲', '乙'])).not.toBe(questionKey('下列说法正确的是', ['丙', '丁']));
  });

  it('writes a question back to the template row it would be read from', () => {
    const r = parseQuestionRow(row('多选', '题干', ['a', 'b', 'c', 'd'], 'BD', { explanation: '解析', tags: '党史、改革开放史', difficulty: '3' }), cols);
    if (!r.ok) throw new Error(r.reason);
    expect(parseQuestionRow(questionToRow(r.question), cols)).toEqual(r);
  });
});

describe('built-in question bank', () => {
  const questions = seedQuestions();

  it('holds at least 200 questions, every one read by the import parser', () => {
    expect(SEED_BANK.length).toBeGreaterThanOrEqual(200);
    expect(questions).toHaveLength(SEED_BANK.length);
  });

  it('covers all four 四史 areas and 党章党规, each with enough questions for a paper', () => {
    for (const tag of AREA_TAGS) expect(questions.filter((q) => q.tags.includes(tag)).length).toBeGreaterThanOrEqual(30);
  });

  it('has an explanation for every question and no duplicates', () => {
    expect(questions.filter((q) => q.explanation.length < 6)).toEqual([]);
    const keys = questions.map((q) => questionKey(q.stem, q.options));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has as many blanks in each fill-in stem as in its answer', () => {
    for (const q of questions.filter((x) => x.type === 'fill')) {
      expect({ stem: q.stem, blanks: (q.stem.match(/_{2,}/g) ?? []).length }).toEqual({ stem: q.stem, blanks: q.blanks.length });
    }
  });

  it('mixes all four types and spreads single-choice answers over the letters', () => {
    const types = new Set(questions.map((q) => q.type));
    expect([...types].sort()).toEqual(['fill', 'judge', 'multiple', 'single']);
    const letters = [0, 1, 2, 3].map((i) => questions.filter((q) => q.type === 'single' && q.answer[0] === i).length);
    const singles = questions.filter((q) => q.type === 'single').length;
    for (const n of letters) expect(n).toBeGreaterThan(singles * 0.12);
  });
});
