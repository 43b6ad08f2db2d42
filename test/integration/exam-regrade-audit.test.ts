// Regrade coverage beyond the first journey (issue 15): a regrade asked from a make-up corrects the
// original's pinned question and grades the attempts of both windows again, each window's counters
// right; a fill key corrected with alternatives (typed with |, / or 或 as the import reads them);
// the audit readable by the exam's organisers (listExamRegrades), keys held from one who may still
// take a window carrying the question; and after a key fixed in the bank editor, the published
// exams still grading with the old key (listStaleExamKeys), never with a key in the answer.
import type { AttemptResult, AttemptView, ExamRegradeRow, ExamStatsView, RegradeOutcome, RegradePreview, StaleKeyExams } from '../../core/contracts/exam';
import { parseAlternatives } from '../../core/domain/exam/questionCells';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 23, 2, 0, 0);
const ADMIN = 'demo-admin'; // 张伟, org admin, not in the exams' audience
const SCHOOL = 'demo-organiser'; // 李强, organiser and member of br-school: absent, so invited to the make-up
const RETIRED = 'demo-m-22'; // 宋德明, organiser of br-retired only

const exam = <T>(openid: string, action: string, payload: unknown = {}) => t.call<T>(openid, 'exam', action, payload);
const ok = async <T>(openid: string, action: string, payload: unknown = {}) => dataOf(await exam<T>(openid, action, payload));

const S1 = { type: 'single', stem: '党的最高领导机关是（  ）。', options: ['党的全国代表大会和它所产生的中央委员会', '中央政治局', '中央书记处', '中央军事委员会'], answer: [1] };
const S2 = { type: 'single', stem: '中国共产党成立于（  ）年。', options: ['1919', '1921', '1927', '1949'], answer: [1] };
const F = { type: 'fill', stem: '中国共产党的最高理想和最终目标是实现（  ）。', blanks: [['社会主义']] };

let s1: string;
let s2: string;
let f: string;
let examId: string;
let makeupId: string;
const attempts = new Map<string, string>();

interface Pick {
  s1: number; // the option chosen (bank index)
  s2: boolean; // right or wrong
  f: string;
}

async function take(openid: string, id: string, pick: Pick): Promise<AttemptResult> {
  const view = await ok<AttemptView>(openid, 'startExam', { examId: id });
  attempts.set(`${id}|${openid}`, view.attemptId);
  const [doc] = t.cloud.db.find('examAttempts', { _id: view.attemptId }) as unknown as Array<{ paper: Array<{ qid: string; order: number[] }> }>;
  const shown = (qid: string, option: number) => doc.paper.find((p) => p.qid === qid)?.order.indexOf(option) ?? -1;
  const answers = [
    { qid: s1, choice: [shown(s1, pick.s1)] },
    { qid: s2, choice: [shown(s2, pick.s2 ? 1 : 0)] },
    { qid: f, text: [pick.f] },
  ];
  return ok<AttemptResult>(openid, 'submitAttempt', { attemptId: view.attemptId, answers });
}

