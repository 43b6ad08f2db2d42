// The question editor's form model (src/subpackages/exam-admin/questionForm.ts): a stored question
// as the form, the form as the saveQuestion payload, and the check said before the round trip —
// which must accept what the import accepts (a 不定项 question with one correct option).
import type { QuestionDetail } from '../../core/contracts';
import { findQuestionHeader, parseQuestionRow, questionProblem, TEMPLATE_HEADER, type QuestionContent } from '../../core/domain/exam/questions';
import { formOf, inputOf } from '../../src/subpackages/exam-admin/questionForm';

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
});
