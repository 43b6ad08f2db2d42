// What identifies a question across imports (issue 15): the file's ID column, else type and folded stem.
import { describeChanges, mergedContent, normaliseRef, questionIdent, rowConflict } from '../../core/domain/exam/questionIdentity';
import { findQuestionHeader, LIMITS, type QuestionContent } from '../../core/domain/exam/questions';

const q = (over: Partial<QuestionContent> = {}): QuestionContent => ({
  type: 'single',
  stem: '遵义会议召开于哪一年？',
  options: ['1934', '1935'],
  answer: [0],
  blanks: [],
  explanation: '',
  tags: ['党史'],
  difficulty: 1,
  examOnly: false,
  ...over,
});

describe('question identity', () => {
  it('folds spacing, full/half-width punctuation and quotes in the stem, and keeps the type apart', () => {
    expect(questionIdent('single', '“遵义会议”召开于 哪一年？')).toBe(questionIdent('single', '"遵义会议"召开于哪一年?'));
    expect(questionIdent('single', '遵义会议召开于哪一年？')).not.toBe(questionIdent('judge', '遵义会议召开于哪一年？'));
    expect(normaliseRef(' ds－００１ ')).toBe('DS-001');
    expect(normaliseRef('  ')).toBeNull();
  });

  it('reads 题目编号, 编号 and ID as the question ID, but not 题号 or 序号 (row numbers in exports)', () => {
    for (const h of ['题目编号', '编号', 'ID', '试题ID']) expect(findQuestionHeader([[h, '题干', '答案']])?.columns.get('ref')).toBe(0);
    for (const h of ['题号', '序号']) expect(findQuestionHeader([[h, '题干', '答案']])?.columns.has('ref')).toBe(false);
  });

  it('says what a re-import changes: the key, tags added and removed, difficulty', () => {
    expect(describeChanges(q(), q())).toEqual([]);
    expect(describeChanges(q(), q({ answer: [1], tags: ['四史'], difficulty: 3 }))).toEqual(['答案 A → B', '标签 +四史 −党史', '难度 1 → 3']);
    expect(describeChanges(q({ type: 'fill', options: [], answer: [], blanks: [['上海']] }), q({ type: 'fill', options: [], answer: [], blanks: [['上海', '沪']] }))).toEqual(['答案 上海 → 上海/沪']);
  });

  it('says a change of the type alone (单选 → 不定项 is a 多选题), and a judge question that stays one changes nothing', () => {
    expect(describeChanges(q(), q({ type: 'multiple' }))).toEqual(['题型 单选题 → 多选题']);
    expect(describeChanges(q(), q({ type: 'multiple', answer: [0, 1] }))).toEqual(['题型 单选题 → 多选题', '答案 A → AB']);
    const judge = q({ type: 'judge', options: ['正确', '错误'], answer: [0] });
    expect(describeChanges(judge, { ...judge })).toEqual([]);
    // The file's type reaches the merged content whatever columns the file lacks.
    const none = { explanation: false, tags: false, difficulty: false, examOnly: false };
    expect(mergedContent(q(), q({ type: 'multiple' }), none).type).toBe('multiple');
  });

  it('keeps what the bank holds for the columns a file lacks', () => {
    const cols = { explanation: false, tags: false, difficulty: true, examOnly: false };
    expect(mergedContent(q({ explanation: '旧解析', tags: ['甲'] }), q({ tags: [], difficulty: 2 }), cols)).toMatchObject({ explanation: '旧解析', tags: ['甲'], difficulty: 2 });
  });

  it('merges two rows of one file that say the same, and names the difference otherwise', () => {
    expect(rowConflict(q(), q({ explanation: '另一个解析' }))).toBeNull();
    expect(rowConflict(q(), q({ answer: [1] }))).toBe('答案不同（A / B）');
    expect(rowConflict(q(), q({ options: ['1934', '1936'] }))).toBe('选项不同');
    expect(rowConflict(q(), q({ type: 'multiple' }))).toBe('题型不同（单选题 / 多选题）');
  });

  it('allows tags of 30 characters', () => {
    expect(LIMITS.tag).toBe(30);
  });
});
