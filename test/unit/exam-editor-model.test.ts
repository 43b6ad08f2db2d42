// The exam editor's form model: a new exam's defaults, a saved draft as the form, each change, the
// paper's totals and the pass mark that follows them, the checks said before saving (in the order
// the editor says them) and the saveExam payload, which the contract's schema accepts.
import { examSchemas } from '../../core/contracts/exam';
import type { ExamDraftView } from '../../core/contracts';
import {
  autoPass,
  blankExamForm,
  DEFAULT_RULES,
  examDraftOf,
  examFormOf,
  examFormProblem,
  examPublishQuestion,
  practiceNote,
  learnTypes,
  paperTotals,
  typeCounts,
  unknownQuestionIds,
  updateExamForm,
  type ExamForm,
} from '../../src/subpackages/exam-admin/editorModel';
import { formatWindow } from '../../src/subpackages/exam-admin/components/format';

/** UTC instant of a Beijing wall time. */
const beijing = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h - 8, mi, s);
const NOW = beijing(2025, 5, 1, 10, 17, 42); // Thursday 1 May 2025, 10:17:42 Beijing
const BRANCHES = [
  { id: 'br-school', name: '实验中学党支部' },
  { id: 'br-office', name: '机关党支部' },
  { id: 'br-retired', name: '离退休党支部' },
];

/** A blank form that passes every check: titled, for one branch. */
const valid = (patch: Partial<ExamForm> = {}): ExamForm => ({ ...blankExamForm(NOW), title: '党史知识测试', unitIds: ['br-school'], ...patch });

const savedExam = (patch: Partial<ExamDraftView['exam']> = {}): ExamDraftView['exam'] => ({
  title: '第一季度测试',
  description: '闭卷',
  unitIds: ['br-school', 'br-office'],
  opensAt: beijing(2025, 5, 2, 9),
  closesAt: beijing(2025, 5, 9, 18),
  durationMinutes: 45,
  paper: { mode: 'rules', rules: [{ type: 'judge', tag: '党史', count: 10 }] },
  points: { single: 2, multiple: 4, judge: 1, fill: 3 },
  multiplePartial: true,
  shuffleQuestions: false,
  shuffleOptions: true,
  passScore: 8,
  maxAttempts: 2,
  releaseAnswers: 'after_submit',
  switchTolerance: 5,
  ...patch,
});

describe('a new exam', () => {
  it('opens now (to the minute) and closes at 18:00 Beijing a week later', () => {
    const form = blankExamForm(NOW);
    expect(form.opensAt).toBe(beijing(2025, 5, 1, 10, 17));
    expect(form.closesAt).toBe(beijing(2025, 5, 8, 18, 0));
  });

  it('starts untitled, for nobody yet, 60 minutes, drawn by the default rules, answers after the close', () => {
    const form = blankExamForm(NOW);
    expect(form).toMatchObject({
      title: '',
      description: '',
      allUnits: false,
      unitIds: [],
      durationMinutes: 60,
      mode: 'rules',
      rules: DEFAULT_RULES,
      questionIds: [],
      points: { single: 2, multiple: 3, judge: 1, fill: 2 },
      multiplePartial: false,
      shuffleQuestions: true,
      shuffleOptions: true,
      passTouched: false,
      maxAttempts: 1,
      releaseAnswers: 'after_close',
      switchTolerance: 3,
    });
  });

  it('with the default rules and points has 55 questions worth 100, and passes at 60', () => {
    expect(paperTotals(blankExamForm(NOW), {})).toEqual({ counts: { single: 20, multiple: 10, judge: 20, fill: 5 }, questionCount: 55, total: 100, passScore: 60 });
  });

  it('gets its own copy of the default points', () => {
    expect(blankExamForm(NOW).points).not.toBe(blankExamForm(NOW).points);
  });
});

