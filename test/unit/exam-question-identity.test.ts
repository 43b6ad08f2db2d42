// What identifies a question across imports (issue 15): the file's ID column, else type and folded stem.
import { describeChanges, isCurrentIdent, lineWithoutKey, mergedContent, normaliseRef, questionIdent, rowConflict } from '../../core/domain/exam/questionIdentity';
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

  it('gives a stored stem that kept its label (stored before labels were stripped) the identity of the clean stem', () => {
    expect(questionIdent('judge', '【判断题】党员必须履行义务')).toBe(questionIdent('judge', '党员必须履行义务'));
    expect(questionIdent('judge', '二。判断题 预备党员的预备期为一年。')).toBe(questionIdent('judge', '预备党员的预备期为一年。'));
    expect(questionIdent('single', '1. 遵义会议召开于哪一年？')).toBe(questionIdent('single', '遵义会议召开于哪一年？'));
    // A year is not numbering.
    expect(questionIdent('single', '1921年中共一大在哪里召开？')).not.toBe(questionIdent('single', '中共一大在哪里召开？'));
  });

  it('tells an identity computed by the current rule from one an older rule stored (or none)', () => {
    expect(isCurrentIdent(questionIdent('judge', '【判断题】党员必须履行义务'))).toBe(true);
    expect(isCurrentIdent('judge|判断题党员必须履行义务')).toBe(false);
    expect(isCurrentIdent(undefined)).toBe(false);
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

  it('says exactly what changes in the options, letter by letter: old → new, added, removed', () => {
    const four = q({ options: ['1934', '1935', '1936', '1937'] });
    expect(describeChanges(four, q({ options: ['1934', '1935年', '1936', '1937'] }))).toEqual(['选项 B：“1935” → “1935年”']);
    expect(describeChanges(four, q({ options: ['1934', '1935', '1936', '1937', '1938'] }))).toEqual(['新增选项 E：“1938”']);
    expect(describeChanges(four, q({ options: ['1934', '1935', '1936'] }))).toEqual(['删去选项 D：“1937”']);
    expect(describeChanges(four, q({ options: ['1933', '1935', '1936'] }))).toEqual(['选项 A：“1934” → “1933”', '删去选项 D：“1937”']);
    // A long option is shortened in the line, never in the question.
    const long = '中国共产党第十一届中央委员会第三次全体会议在北京召开';
    expect(describeChanges(q(), q({ options: ['1934', long] }))).toEqual([`选项 B：“1935” → “${long.slice(0, 20)}…”`]);
  });

  it('says exactly what changes in the explanation: old → new, shortened when long, added or removed', () => {
    expect(describeChanges(q({ explanation: '1935年1月召开。' }), q({ explanation: '1935年1月在贵州遵义召开。' }))).toEqual(['解析：“1935年1月召开。” → “1935年1月在贵州遵义召开。”']);
    expect(describeChanges(q(), q({ explanation: '1935年1月召开。' }))).toEqual(['新增解析：“1935年1月召开。”']);
    expect(describeChanges(q({ explanation: '1935年1月召开。' }), q())).toEqual(['删去解析']);
    const long = '遵义会议是党的历史上一个生死攸关的转折点，确立了毛泽东同志在党中央和红军的领导地位。';
    expect(describeChanges(q({ explanation: '旧的解析' }), q({ explanation: long }))).toEqual([`解析：“旧的解析” → “${long.slice(0, 30)}…”`]);
  });

  it('holds the explanation from a reader the key is held from, as it holds the answer', () => {
    expect(lineWithoutKey('答案 A → B')).toBe('答案有改动');
    expect(lineWithoutKey('解析：“旧” → “答案是B”')).toBe('解析有改动');
    expect(lineWithoutKey('新增解析：“答案是B”')).toBe('解析有改动');
    expect(lineWithoutKey('选项 B：“1935” → “1935年”')).toBe('选项 B：“1935” → “1935年”');
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