const score = (id: string, openid: string) => (t.cloud.db.find('examAttempts', { _id: attempts.get(`${id}|${openid}`) })[0] as unknown as { score: number; passed: boolean });
const overall = async (id: string) => (await ok<ExamStatsView>(ADMIN, 'examStats', { examId: id })).overall;
const questionStat = async (id: string, qid: string) => (await ok<ExamStatsView>(ADMIN, 'examStats', { examId: id })).questions.find((q) => q.qid === qid);

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(T0);
  s1 = (await ok<{ id: string }>(ADMIN, 'saveQuestion', { question: S1 })).id;
  s2 = (await ok<{ id: string }>(ADMIN, 'saveQuestion', { question: S2 })).id;
  f = (await ok<{ id: string }>(ADMIN, 'saveQuestion', { question: F })).id;
  examId = (
    await ok<{ id: string }>(ADMIN, 'saveExam', {
      exam: { title: '党章学习测试', unitIds: ['br-school'], opensAt: T0 - MIN, closesAt: T0 + 60 * MIN, durationMinutes: 30, paper: { mode: 'fixed', questionIds: [s1, s2, f] }, passScore: 4, shuffleQuestions: false },
    })
  ).id;
  await ok(ADMIN, 'publishExam', { examId });
  // 6 points, 2 a question, pass at 4. S1 pinned with B (really A); F pinned with 社会主义 (really 共产主义).
  expect((await take('demo-m-12', examId, { s1: 0, s2: true, f: '社会主义' })).score).toBe(4);
  expect((await take('demo-m-13', examId, { s1: 1, s2: true, f: '共产主义社会' })).score).toBe(4);
  expect((await take('demo-m-15', examId, { s1: 0, s2: false, f: '共产主义' })).score).toBe(0);
  t.cloud.clock.set(T0 + 61 * MIN);
  makeupId = (await ok<{ examId: string }>(ADMIN, 'createMakeup', { examId, include: 'both', opensAt: T0 + 61 * MIN, closesAt: T0 + 24 * 60 * MIN, title: '党章学习测试（补考）' })).examId;
  expect((await take('demo-m-14', makeupId, { s1: 0, s2: true, f: '共产主义' })).score).toBe(2);
  expect((await take('demo-m-15', makeupId, { s1: 1, s2: true, f: '不知道' })).score).toBe(4);
}, 90_000);
afterAll(async () => {
  await t?.close();
});

describe('a regrade covering a make-up', () => {
  it('GIVEN the make-up asked for THEN the preview covers the attempts of both windows', async () => {
    const p = await ok<RegradePreview>(ADMIN, 'previewRegrade', { examId: makeupId, questionId: s1, key: { answer: [0], blanks: [] } });
    expect(p).toMatchObject({ examId, attempts: 5, changed: 5, passedBefore: 3, passedAfter: 2, currentKey: { answer: [1] } });
  });

  it('regrades the original’s and the make-up’s attempts, and each window’s counters are right', async () => {
    const out = await ok<RegradeOutcome>(ADMIN, 'regradeExam', { examId: makeupId, questionId: s1, key: { answer: [0], blanks: [] }, reason: '最高领导机关应为全国代表大会和中央委员会' });
    expect(out).toMatchObject({ done: true, written: 5, changed: 5, passedBefore: 3, passedAfter: 2 });
    expect([score(examId, 'demo-m-12'), score(examId, 'demo-m-13'), score(examId, 'demo-m-15')]).toEqual([
      expect.objectContaining({ score: 6, passed: true }),
      expect.objectContaining({ score: 2, passed: false }),
      expect.objectContaining({ score: 2, passed: false }),
    ]);
    expect([score(makeupId, 'demo-m-14'), score(makeupId, 'demo-m-15')]).toEqual([expect.objectContaining({ score: 4, passed: true }), expect.objectContaining({ score: 2, passed: false })]);
    expect(await overall(examId)).toMatchObject({ submitted: 3, passed: 1, failed: 2 });
    expect(await overall(makeupId)).toMatchObject({ submitted: 2, passed: 1, failed: 1 });
    expect(await questionStat(examId, s1)).toMatchObject({ answered: 3, correct: 2 });
    expect(await questionStat(makeupId, s1)).toMatchObject({ answered: 2, correct: 1 });
    // The make-up member is told on their result too.
    const r = await ok<AttemptResult>('demo-m-14', 'getResult', { attemptId: attempts.get(`${makeupId}|demo-m-14`) });
    expect(r.regrade).toMatchObject({ scoreBefore: 2, scoreAfter: 4, passedBefore: false, passedAfter: true });
    // One audit record, on the original, naming both windows.
    expect(t.cloud.db.find('examRegrades', {})).toEqual([expect.objectContaining({ examId, examIds: [examId, makeupId], qid: s1 })]);
  });
});

