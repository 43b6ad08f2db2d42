// The exam function against the local cloud: bank import, publishing (pinned versions), taking an
// exam (resume, deadline, refusals), racing submits, make-ups, organiser views and the export,
// and the rule that no member ever receives the answer key of an open exam.
import ExcelJS from 'exceljs';
import { deadlineWords } from '../../core/domain/nudge';
import type { AttemptResult, AttemptView, ExamDraftInput, ExamIntro, ExamRosterView, ExamStatsView, QuestionRow } from '../../core/contracts/exam';
import type { QuestionSheetReport as QuestionImportReport } from '../../core/contracts/examImport';
import type { Page } from '../../core/contracts/common';
import { correctAnswers as correctAnswersOf } from '../../scripts/lib/demo-exams';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
const MIN = 60_000;
// A fixed "now" in the middle of a Beijing working day.
const T0 = Date.UTC(2026, 10, 23, 2, 0, 0);

const ADMIN = 'demo-admin'; // org_admin, br-office
const ORGANISER = 'demo-organiser'; // branch organiser of br-school
const RETIRED_ORGANISER = 'demo-m-22'; // branch organiser of br-retired
const MEMBER = 'demo-member'; // br-retired
const OFFICE = ['demo-m-02', 'demo-m-03', 'demo-m-04'];
const SCHOOL = ['demo-m-12', 'demo-m-13'];

const exam = <T>(openid: string, action: string, payload: unknown = {}) => t.call<T>(openid, 'exam', action, payload);
const ok = async <T>(openid: string, action: string, payload: unknown = {}) => dataOf(await exam<T>(openid, action, payload));

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(T0);
  await ok(ADMIN, 'installSeedBank');
}, 60_000);
afterAll(async () => {
  await t?.close();
});

function draft(over: Partial<ExamDraftInput> = {}): ExamDraftInput {
  return {
    title: '党史知识闭卷测试',
    unitIds: ['br-office', 'br-school'],
    opensAt: T0 - MIN,
    closesAt: T0 + 60 * MIN,
    durationMinutes: 20,
    paper: { mode: 'rules', rules: [{ type: 'single', tag: '党史', count: 4 }, { type: 'judge', tag: null, count: 3 }, { type: 'multiple', tag: null, count: 2 }, { type: 'fill', tag: null, count: 1 }] },
    passScore: 12,
    ...over,
  };
}

async function publish(over: Partial<ExamDraftInput> = {}, by = ADMIN): Promise<string> {
  const saved = await ok<{ id: string }>(by, 'saveExam', { exam: draft(over) });
  await ok(by, 'publishExam', { examId: saved.id });
  return saved.id;
}

/** The answer key lives only on the server: read it there to answer correctly in tests. */
function keyOf(attemptId: string): Record<string, { type: string; answer: number[]; blanks: string[][] }> {
  const [doc] = t.cloud.db.find('examAttempts', { _id: attemptId }) as Array<{ key: Record<string, { type: string; answer: number[]; blanks: string[][] }>; paper: Array<{ qid: string; order: number[] }> }>;
  return doc.key;
}

function correctAnswers(view: AttemptView): Array<{ qid: string; choice?: number[]; text?: string[] }> {
  return correctAnswersOf(t.cloud.db, view.attemptId);
}