describe('a saved draft as the form', () => {
  it('keeps every setting, and its pass mark no longer follows the total', () => {
    const form = examFormOf(savedExam());
    expect(form).toEqual({
      title: '第一季度测试',
      description: '闭卷',
      allUnits: false,
      unitIds: ['br-school', 'br-office'],
      opensAt: beijing(2025, 5, 2, 9),
      closesAt: beijing(2025, 5, 9, 18),
      durationMinutes: 45,
      mode: 'rules',
      rules: [{ type: 'judge', tag: '党史', count: 10 }],
      questionIds: [],
      points: { single: 2, multiple: 4, judge: 1, fill: 3 },
      multiplePartial: true,
      shuffleQuestions: false,
      shuffleOptions: true,
      passScore: 8,
      passTouched: true,
      maxAttempts: 2,
      releaseAnswers: 'after_submit',
      switchTolerance: 5,
    });
    expect(paperTotals(form, {}).passScore).toBe(8);
  });

  it('reads no units as the whole organisation', () => {
    expect(examFormOf(savedExam({ unitIds: [] }))).toMatchObject({ allUnits: true, unitIds: [] });
  });

  it('a fixed paper keeps its questions and offers the default rules if the organiser switches to rules', () => {
    const form = examFormOf(savedExam({ paper: { mode: 'fixed', questionIds: ['q1', 'q2'] } }));
    expect(form).toMatchObject({ mode: 'fixed', questionIds: ['q1', 'q2'], rules: DEFAULT_RULES });
  });
});

describe('changes', () => {
  it('set changes the named fields only', () => {
    const form = blankExamForm(NOW);
    const next = updateExamForm(form, { type: 'set', patch: { title: '新标题', durationMinutes: 30 } });
    expect(next).toEqual({ ...form, title: '新标题', durationMinutes: 30 });
    expect(form.title).toBe('');
  });

  it('branch chips add and remove branches; 全体支部 clears them and is cleared by choosing one', () => {
    let form = blankExamForm(NOW);
    form = updateExamForm(form, { type: 'toggleUnit', chip: 'br-school' });
    form = updateExamForm(form, { type: 'toggleUnit', chip: 'br-retired' });
    expect(form).toMatchObject({ allUnits: false, unitIds: ['br-school', 'br-retired'] });
    form = updateExamForm(form, { type: 'toggleUnit', chip: 'br-school' });
    expect(form.unitIds).toEqual(['br-retired']);
    form = updateExamForm(form, { type: 'toggleUnit', chip: 'all' });
    expect(form).toMatchObject({ allUnits: true, unitIds: [] });
    form = updateExamForm(form, { type: 'toggleUnit', chip: 'br-office' });
    expect(form).toMatchObject({ allUnits: false, unitIds: ['br-office'] });
    form = updateExamForm(updateExamForm(form, { type: 'toggleUnit', chip: 'all' }), { type: 'toggleUnit', chip: 'all' });
    expect(form).toMatchObject({ allUnits: false, unitIds: [] });
  });

  it('picking a question adds it to the fixed paper, picking it again drops it', () => {
    let form = blankExamForm(NOW);
    form = updateExamForm(form, { type: 'toggleQuestion', questionId: 'q1' });
    form = updateExamForm(form, { type: 'toggleQuestion', questionId: 'q2' });
    expect(form.questionIds).toEqual(['q1', 'q2']);
    expect(updateExamForm(form, { type: 'toggleQuestion', questionId: 'q1' }).questionIds).toEqual(['q2']);
  });

  it('points change one question type', () => {
    const form = updateExamForm(blankExamForm(NOW), { type: 'points', questionType: 'multiple', points: 2.5 });
    expect(form.points).toEqual({ single: 2, multiple: 2.5, judge: 1, fill: 2 });
  });

  it('a pass mark typed (or just saved) stays, whatever the total does afterwards', () => {
    let form = updateExamForm(blankExamForm(NOW), { type: 'passScore', passScore: 75 });
    expect(form).toMatchObject({ passScore: 75, passTouched: true });
    form = updateExamForm(form, { type: 'points', questionType: 'single', points: 10 });
    expect(paperTotals(form, {}).passScore).toBe(75);
  });
});