describe('a fill key corrected with alternatives', () => {
  it('reads |, / and 或 between alternatives of one blank, as the import does (regrade.tsx uses the same parser)', () => {
    for (const typed of ['共产主义|共产主义社会', '共产主义/共产主义社会', '共产主义或共产主义社会', '共产主义 ｜ 共产主义社会']) expect(parseAlternatives(typed)).toEqual(['共产主义', '共产主义社会']);
    expect(parseAlternatives('1945/8/15 | 一九四五年八月十五日')).toEqual(['1945/8/15', '一九四五年八月十五日']);
  });

  it('regrades with every alternative accepted, in both windows', async () => {
    const key = { answer: [], blanks: [parseAlternatives('共产主义|共产主义社会')] };
    const p = await ok<RegradePreview>(ADMIN, 'previewRegrade', { examId, questionId: f, key });
    expect(p).toMatchObject({ attempts: 5, changed: 4, passedBefore: 2, passedAfter: 4 });
    const out = await ok<RegradeOutcome>(ADMIN, 'regradeExam', { examId, questionId: f, key, reason: '最高理想是共产主义' });
    expect(out).toMatchObject({ done: true, written: 5, changed: 4 });
    // 社会主义 is now wrong; 共产主义 and 共产主义社会 both right.
    expect([score(examId, 'demo-m-12').score, score(examId, 'demo-m-13').score, score(examId, 'demo-m-15').score]).toEqual([4, 4, 4]);
    expect([score(makeupId, 'demo-m-14').score, score(makeupId, 'demo-m-15').score]).toEqual([6, 2]);
    expect(await overall(examId)).toMatchObject({ submitted: 3, passed: 3, failed: 0 });
    expect(await overall(makeupId)).toMatchObject({ submitted: 2, passed: 1, failed: 1 });
    expect(await questionStat(examId, f)).toMatchObject({ answered: 3, correct: 2 });
    expect(await questionStat(makeupId, f)).toMatchObject({ answered: 2, correct: 1 });
    const [pinned] = t.cloud.db.find('examQuestions', { examId, qid: f }) as unknown as Array<{ blanks: string[][] }>;
    expect(pinned.blanks).toEqual([['共产主义', '共产主义社会']]);
  });
});

