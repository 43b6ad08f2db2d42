// The question editor's form model (src/subpackages/exam-admin/questionForm.ts): a stored question
// as the form, the form as the saveQuestion payload, and the check said before the round trip —
// which must accept what the import accepts (a 不定项 question with one correct option).
import type { QuestionDetail } from '../../core/contracts';
import { findQuestionHeader, parseQuestionRow, questionProblem, TEMPLATE_HEADER, type QuestionContent } from '../../core/domain/exam/questions';
import { examSchemas } from '../../core/contracts/exam';
import { EMPTY, formOf, formProblem, inputOf, withType, type Form } from '../../src/subpackages/exam-admin/questionForm';

const header = findQuestionHeader([TEMPLATE_HEADER]);
if (!header) throw new Error('template header not recognised');
const cols = header.columns;

/** A row of the template: type, stem, options A–H, answer. */
const row = (type: string, stem: string, options: string[], answer: string) => [type, stem, ...Array.from({ length: 8 }, (_, i) => options[i] ?? ''), answer, '', '党史', '中'];

function imported(cells: string[]): QuestionContent {
  const parsed = parseQuestionRow(cells, cols);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.question;
}

/** What getQuestion answers for a stored question. */
const detailOf = (q: QuestionContent): QuestionDetail => ({
  ...q,
  id: 'q1',
  status: 'active',
  version: 1,
  openReports: 0,
  updatedAt: 0,
  keyHeld: null,
});

describe('a 不定项 question in the editor', () => {
  it('GIVEN a 不定项 question the import stored with one correct option WHEN the editor saves it unchanged THEN the form check accepts it', () => {
    const q = imported(row('不定项', '下列说法正确的是？', ['甲', '乙', '丙'], 'B'));
    expect(q).toMatchObject({ type: 'multiple', answer: [1] });
    expect(questionProblem(inputOf(formOf(detailOf(q))))).toBeNull();
  });

  it('GIVEN a new multiple-choice question with one correct option THEN it is refused unless the organiser chose 不定项', () => {
    const form: Form = { ...EMPTY, type: 'multiple', stem: '下列说法正确的是？', options: ['甲', '乙', '丙'], answer: [2] };
    expect(formProblem(form, false)).toBe('多选题至少应有两个正确答案');
    const chosen = { ...form, indefinite: true };
    expect(formProblem(chosen, false)).toBeNull();
    expect(inputOf(chosen)).toMatchObject({ type: 'multiple', answer: [2], indefinite: true });
    // The payload is one the contract accepts.
    expect(examSchemas.saveQuestion.safeParse({ question: inputOf(chosen) }).success).toBe(true);
  });

  it('GIVEN 不定项 chosen WHEN the type becomes single THEN the flag is not sent (it means nothing there)', () => {
    const form = withType({ ...EMPTY, type: 'multiple', stem: '题', options: ['甲', '乙'], answer: [0], indefinite: true }, 'single');
    expect(inputOf(form).indefinite).toBe(false);
    expect(formProblem(form, false)).toBeNull();
  });

  it('GIVEN a multiple-choice question with two correct options THEN the form does not call it 不定项', () => {
    const q = imported(row('多选', '下列属于四史的是？', ['党史', '新中国史', '世界史'], 'AB'));
    expect(formOf(detailOf(q)).indefinite).toBe(false);
    // 多选 with one answer stays refused by the import: only 不定项 allows it.
    const one = parseQuestionRow(row('多选', '下列属于四史的是？', ['党史', '新中国史', '世界史'], 'A'), cols);
    expect(one).toMatchObject({ ok: false, reason: '多选题至少应有两个正确答案' });
  });

  it('GIVEN a key held from the organiser and left empty THEN only the server judges the save (it keeps the stored key)', () => {
    const held: Form = { ...EMPTY, type: 'multiple', stem: '题', options: ['甲', '乙', '丙'], answer: [] };
    expect(formProblem(held, true)).toBeNull();
    expect(formProblem(held, false)).toBe('缺少答案');
  });
});

describe('仅用于考试 in the editor', () => {
  it('GIVEN a question kept for exams THEN the form shows it and sends it back', () => {
    const q = imported(row('判断', '预备期为一年。', [], '对'));
    const form = formOf(detailOf({ ...q, examOnly: true }));
    expect(form.examOnly).toBe(true);
    expect(inputOf(form)).toMatchObject({ examOnly: true });
    expect(inputOf({ ...form, examOnly: false })).toMatchObject({ examOnly: false });
    expect(EMPTY.examOnly).toBe(false);
  });
});

describe('fill answers in the editor, read by the import’s rules', () => {
  const fill = (blanks: string[]): Form => ({ ...EMPTY, type: 'fill', stem: '日本于（）宣布无条件投降', blanks });

  it('GIVEN a line 1945/8/15 THEN it is one answer, not three (a / between digits is part of it)', () => {
    expect(inputOf(fill(['1945/8/15'])).blanks).toEqual([['1945/8/15']]);
  });

  it('GIVEN alternatives written with / or | or 或 THEN each is an accepted answer of that blank, and 不可或缺 stays whole', () => {
    expect(inputOf(fill(['二十二/22', '遵义会议 | 遵义', '不可或缺', '东风 或 西风'])).blanks).toEqual([['二十二', '22'], ['遵义会议', '遵义'], ['不可或缺'], ['东风', '西风']]);
  });

  it('GIVEN a stored blank whose answers hold a / THEN the form shows them apart with | and saves them back unchanged', () => {
    const stored = detailOf({ ...imported(row('填空', '日本于（）宣布无条件投降', [], '1945年8月15日')), blanks: [['1945/8/15', '1945年8月15日']] });
    const form = formOf(stored);
    expect(form.blanks).toEqual(['1945/8/15 | 1945年8月15日']);
    expect(inputOf(form).blanks).toEqual([['1945/8/15', '1945年8月15日']]);
  });
});