describe('the paper’s totals', () => {
  it('the pass mark follows 60 % of the total, rounded up, until the organiser sets one', () => {
    expect(autoPass(10)).toBe(6);
    expect(autoPass(70)).toBe(42);
    expect(autoPass(11)).toBe(7);
    expect(autoPass(0)).toBe(0);
    const rules = valid({ rules: [{ type: 'single', tag: null, count: 4 }, { type: 'judge', tag: null, count: 2 }] });
    expect(paperTotals(rules, {})).toMatchObject({ questionCount: 6, total: 10, passScore: 6 });
  });

  it('a drawn paper counts its rules (two rules of one type add up)', () => {
    const form = valid({ rules: [{ type: 'fill', tag: 'a', count: 2 }, { type: 'fill', tag: 'b', count: 3 }] });
    expect(typeCounts(form, {})).toEqual({ single: 0, multiple: 0, judge: 0, fill: 5 });
  });

  it('a fixed paper is unknown (…) until the type of every question is known', () => {
    const form = valid({ mode: 'fixed', questionIds: ['q1', 'q2', 'q3'] });
    expect(paperTotals(form, { q1: 'single', q2: 'multiple' })).toEqual({ counts: null, questionCount: null, total: null, passScore: 0 });
    expect(unknownQuestionIds(form, { q1: 'single', q2: 'multiple' })).toEqual(['q3']);
    const known = { q1: 'single', q2: 'multiple', q3: 'multiple' } as const;
    expect(paperTotals(form, known)).toEqual({ counts: { single: 1, multiple: 2, judge: 0, fill: 0 }, questionCount: 3, total: 8, passScore: 5 });
    expect(unknownQuestionIds(form, known)).toEqual([]);
  });

  it('a drawn paper asks for no question types, even when questions were picked before switching', () => {
    expect(unknownQuestionIds(valid({ questionIds: ['q1'] }), {})).toEqual([]);
  });

  it('learning types keeps the same object when nothing is new (so the page does not render again)', () => {
    const known = { q1: 'single' as const };
    expect(learnTypes(known, [{ id: 'q1', type: 'single' }])).toBe(known);
    const next = learnTypes(known, [{ id: 'q2', type: 'fill' }]);
    expect(next).toEqual({ q1: 'single', q2: 'fill' });
    expect(known).toEqual({ q1: 'single' });
  });
});

describe('checks before saving', () => {
  it('a complete form has no problem', () => {
    expect(examFormProblem(valid())).toBeNull();
    expect(examFormProblem(valid({ unitIds: [], allUnits: true }))).toBeNull();
    expect(examFormProblem(valid({ mode: 'fixed', questionIds: ['q1'] }))).toBeNull();
  });

  it('asks for a title (spaces are not one)', () => {
    expect(examFormProblem(valid({ title: '' }))).toBe('请填写考试名称');
    expect(examFormProblem(valid({ title: '   ' }))).toBe('请填写考试名称');
  });

  it('asks for the branches taking it', () => {
    expect(examFormProblem(valid({ unitIds: [] }))).toBe('请选择参加考试的支部');
  });

  it('wants the close after the open (the same minute is not)', () => {
    const opensAt = beijing(2025, 5, 2, 9);
    expect(examFormProblem(valid({ opensAt, closesAt: opensAt }))).toBe('结束时间应晚于开始时间');
    expect(examFormProblem(valid({ opensAt, closesAt: opensAt - 60_000 }))).toBe('结束时间应晚于开始时间');
  });

  it('a fixed paper needs a question; a drawn paper does not', () => {
    expect(examFormProblem(valid({ mode: 'fixed', questionIds: [] }))).toBe('请至少选择一道题');
    expect(examFormProblem(valid({ mode: 'rules', questionIds: [] }))).toBeNull();
  });

  it('says the first problem, in the order of the form', () => {
    expect(examFormProblem(blankExamForm(NOW))).toBe('请填写考试名称');
    expect(examFormProblem(valid({ unitIds: [], closesAt: 0, mode: 'fixed' }))).toBe('请选择参加考试的支部');
    expect(examFormProblem(valid({ closesAt: 0, mode: 'fixed' }))).toBe('结束时间应晚于开始时间');
  });
});