describe('the regrade audit, read in the app', () => {
  it('GIVEN an organiser who may view the figures THEN they read who, when, why, the question, the keys as text and the counts, newest first; from the make-up too', async () => {
    const { result, stats } = await t.invoke(ADMIN, 'exam', 'listExamRegrades', { examId });
    const rows = (dataOf(result as never) as { rows: ExamRegradeRow[] }).rows;
    expect(rows).toEqual([
      expect.objectContaining({ questionId: f, index: 3, byName: '张伟', reason: '最高理想是共产主义', keyBefore: '第1空：社会主义', keyAfter: '第1空：共产主义 / 共产主义社会', keyHeld: null, attempts: 5, changed: 4, passedBefore: 2, passedAfter: 4, done: true, bankFixed: true }),
      expect.objectContaining({ questionId: s1, index: 1, keyBefore: `B. ${S1.options[1]}`, keyAfter: `A. ${S1.options[0]}`, attempts: 5, changed: 5, passedBefore: 3, passedAfter: 2, done: true }),
    ]);
    expect(rows[0].at).toBeGreaterThanOrEqual(rows[1].at);
    // identity, exam, regrades, open windows (none reaches the admin: no taker read), pinned copies, pool
    expect([stats.reads, stats.writes]).toEqual([6, 0]);
    const fromMakeup = await ok<{ rows: ExamRegradeRow[] }>(ADMIN, 'listExamRegrades', { examId: makeupId });
    expect(fromMakeup.rows.map((r) => r.id)).toEqual(rows.map((r) => r.id));
  });

  it('GIVEN an organiser invited to the open make-up THEN the counts come; the keys and the reasons (which may name them) do not', async () => {
    const rows = (await ok<{ rows: ExamRegradeRow[] }>(SCHOOL, 'listExamRegrades', { examId })).rows;
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r).toMatchObject({ keyBefore: null, keyAfter: null, reason: '', keyHeld: { windows: ['党章学习测试（补考）'] }, changed: expect.any(Number) });
    expect(JSON.stringify(rows)).not.toMatch(/共产主义|全国代表大会/);
  });

  it('GIVEN a member, or an organiser the exam does not reach THEN FORBIDDEN', async () => {
    await expect(exam('demo-m-13', 'listExamRegrades', { examId })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(exam(RETIRED, 'listExamRegrades', { examId })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(exam(ADMIN, 'listExamRegrades', { examId: 'no-such-exam' })).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('a key fixed in the bank editor, after exams pinned the old one', () => {
  let open: string;
  beforeAll(async () => {
    // S2 pinned with B (right); an open exam pins it too, and a member hands in.
    open = (
      await ok<{ id: string }>(ADMIN, 'saveExam', {
        exam: { title: '建党知识测试', unitIds: ['br-school'], opensAt: T0 + 60 * MIN, closesAt: T0 + 180 * MIN, durationMinutes: 30, paper: { mode: 'fixed', questionIds: [s2, f] }, passScore: 2 },
      })
    ).id;
    await ok(ADMIN, 'publishExam', { examId: open });
    const view = await ok<AttemptView>('demo-m-16', 'startExam', { examId: open });
    await ok('demo-m-16', 'submitAttempt', { attemptId: view.attemptId, answers: [] });
  });

  it('GIVEN the bank key unchanged THEN no exam is listed', async () => {
    expect(await ok<StaleKeyExams>(ADMIN, 'listStaleExamKeys', { questionId: s2 })).toEqual({ questionId: s2, exams: [], keyHeld: null });
  });

  it('GIVEN the options reordered, the right one kept THEN no exam is listed: they grade right by their own order', async () => {
    await ok(ADMIN, 'saveQuestion', { questionId: s2, question: { ...S2, options: ['1921', '1919', '1927', '1949'], answer: [0] } });
    expect(await ok<StaleKeyExams>(ADMIN, 'listStaleExamKeys', { questionId: s2 })).toEqual({ questionId: s2, exams: [], keyHeld: null });
    await ok(ADMIN, 'saveQuestion', { questionId: s2, question: S2 });
  });

  it('GIVEN the key saved changed THEN every published exam grading with the old one is listed with its make-ups and attempts, and no key', async () => {
    await ok(ADMIN, 'saveQuestion', { questionId: s2, question: { ...S2, answer: [2] } });
    const { result, stats } = await t.invoke(ADMIN, 'exam', 'listStaleExamKeys', { questionId: s2 });
    const stale = dataOf(result as never) as StaleKeyExams;
    expect(stale).toEqual({
      questionId: s2,
      keyHeld: null,
      exams: [
        { examId: open, title: '建党知识测试', closesAt: T0 + 180 * MIN, makeups: [], attempts: 1 },
        { examId, title: '党章学习测试', closesAt: T0 + 60 * MIN, makeups: ['党章学习测试（补考）'], attempts: 5 },
      ],
    });
    expect(JSON.stringify(stale)).not.toMatch(/"answer"|"blanks"|1921|1927/);
    // identity, question, open windows (none reaches the admin: no taker read), pinned copies, exams,
    // make-ups, one count per exam
    expect([stats.reads, stats.writes]).toEqual([8, 0]);
  });

  it('GIVEN an organiser who may still take a window carrying it THEN nothing is listed, only that the key is held', async () => {
    const stale = await ok<StaleKeyExams>(SCHOOL, 'listStaleExamKeys', { questionId: s2 });
    expect(stale).toMatchObject({ exams: [], keyHeld: { windows: expect.arrayContaining(['建党知识测试']) } });
  });

  it('GIVEN an organiser who may not change those exams THEN they are not listed', async () => {
    expect(await ok<StaleKeyExams>(RETIRED, 'listStaleExamKeys', { questionId: s2 })).toEqual({ questionId: s2, exams: [], keyHeld: null });
  });

  it('GIVEN a member THEN FORBIDDEN; a question of no one THEN NOT_FOUND', async () => {
    await expect(exam('demo-m-13', 'listStaleExamKeys', { questionId: s2 })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(exam(ADMIN, 'listStaleExamKeys', { questionId: 'no-such-question' })).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('GIVEN both exams regraded to the bank’s key THEN none is listed any more', async () => {
    for (const id of [open, examId]) await ok(ADMIN, 'regradeExam', { examId: id, questionId: s2, key: { answer: [2], blanks: [] }, reason: '题库答案已更正', fixBank: false });
    expect((await ok<StaleKeyExams>(ADMIN, 'listStaleExamKeys', { questionId: s2 })).exams).toEqual([]);
  });
});
