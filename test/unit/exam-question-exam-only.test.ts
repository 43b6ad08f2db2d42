// 仅用于考试 (issue 15): a question an organiser keeps for exams, so the daily quiz and contests
// never serve it. The import's column under its usual headers and cell values, the row error that
// names the column, the template and export column, and what a re-import says and keeps.
import { describeChanges, mergedContent } from '../../core/domain/exam/questionIdentity';
import { findQuestionHeader, parseExamOnly, parseQuestionRow, questionToRow, TEMPLATE_HEADER, type QuestionContent } from '../../core/domain/exam/questions';

const content = (over: Partial<QuestionContent> = {}): QuestionContent => ({
  type: 'judge',
  stem: '预备党员的预备期为一年。',
  options: ['正确', '错误'],
  answer: [0],
  blanks: [],
  explanation: '',
  tags: ['党章党规'],
  difficulty: 2,
  examOnly: false,
  ...over,
});

/** A file with the stem, the answer and an exam-only column under `head`. */
function parse(head: string, cell: string) {
  const header = findQuestionHeader([['题干', '答案', head]]);
  if (!header) throw new Error('no header');
  return { header, row: parseQuestionRow(['预备党员的预备期为一年。', '对', cell], header.columns) };
}

describe('the 仅用于考试 column', () => {
  it.each(['仅用于考试', '仅考试', '考试专用', '仅限考试', ' 仅用于考试* '])('is read under the header %p', (head) => {
    expect(parse(head, '是').header.columns.get('examOnly')).toBe(2);
  });

  it.each([
    ['是', true],
    ['否', false],
    ['1', true],
    ['0', false],
    ['√', true],
    ['×', false],
    ['Y', true],
    ['n', false],
    ['true', true],
    ['FALSE', false],
    ['１', true],
    ['', false],
  ])('reads %p as %p', (cell, value) => {
    expect(parseExamOnly(cell)).toBe(value);
    expect(parse('仅用于考试', cell).row).toMatchObject({ ok: true, question: { examOnly: value } });
  });

  it('refuses any other value as a problem of that column, naming what it read', () => {
    expect(parseExamOnly('也许')).toBeNull();
    expect(parse('考试专用', '也许').row).toEqual({ ok: false, reason: '无法识别“也许”（仅用于考试应填 是/否、1/0、√/×、Y/N，或留空）', column: 'examOnly' });
  });

  it('is 否 for a file without the column', () => {
    const header = findQuestionHeader([['题干', '答案']]);
    expect(header && parseQuestionRow(['预备党员的预备期为一年。', '对'], header.columns)).toMatchObject({ ok: true, question: { examOnly: false } });
  });

  it('is the template’s last column, and an exported question reads back the same', () => {
    expect(TEMPLATE_HEADER[TEMPLATE_HEADER.length - 1]).toBe('仅用于考试');
    const header = findQuestionHeader([TEMPLATE_HEADER]);
    if (!header) throw new Error('no header');
    for (const q of [content({ examOnly: true }), content()]) {
      const cells = questionToRow(q);
      expect(cells[cells.length - 1]).toBe(q.examOnly ? '是' : '否');
      expect(parseQuestionRow(cells, header.columns)).toEqual({ ok: true, question: q });
    }
  });
});

describe('a re-import and 仅用于考试', () => {
  const cols = { explanation: true, tags: true, difficulty: true };

  it('says the change in words: 仅用于考试 否 → 是', () => {
    expect(describeChanges(content(), content({ examOnly: true }))).toEqual(['仅用于考试 否 → 是']);
    expect(describeChanges(content({ examOnly: true }), content({ answer: [1] }))).toEqual(['答案 对 → 错', '仅用于考试 是 → 否']);
  });

  it('keeps the stored value when the file has no such column, and takes the file’s when it has', () => {
    expect(mergedContent(content({ examOnly: true }), content(), { ...cols, examOnly: false })).toMatchObject({ examOnly: true });
    expect(mergedContent(content({ examOnly: true }), content(), { ...cols, examOnly: true })).toMatchObject({ examOnly: false });
  });

  it('reads a history record written before the field existed as 否', () => {
    const { examOnly: _omit, ...older } = content();
    expect(describeChanges(older as QuestionContent, content())).toEqual([]);
    expect(describeChanges(older as QuestionContent, content({ examOnly: true }))).toEqual(['仅用于考试 否 → 是']);
  });
});