describe('the saveExam payload', () => {
  it('trims the words, sends the branches and the drawn paper with the pass mark shown, and fits the contract', () => {
    const form = valid({ title: '  党史知识测试 ', description: ' 闭卷作答\n ', unitIds: ['br-school', 'br-office'] });
    const exam = examDraftOf(form, paperTotals(form, {}).passScore);
    expect(exam).toEqual({
      title: '党史知识测试',
      description: '闭卷作答',
      unitIds: ['br-school', 'br-office'],
      opensAt: beijing(2025, 5, 1, 10, 17),
      closesAt: beijing(2025, 5, 8, 18),
      durationMinutes: 60,
      paper: { mode: 'rules', rules: DEFAULT_RULES },
      points: { single: 2, multiple: 3, judge: 1, fill: 2 },
      multiplePartial: false,
      shuffleQuestions: true,
      shuffleOptions: true,
      passScore: 60,
      maxAttempts: 1,
      releaseAnswers: 'after_close',
      switchTolerance: 3,
    });
    expect(examSchemas.saveExam.safeParse({ examId: null, exam }).success).toBe(true);
  });

  it('sends the whole organisation as no units, even if branches were chosen before', () => {
    const form = { ...valid(), allUnits: true, unitIds: ['br-school'] };
    expect(examDraftOf(form, 60).unitIds).toEqual([]);
  });

  it('sends a fixed paper as its questions only', () => {
    const exam = examDraftOf(valid({ mode: 'fixed', questionIds: ['q1', 'q2'] }), 3);
    expect(exam.paper).toEqual({ mode: 'fixed', questionIds: ['q1', 'q2'] });
    expect(exam.passScore).toBe(3);
    expect(examSchemas.saveExam.safeParse({ examId: 'exam-1', exam }).success).toBe(true);
  });

  it('a saved draft round-trips to the same payload', () => {
    const saved = savedExam();
    const form = examFormOf(saved);
    expect(examDraftOf(form, paperTotals(form, {}).passScore)).toEqual(saved);
  });
});

describe('the question before publishing', () => {
  it('names the branches in the list’s order, or 全体支部, and the window', () => {
    const form = valid({ unitIds: ['br-retired', 'br-school'], opensAt: beijing(2025, 5, 2, 9), closesAt: beijing(2025, 5, 9, 18) });
    const window = formatWindow(form.opensAt, form.closesAt);
    const whole = '抽题范围内的题在考试结束后一天内不会出现在每日答题和知识竞赛中；单选题、多选题、判断题、填空题没有限定标签，题库里的这类题都会暂停用于每日答题，按标签抽题可以留出其余的题。';
    expect(examPublishQuestion(form, BRANCHES)).toBe(`面向实验中学党支部、离退休党支部，${window}。发布后试卷和设置不能再修改。${whole}确定发布吗？`);
    expect(examPublishQuestion({ ...form, allUnits: true, unitIds: [] }, BRANCHES)).toBe(`面向全体支部，${window}。发布后试卷和设置不能再修改。${whole}确定发布吗？`);
  });

  it('says what the exam takes out of the daily quiz and contests until a day after it closes', () => {
    expect(practiceNote({ mode: 'fixed', rules: [] })).toBe('试卷里的题在考试结束后一天内不会出现在每日答题和知识竞赛中。');
    expect(practiceNote({ mode: 'rules', rules: [{ type: 'judge', tag: '党史', count: 10 }] })).toBe('抽题范围内的题在考试结束后一天内不会出现在每日答题和知识竞赛中。');
    expect(
      practiceNote({
        mode: 'rules',
        rules: [
          { type: 'single', tag: '党史', count: 5 },
          { type: 'judge', tag: null, count: 5 },
          { type: 'judge', tag: null, count: 2 },
        ],
      }),
    ).toBe('抽题范围内的题在考试结束后一天内不会出现在每日答题和知识竞赛中；判断题没有限定标签，题库里的这类题都会暂停用于每日答题，按标签抽题可以留出其余的题。');
  });
});