describe('question bank import', () => {
  const csv = [
    '\uFEFF题型,题干,选项A,选项B,选项C,选项D,答案,解析,标签,难度',
    '单选,测试题：红船精神的发源地是？,嘉兴南湖,延安,井冈山,西柏坡,A,一大在南湖红船上闭幕。,党史,易',
    '多选,测试题：下列属于四史的是？,党史,新中国史,改革开放史,世界史,"A、B、C",四史见说明。,"党史,新中国史",中',
    '判断,测试题：预备期为一年。,,,,,√,党章规定。,党章党规,',
    ',,,,,,,,,',
    '单选,测试题：超出范围的答案,甲,乙,,,E,,党史,',
    '问答,测试题：无法识别的题型,,,,,略,,,',
    ',,甲,乙,,,A,,,',
    '单选,测试题：红船精神的发源地是？,嘉兴南湖,延安,井冈山,西柏坡,A,重复行,党史,易',
  ].join('\r\n');

  it('previews a file row by row and saves nothing; committing saves the good rows only', async () => {
    const fileID = await t.uploadAs(ORGANISER, 'exam', 'sheet', 'bank.csv', Buffer.from(csv, 'utf8'));
    const before = t.cloud.db.count('questions', {});
    const preview = await ok<QuestionImportReport>(ORGANISER, 'importQuestions', { fileID, fileName: '题库.csv', commit: false });
    expect(preview).toMatchObject({ committed: false, total: 7, ready: 3, invalid: 3, duplicate: 1, created: 0, blankRows: 1 });
    expect(preview.rows.filter((r) => r.status === 'invalid').map((r) => [r.row, r.reason])).toEqual([
      [6, '答案 E 超出了选项范围（共 2 个选项）'],
      [7, '无法识别题型“问答”（应为单选、多选、判断或填空）'],
      [8, '题干为空'],
    ]);
    expect(preview.rows.find((r) => r.row === 9)).toMatchObject({ status: 'duplicate', reason: '与第 2 行是同一题，已合并（以第 2 行为准）' });
    expect(t.cloud.db.count('questions', {})).toBe(before);

    const committed = await ok<QuestionImportReport>(ORGANISER, 'importQuestions', { fileID, fileName: '题库.csv', commit: true });
    expect(committed).toMatchObject({ committed: true, created: 3, invalid: 3, duplicate: 1 });
    expect(t.cloud.db.count('questions', {})).toBe(before + 3);

    // The same file again: everything is already in the bank.
    const again = await ok<QuestionImportReport>(ORGANISER, 'importQuestions', { fileID, fileName: '题库.csv', commit: true });
    expect(again).toMatchObject({ created: 0, duplicate: 4 });
  });

  it('reads an xlsx bank with merged cells and a title row above the header', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('题库');
    ws.addRow(['测试题库']);
    ws.addRow(['题目类型', '题目', 'A', 'B', 'C', 'D', '正确答案', '答案解析', '分类']);
    ws.addRow(['判断题', '测试题：xlsx 判断一', '', '', '', '', '错', '解析一', '党章党规']);
    ws.addRow(['判断题', '测试题：xlsx 判断二', '', '', '', '', 'T', '解析二', '']);
    ws.mergeCells('I3:I4');
    const fileID = await t.uploadAs(ORGANISER, 'exam', 'sheet', 'bank.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await ok<QuestionImportReport>(ORGANISER, 'importQuestions', { fileID, fileName: '题库.xlsx', commit: true });
    expect(r).toMatchObject({ created: 2, invalid: 0 });
    const second = t.cloud.db.find('questions', { stem: '测试题：xlsx 判断二' })[0] as { tags: string[]; answer: number[] };
    expect(second).toMatchObject({ tags: ['党章党规'], answer: [0] });
  });

  it('refuses imports and bank changes from members', async () => {
    await expect(exam(MEMBER, 'listQuestions', {})).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(exam(MEMBER, 'installSeedBank')).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('lists the bank by keyset pages with type and tag filters', async () => {
    const first = await ok<Page<QuestionRow>>(ADMIN, 'listQuestions', { type: 'judge', tag: '党章党规', limit: 5 });
    expect(first.items).toHaveLength(5);
    expect(first.items.every((q) => q.type === 'judge' && q.tags.includes('党章党规'))).toBe(true);
    const second = await ok<Page<QuestionRow>>(ADMIN, 'listQuestions', { type: 'judge', tag: '党章党规', limit: 5, cursor: first.nextCursor });
    expect(second.items.map((q) => q.id)).not.toEqual(expect.arrayContaining(first.items.map((q) => q.id)));
  });
});

describe('taking an exam', () => {
  let examId: string;
  beforeAll(async () => {
    examId = await publish();
  });

  it('lists the exam for its branches only, with no question in sight', async () => {
    const list = await ok<Page<{ id: string; status: string }>>(OFFICE[0], 'listExams', { tab: 'todo' });
    expect(list.items.find((e) => e.id === examId)).toMatchObject({ status: 'open' });
    const other = await ok<Page<{ id: string }>>(MEMBER, 'listExams', { tab: 'todo' });
    expect(other.items.map((e) => e.id)).not.toContain(examId);
    await expect(exam(MEMBER, 'startExam', { examId })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('starts on the server with a per-person paper and deadline; a restart resumes the same paper', async () => {
    const a = await ok<AttemptView>(OFFICE[0], 'startExam', { examId });
    expect(a.questions).toHaveLength(10);
    expect(a.deadline).toBe(a.startedAt + 20 * MIN);
    const again = await ok<AttemptView>(OFFICE[0], 'startExam', { examId });
    expect(again.attemptId).toBe(a.attemptId);
    expect(again.questions.map((q) => q.qid)).toEqual(a.questions.map((q) => q.qid));
    const other = await ok<AttemptView>(OFFICE[1], 'startExam', { examId });
    expect(other.attemptId).not.toBe(a.attemptId);
  });

  it('saves answers as the member goes, and a reopened page shows them', async () => {
    const a = await ok<AttemptView>(OFFICE[0], 'startExam', { examId });
    const half = correctAnswers(a).slice(0, 5);
    const saved = await ok<{ answeredCount: number }>(OFFICE[0], 'saveAnswers', { attemptId: a.attemptId, answers: half });
    expect(saved.answeredCount).toBe(5);
    const resumed = await ok<AttemptView>(OFFICE[0], 'getAttempt', { attemptId: a.attemptId });
    expect(Object.keys(resumed.answers).sort()).toEqual(half.map((h) => h.qid).sort());
  });

  it('refuses another member’s attempt, a question not on the paper and a malformed answer, writing nothing', async () => {
    const a = await ok<AttemptView>(OFFICE[0], 'startExam', { examId });
    const before = JSON.stringify(t.cloud.db.find('examAttempts', { _id: a.attemptId }));
    await expect(exam(OFFICE[1], 'saveAnswers', { attemptId: a.attemptId, answers: [{ qid: a.questions[0].qid, choice: [0] }] })).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await expect(exam(OFFICE[0], 'saveAnswers', { attemptId: a.attemptId, answers: [{ qid: 'qNotOnPaper', choice: [0] }] })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '题目不在您的试卷上' });
    const single = a.questions.find((q) => q.type === 'single') as AttemptView['questions'][number];
    await expect(exam(OFFICE[0], 'saveAnswers', { attemptId: a.attemptId, answers: [{ qid: single.qid, choice: [0, 1] }] })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    await expect(exam(OFFICE[0], 'saveAnswers', { attemptId: a.attemptId, answers: [{ qid: single.qid, choice: [7] }] })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    // A payload claiming another identity is refused as an unknown field; identity is the caller's.
    await expect(exam(OFFICE[0], 'startExam', { examId, memberId: 'demo-member-03' })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(JSON.stringify(t.cloud.db.find('examAttempts', { _id: a.attemptId }))).toBe(before);
  });

  it('grades on submit, shows score and pass/fail at once, and the answers only after the window closes', async () => {
    const a = await ok<AttemptView>(OFFICE[0], 'startExam', { examId });
    const rest = correctAnswers(a).slice(5);
    const r = await ok<AttemptResult>(OFFICE[0], 'submitAttempt', { attemptId: a.attemptId, answers: rest });
    expect(r).toMatchObject({ score: r.total, passed: true, correctCount: 10, closedBy: 'member', review: null, reviewAt: T0 + 60 * MIN });
    // Submitting again is harmless: the same result.
    const twice = await ok<AttemptResult>(OFFICE[0], 'submitAttempt', { attemptId: a.attemptId, answers: [] });
    expect(twice.score).toBe(r.score);
    // One attempt allowed: a second start is refused, nothing written.
    await expect(exam(OFFICE[0], 'startExam', { examId })).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(t.cloud.db.count('examAttempts', { examId, memberId: 'demo-member-02' })).toBe(1);
  });

  it('closes an attempt at its deadline with what was saved, and refuses anything later', async () => {
    const a = await ok<AttemptView>(SCHOOL[0], 'startExam', { examId });
    const answers = correctAnswers(a);
    await ok(SCHOOL[0], 'saveAnswers', { attemptId: a.attemptId, answers: answers.slice(0, 3) });
    t.cloud.clock.set(a.deadline + 10_000);
    await expect(exam(SCHOOL[0], 'saveAnswers', { attemptId: a.attemptId, answers: answers.slice(3) })).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    const result = await ok<AttemptResult>(SCHOOL[0], 'getResult', { attemptId: a.attemptId });
    expect(result).toMatchObject({ closedBy: 'deadline', answeredCount: 3 });
    expect(result.submittedAt).toBe(a.deadline);
    t.cloud.clock.set(T0);
  });

  it('the timer closes attempts whose members never came back', async () => {
    const a = await ok<AttemptView>(OFFICE[2], 'startExam', { examId });
    t.cloud.clock.set(a.deadline + 60_000);
    const due = (t.cloud.db.find('examAttempts', { status: 'open' }) as Array<{ deadline: number }>).filter((d) => d.deadline < a.deadline + 30_000);
    const tick = await t.cloud.invoke('exam', { Type: 'Timer', TriggerName: 'sweepAttempts', Time: new Date().toISOString() }, { openid: '' });
    expect(tick.result).toMatchObject({ ok: true, data: { closed: due.length } });
    expect(t.cloud.db.count('examAttempts', { status: 'open' })).toBe(0);
    expect(t.cloud.db.find('examAttempts', { _id: a.attemptId })[0]).toMatchObject({ status: 'submitted', closedBy: 'deadline' });
    t.cloud.clock.set(T0);
  });

  it('a client imitating the timer event is treated as a client', async () => {
    const fake = await t.call(MEMBER, 'exam', 'x', {});
    expect(fake).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    const { result } = await t.cloud.invoke('exam', { Type: 'Timer', TriggerName: 'sweepAttempts' }, { openid: MEMBER });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });

  it('counts leaving the exam screen and flags the attempt past the tolerance, without failing it', async () => {
    const id = await publish({ title: '切屏测试', switchTolerance: 1, unitIds: ['br-office'] });
    const a = await ok<AttemptView>(OFFICE[1], 'startExam', { examId: id });
    await ok(OFFICE[1], 'reportSwitch', { attemptId: a.attemptId, kind: 'hide' });
    await ok(OFFICE[1], 'reportSwitch', { attemptId: a.attemptId, kind: 'show' });
    const second = await ok<{ switchCount: number; flagged: boolean }>(OFFICE[1], 'reportSwitch', { attemptId: a.attemptId, kind: 'hide' });
    expect(second).toEqual({ switchCount: 2, flagged: true, switchTolerance: 1 });
    const still = await ok<AttemptView>(OFFICE[1], 'getAttempt', { attemptId: a.attemptId });
    expect(still.status).toBe('open');
    const stats = await ok<ExamStatsView>(ADMIN, 'examStats', { examId: id });
    expect(stats.overall.flagged).toBe(1);
  });
});

describe('races', () => {
  it('50 concurrent submits of one attempt give exactly one graded result', async () => {
    const id = await publish({ title: '并发交卷', unitIds: ['br-office'] });
    const a = await ok<AttemptView>(OFFICE[0], 'startExam', { examId: id });
    const answers = correctAnswers(a);
    const results = await Promise.all(Array.from({ length: 50 }, () => exam<AttemptResult>(OFFICE[0], 'submitAttempt', { attemptId: a.attemptId, answers })));
    expect(results.every((r) => r.ok)).toBe(true);
    const scores = new Set(results.map((r) => (r.ok ? r.data.score : -1)));
    expect(scores.size).toBe(1);
    const stats = t.cloud.db.find('examStats', { examId: id, unitId: 'br-office' })[0] as { submitted: number; passed: number };
    expect(stats).toMatchObject({ submitted: 1, passed: 1 });
    const q = (t.cloud.db.find('examStats', { examId: id, unitId: 'br-office' })[0] as { q: Record<string, { n: number }> }).q;
    expect(Object.values(q).every((v) => v.n === 1)).toBe(true);
  });

  it('20 concurrent starts by one member create one attempt', async () => {
    const id = await publish({ title: '并发开考', unitIds: ['br-office'] });
    const starts = await Promise.all(Array.from({ length: 20 }, () => exam<AttemptView>(OFFICE[1], 'startExam', { examId: id })));
    const ids = new Set(starts.map((s) => (s.ok ? s.data.attemptId : s.code)));
    expect([...ids]).toEqual([expect.stringMatching(/_1$/)]);
    expect(t.cloud.db.count('examAttempts', { examId: id })).toBe(1);
    expect((t.cloud.db.find('examStats', { examId: id, unitId: 'br-office' })[0] as { started: number }).started).toBe(1);
  });
});

describe('publishing pins the questions', () => {
  it('editing a question after publishing leaves the open exam’s paper unchanged', async () => {
    const judge = (t.cloud.db.find('questions', { stem: '测试题：预备期为一年。' })[0] as { _id: string });
    const id = await publish({ title: '版本固定', unitIds: ['br-office'], paper: { mode: 'fixed', questionIds: [judge._id] }, passScore: 1 });
    await ok(ADMIN, 'saveQuestion', { questionId: judge._id, question: { type: 'judge', stem: '测试题：预备期为两年。', answer: [1], explanation: '改过' } });
    const a = await ok<AttemptView>(OFFICE[2], 'startExam', { examId: id });
    expect(a.questions[0].stem).toBe('测试题：预备期为一年。');
    const r = await ok<AttemptResult>(OFFICE[2], 'submitAttempt', { attemptId: a.attemptId, answers: [{ qid: judge._id, choice: [0] }] });
    expect(r.passed).toBe(true);
    expect(t.cloud.db.find('questions', { _id: judge._id })[0]).toMatchObject({ version: 2, stem: '测试题：预备期为两年。' });
  });

  it('refuses to publish rules the bank cannot meet, naming the rule', async () => {
    const saved = await ok<{ id: string }>(ADMIN, 'saveExam', { exam: draft({ paper: { mode: 'rules', rules: [{ type: 'fill', tag: '党章党规', count: 90 }] } , passScore: 1 }) });
    await expect(exam(ADMIN, 'publishExam', { examId: saved.id })).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: expect.stringMatching(/^题库中“党章党规”填空题只有 \d+ 道，少于要求的 90 道$/) });
  });

  it('lets a branch organiser target only the branches they manage', async () => {
    await expect(exam(ORGANISER, 'saveExam', { exam: draft({ unitIds: ['br-office'] }) })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(exam(ORGANISER, 'saveExam', { exam: draft({ unitIds: [] }) })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(exam(ORGANISER, 'saveExam', { exam: draft({ unitIds: ['br-school'] }) })).resolves.toMatchObject({ ok: true });
  });
});

describe('no answer key reaches a member while the exam is open', () => {
  it('walks every member action of an open exam and finds no key, explanation or correct answer', async () => {
    const id = await publish({ title: '答案不外泄', unitIds: ['br-retired'], releaseAnswers: 'after_close' });
    const responses: unknown[] = [];
    const record = async (action: string, payload: unknown) => {
      const r = await exam(MEMBER, action, payload);
      responses.push(r);
      return r;
    };
    await record('listExams', { tab: 'todo' });
    await record('getExam', { examId: id });
    const started = await record('startExam', { examId: id });
    const a = dataOf(started as { ok: true; data: AttemptView });
    const answers = correctAnswers(a);
    await record('getAttempt', { attemptId: a.attemptId });
    await record('saveAnswers', { attemptId: a.attemptId, answers: answers.slice(0, 2) });
    await record('reportSwitch', { attemptId: a.attemptId, kind: 'hide' });
    await record('submitAttempt', { attemptId: a.attemptId, answers: answers.slice(2) });
    await record('getResult', { attemptId: a.attemptId });
    await record('getAttempt', { attemptId: a.attemptId });
    await record('reportQuestion', { attemptId: a.attemptId, qid: a.questions[0].qid, note: '题目有误' });
    await record('listExams', { tab: 'done' });
    // Organiser actions answer a member with FORBIDDEN, never data.
    for (const action of ['getExamDraft', 'examStats', 'examMonitor', 'exportResults', 'getQuestion', 'listQuestions']) {
      const r = await record(action, action === 'getQuestion' ? { questionId: a.questions[0].qid } : action === 'listQuestions' ? {} : { examId: id });
      expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    const text = JSON.stringify(responses);
    for (const field of ['"answer"', '"blanks"', '"key"', '"correctChoice"', '"correctBlanks"', '"explanation"', '"review":[', '"perQuestion"']) {
      expect({ field, found: text.includes(field) }).toEqual({ field, found: false });
    }
    // Fill-in answers do not appear anywhere either.
    for (const fill of Object.values(keyOf(a.attemptId)).filter((k) => k.type === 'fill')) {
      for (const accepted of fill.blanks.flat()) expect(text.includes(`"${accepted}"`) && !answers.some((x) => x.text?.includes(accepted))).toBe(false);
    }
    expect(responses.find((r) => (r as { ok: boolean; code?: string }).code === 'FAILED_PRECONDITION')).toBeDefined(); // reportQuestion before release
    // After the window closes the review arrives, with explanations.
    t.cloud.clock.set(T0 + 61 * MIN);
    const after = await ok<AttemptResult>(MEMBER, 'getResult', { attemptId: a.attemptId });
    expect(after.review).toHaveLength(a.questions.length);
    expect(after.review?.every((r) => r.correct)).toBe(true);
    await expect(exam(MEMBER, 'reportQuestion', { attemptId: a.attemptId, qid: a.questions[0].qid, note: '解析有误' })).resolves.toMatchObject({ ok: true });
    t.cloud.clock.set(T0);
  });
});

describe('make-up exams and organiser views', () => {
  let examId: string;
  let makeupId: string;
  beforeAll(async () => {
    t.cloud.clock.set(T0);
    examId = await publish({ title: '支部测试', unitIds: ['br-school', 'br-retired'], passScore: 14 });
    // Two school members take it: one passes, one fails; the retired branch's organiser passes.
    for (const [who, right] of [
      [SCHOOL[0], true],
      [SCHOOL[1], false],
      [RETIRED_ORGANISER, true],
    ] as const) {
      const a = await ok<AttemptView>(who, 'startExam', { examId });
      const answers = right ? correctAnswers(a) : correctAnswers(a).slice(0, 2);
      await ok(who, 'submitAttempt', { attemptId: a.attemptId, answers });
    }
  });

  it('shows per-branch taken / absent / passed / failed from the counters', async () => {
    const stats = await ok<ExamStatsView>(ADMIN, 'examStats', { examId });
    const school = stats.units.find((u) => u.unitId === 'br-school');
    expect(school).toMatchObject({ audience: 10, started: 2, submitted: 2, inProgress: 0, absent: 8, passed: 1, failed: 1 });
    expect(stats.overall).toMatchObject({ audience: 20, submitted: 3, passed: 2, failed: 1 });
    expect(school?.distribution.reduce((a, b) => a + b, 0)).toBe(2);
    expect(stats.questions.length).toBeGreaterThan(0);
    // A branch organiser sees only their branch.
    const mine = await ok<ExamStatsView>(ORGANISER, 'examStats', { examId });
    expect(mine.units.map((u) => u.unitId)).toEqual(['br-school']);
    await expect(exam(ORGANISER, 'examRoster', { examId, unitId: 'br-retired' })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('lists who has not taken it, ready to paste into a group chat, and reminds those with a credit', async () => {
    const roster = await ok<ExamRosterView>(ORGANISER, 'examRoster', { examId, unitId: 'br-school', filter: 'absent' });
    expect(roster.rows).toHaveLength(8);
    // While the exam is open they have not taken it yet: 未参加, not 缺考. (Fields read through a
    // plain object so the test compiles before they exist.)
    const view = roster as object as { absentLabel?: unknown; rows: Array<{ name: string; bound?: unknown }> };
    expect(view.absentLabel).toBe('未参加');
    // 4 of the 8 never bound WeChat: marked, and left out of the nudge (they need an invitation).
    expect(view.rows.filter((r) => r.bound === false).map((r) => r.name).sort()).toEqual(['高远', '林晓', '罗斌', '梁红'].sort());
    // The copy text is a nudge: who, what, the close in words (no ISO date), how; the title once.
    expect(roster.absentText).toContain(`同志（共4人）：请在${deadlineWords(T0 + 60 * MIN, T0)}参加考试「支部测试」。`);
    expect(roster.absentText).toContain('李强');
    expect(roster.absentText).not.toContain('高远');
    expect(roster.absentText).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(roster.absentText.split('「').length - 1).toBe(1);
    // 李强 (demo-organiser) grants one reminder; the three other bound members have none.
    await expect(t.call(ORGANISER, 'org', 'grantReminders', { topics: ['exam'] })).resolves.toMatchObject({ ok: true, data: { credits: { exam: 1 } } });
    const sent = await ok<{ sent: number; withoutCredit: number }>(ORGANISER, 'remindAbsentees', { examId, unitId: 'br-school' });
    expect(sent).toEqual({ sent: 1, withoutCredit: 3, unbound: 4 });
    const outbox = t.cloud.openapiCalls().filter((c) => c.api === 'subscribeMessage.send');
    expect(outbox.at(-1)).toMatchObject({ params: { touser: ORGANISER, page: `subpackages/exam/intro?id=${examId}` } });
    // The credit is spent: a second reminder sends nothing.
    await expect(ok(ORGANISER, 'remindAbsentees', { examId, unitId: 'br-school' })).resolves.toEqual({ sent: 0, withoutCredit: 4, unbound: 4 });
  });

  it('exports results and per-question statistics to xlsx', async () => {
    const file = await ok<{ fileID: string; fileName: string }>(ADMIN, 'exportResults', { examId });
    expect(file.fileName).toMatch(/^支部测试-成绩-\d{12}\.xlsx$/);
    const bytes = (await t.sdk.downloadFile({ fileID: file.fileID })).fileContent as Buffer;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const results = wb.getWorksheet('成绩') as ExcelJS.Worksheet;
    expect((results.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['支部', '姓名', '状态', '成绩']);
    const rows = results.getSheetValues().slice(2) as unknown[][];
    const maJun = rows.find((r) => r[2] === '马俊') as unknown[];
    expect(maJun.slice(1, 6)).toEqual(['实验中学党支部', '马俊', '及格', 19, 19]);
    // Still open: not yet taken is 未参加, never 缺考; the 8 roster entries never bound to WeChat
    // (4 a branch) are 未绑定: they could not have taken it.
    const unbound = new Set(t.cloud.db.find('members', { unitId: { $in: ['br-school', 'br-retired'] } }, {}).filter((m) => !m.openid).map((m) => m.name as string));
    expect(unbound.size).toBe(8);
    expect(rows.filter((r) => r[3] === '未参加')).toHaveLength(9);
    expect(rows.filter((r) => r[3] === '未绑定').map((r) => r[2] as string).sort()).toEqual([...unbound].sort());
    expect(rows.filter((r) => r[3] === '缺考')).toHaveLength(0);
    const perQuestion = wb.getWorksheet('题目统计') as ExcelJS.Worksheet;
    expect((perQuestion.getRow(1).values as unknown[]).slice(1)).toEqual(['序号', '题型', '题干', '考到人次', '答对人次', '正确率（%）']);
    expect(perQuestion.rowCount).toBeGreaterThan(1);
  });

  it('after the close the same members are 缺考: in the roster, its text and the export', async () => {
    t.cloud.clock.set(T0 + 61 * MIN);
    try {
      const roster = await ok<ExamRosterView>(ORGANISER, 'examRoster', { examId, unitId: 'br-school', filter: 'absent' });
      expect((roster as object as { absentLabel?: unknown }).absentLabel).toBe('缺考');
      // Of the 8 who did not take it, the 4 never bound to WeChat are named apart: they could not have.
      expect(roster.absentText).toMatch(/^「支部测试」缺考（4人）：[^；]+；未绑定微信（4人）：/);
      expect(roster.absentText.split('；')[1]).toContain('高远');
      expect(roster.absentText.split('；')[0]).not.toContain('高远');
      await expect(exam(ORGANISER, 'remindAbsentees', { examId, unitId: 'br-school' })).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '考试已结束，无需提醒' });
      const file = await ok<{ fileID: string }>(ADMIN, 'exportResults', { examId });
      const bytes = (await t.sdk.downloadFile({ fileID: file.fileID })).fileContent as Buffer;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const rows = (wb.getWorksheet('成绩') as ExcelJS.Worksheet).getSheetValues().slice(2) as unknown[][];
      expect(rows.filter((r) => r[3] === '缺考')).toHaveLength(9);
      expect(rows.filter((r) => r[3] === '未绑定')).toHaveLength(8);
      expect(rows.filter((r) => r[3] === '未参加')).toHaveLength(0);
    } finally {
      t.cloud.clock.set(T0);
    }
  });

  it('creates a make-up for the absentees and those who failed once the window closes; the first attempts stay', async () => {
    await expect(exam(ORGANISER, 'createMakeup', { examId, include: 'both', opensAt: T0, closesAt: T0 + 60 * MIN })).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    t.cloud.clock.set(T0 + 61 * MIN);
    const made = await ok<{ examId: string; invited: number }>(ORGANISER, 'createMakeup', { examId, include: 'both', opensAt: T0 + 61 * MIN, closesAt: T0 + 120 * MIN });
    expect(made.invited).toBe(9); // br-school only: 8 absent + 1 failed
    makeupId = made.examId;
    // An invited absentee sees it and takes it; a member who passed is not invited.
    const list = await ok<Page<{ id: string; kind: string }>>('demo-m-14', 'listExams', { tab: 'todo' });
    expect(list.items.find((e) => e.id === makeupId)).toMatchObject({ kind: 'makeup' });
    await expect(exam(SCHOOL[0], 'startExam', { examId: makeupId })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const a = await ok<AttemptView>('demo-m-14', 'startExam', { examId: makeupId });
    const r = await ok<AttemptResult>('demo-m-14', 'submitAttempt', { attemptId: a.attemptId, answers: correctAnswers(a) });
    expect(r.passed).toBe(true);
    const intro = await ok<ExamIntro>('demo-m-14', 'getExam', { examId: makeupId });
    expect(intro.status).toBe('passed');
    // The original exam still records demo-m-14 as absent.
    const original = await ok<ExamRosterView>(ORGANISER, 'examRoster', { examId, unitId: 'br-school', filter: 'absent' });
    expect(original.rows.map((r) => r.memberId)).toContain('demo-member-14');
    const makeupStats = await ok<ExamStatsView>(ORGANISER, 'examStats', { examId: makeupId });
    expect(makeupStats.units[0]).toMatchObject({ unitId: 'br-school', audience: 9, submitted: 1, absent: 8 });
    t.cloud.clock.set(T0);
  });

  it('grants extra time, reopens and force-submits, keeping each reason', async () => {
    const id = await publish({ title: '补时测试', unitIds: ['br-school'] });
    const a = await ok<AttemptView>(SCHOOL[1], 'startExam', { examId: id });
    await ok(ORGANISER, 'grantExtraTime', { examId: id, memberIds: ['demo-member-13'], minutes: 10, reason: '视力不好，字看得慢' });
    const after = await ok<AttemptView>(SCHOOL[1], 'getAttempt', { attemptId: a.attemptId });
    expect(after.deadline).toBe(a.deadline + 10 * MIN);
    await expect(exam(ORGANISER, 'grantExtraTime', { examId: id, memberIds: ['demo-member-02'], minutes: 10, reason: '无权' })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // A batch: one running attempt and one member who has not started get 5 more minutes each.
    const other = await ok<AttemptView>(SCHOOL[0], 'startExam', { examId: id });
    await expect(ok(ORGANISER, 'grantExtraTime', { examId: id, memberIds: ['demo-member-12', 'demo-member-14'], minutes: 5, reason: '考场断电' })).resolves.toEqual({ updated: 2 });
    expect((await ok<AttemptView>(SCHOOL[0], 'getAttempt', { attemptId: other.attemptId })).deadline).toBe(other.deadline + 5 * MIN);
    const late = await ok<AttemptView>('demo-m-14', 'startExam', { examId: id });
    expect(late.deadline - late.startedAt).toBe((20 + 5) * MIN);
    const forced = await ok<AttemptResult>(ORGANISER, 'forceSubmit', { attemptId: a.attemptId, reason: '考场停电' });
    expect(forced).toMatchObject({ closedBy: 'organiser', review: null });
    const reopened = await ok<{ deadline: number }>(ORGANISER, 'reopenAttempt', { attemptId: a.attemptId, minutes: 15, reason: '停电后恢复' });
    // The clock was set to T0 a moment ago and keeps running.
    expect(reopened.deadline - (T0 + 15 * MIN)).toBeGreaterThanOrEqual(0);
    expect(reopened.deadline - (T0 + 15 * MIN)).toBeLessThan(30_000);
    const view = await ok<AttemptView>(SCHOOL[1], 'getAttempt', { attemptId: a.attemptId });
    expect(view.status).toBe('open');
    const doc = t.cloud.db.find('examAttempts', { _id: a.attemptId })[0] as { log: Array<{ action: string; reason: string }> };
    expect(doc.log.map((l) => [l.action, l.reason])).toEqual([
      ['extra_time', '视力不好，字看得慢'],
      ['force_submit', '考场停电'],
      ['reopen', '停电后恢复'],
    ]);
    const r = await ok<AttemptResult>(SCHOOL[1], 'submitAttempt', { attemptId: a.attemptId, answers: correctAnswers(view) });
    expect(r.passed).toBe(true);
    const stats = t.cloud.db.find('examStats', { examId: id, unitId: 'br-school' })[0] as { submitted: number; passed: number; failed: number };
    expect(stats).toMatchObject({ submitted: 1, passed: 1, failed: 0 });
  });
});

describe('cost in database operations', () => {
  const measure = async (id: string, who: string) => {
    const start = await t.invoke(who, 'exam', 'startExam', { examId: id });
    expect(start.result).toMatchObject({ ok: true });
    const view = (start.result as { data: AttemptView }).data;
    const save = await t.invoke(who, 'exam', 'saveAnswers', { attemptId: view.attemptId, answers: correctAnswers(view).slice(0, 3) });
    const submit = await t.invoke(who, 'exam', 'submitAttempt', { attemptId: view.attemptId, answers: correctAnswers(view).slice(3) });
    expect(submit.result).toMatchObject({ ok: true });
    // start: identity 1, exam 1, pool 1, the drawn questions 1 | tx: taker get, attempt set, taker set, commit | stats inc
    // save: identity 1, attempt 1 | conditional update
    // submit: identity 1, attempt 1 | conditional close | taker get, taker update | stats inc; a pass
    // adds its points (issue 16): the member 1, the award's 4 reads | entry, day, total, commit, unit-day inc
    return {
      start: [start.stats.reads, start.stats.writes],
      save: [save.stats.reads, save.stats.writes],
      submit: [submit.stats.reads, submit.stats.writes],
    };
  };

  it('start, save and submit take a fixed number of operations, the same for the first and a later taker', async () => {
    const id = await publish({ title: '操作计数', unitIds: ['br-office'] });
    // Every answer is correct, so each submit passes and earns the exam's points.
    const expected = { start: [5, 4], save: [2, 1], submit: [8, 8] };
    await expect(measure(id, OFFICE[2])).resolves.toEqual(expected);
    await measure(id, 'demo-m-05');
    await expect(measure(id, 'demo-m-06')).resolves.toEqual(expected);
  });

  it('statistics read the counters, not the attempts: the same operations for 1 or 3 takers', async () => {
    const id = await publish({ title: '统计计数', unitIds: ['br-office'] });
    await measure(id, OFFICE[0]);
    const cost = async () => {
      const { result, stats } = await t.invoke(ADMIN, 'exam', 'examStats', { examId: id });
      expect(result).toMatchObject({ ok: true });
      return [stats.reads, stats.writes];
    };
    const one = await cost();
    await measure(id, OFFICE[1]);
    await measure(id, OFFICE[2]);
    // identity 1, exam 1, branches 1, counters 1, pool 1, answered questions 1
    expect(one).toEqual([6, 0]);
    await expect(cost()).resolves.toEqual(one);
    const stats = await ok<ExamStatsView>(ADMIN, 'examStats', { examId: id });
    expect(stats.overall.submitted).toBe(3);
  });
});
