// Regrading after a wrong key (issue 15): a fixed paper whose first question was pinned with the
// wrong option; members submit; an organiser previews and confirms the corrected key — twice at
// once, while a late member submits — and every score, pass, counter, the roster, the export and
// the member's result show the new numbers, with one audit record.
import ExcelJS from 'exceljs';
import type { AttemptResult, AttemptView, ExamRosterView, ExamStatsView, RegradeOutcome, RegradePreview } from '../../core/contracts/exam';
import { contentOf } from '../../functions/exam/bank';
import { contentStamp } from '../../functions/exam/digest';
import type { QuestionDoc } from '../../functions/exam/model';
import { correctAnswers } from '../../scripts/lib/demo-exams';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 23, 2, 0, 0);
const ADMIN = 'demo-admin'; // org admin, not in the exam's audience
const ORGANISER = 'demo-organiser'; // organiser of br-school, who may still take the exam

const exam = <T>(openid: string, action: string, payload: unknown = {}) => t.call<T>(openid, 'exam', action, payload);
const ok = async <T>(openid: string, action: string, payload: unknown = {}) => dataOf(await exam<T>(openid, action, payload));

interface Stored {
  _id: string;
  type: string;
  options: string[];
  answer: number[];
}
type Answer = { qid: string; choice?: number[]; text?: string[] };

let examId: string;
let q0: Stored; // the single question pinned with the wrong key
let fixedOption: number; // the option that is really right
const attempts = new Map<string, string>();
let lateView: AttemptView;

function paperOf(attemptId: string): Array<{ qid: string; order: number[] }> {
  return (t.cloud.db.find('examAttempts', { _id: attemptId })[0] as unknown as { paper: Array<{ qid: string; order: number[] }> }).paper;
}

/** Answers right by the pinned key, except: q0 answered with the corrected option, and `wrong` questions wrong. */
function answersFor(view: AttemptView, q0Fixed: boolean, wrong: string[]): Answer[] {
  const paper = paperOf(view.attemptId);
  return correctAnswers(t.cloud.db, view.attemptId).map((a) => {
    if (a.qid === q0._id && q0Fixed) return { qid: a.qid, choice: [paper.find((p) => p.qid === q0._id)?.order.indexOf(fixedOption) ?? -1] };
    if (!wrong.includes(a.qid)) return a;
    if (a.text) return { qid: a.qid, text: a.text.map(() => '不知道') };
    const shown = a.choice?.[0] ?? 0;
    return { qid: a.qid, choice: [(shown + 1) % 4] };
  });
}

async function take(openid: string, q0Fixed: boolean, wrong: string[]): Promise<AttemptResult> {
  const view = await ok<AttemptView>(openid, 'startExam', { examId });
  attempts.set(openid, view.attemptId);
  return ok<AttemptResult>(openid, 'submitAttempt', { attemptId: view.attemptId, answers: answersFor(view, q0Fixed, wrong) });
}

const key = () => ({ answer: [fixedOption], blanks: [] });
const dbState = () => JSON.stringify(['examAttempts', 'examTakers', 'examStats', 'examQuestions', 'examRegrades', 'questions', 'exams'].map((c) => t.cloud.db.find(c, {})));

let singles: Stored[];
let fill: Stored;

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(T0);
  await ok(ADMIN, 'installSeedBank');
  const bank = (type: string) => (t.cloud.db.find('questions', { type }) as unknown as Stored[]).sort((a, b) => a._id.localeCompare(b._id));
  singles = bank('single').filter((q) => q.options.length === 4).slice(0, 4);
  fill = bank('fill').filter((q) => (q as unknown as { blanks: string[][] }).blanks.length === 1)[0];
  q0 = singles[0];
  fixedOption = (q0.answer[0] + 1) % 4;
  const saved = await ok<{ id: string }>(ADMIN, 'saveExam', {
    exam: {
      title: '党章知识测试',
      unitIds: ['br-school'],
      opensAt: T0 - MIN,
      closesAt: T0 + 60 * MIN,
      durationMinutes: 30,
      paper: { mode: 'fixed', questionIds: [...singles.map((q) => q._id), fill._id] },
      passScore: 8,
    },
  });
  examId = saved.id;
  await ok(ADMIN, 'publishExam', { examId });
  // 10 points: four singles and one fill, 2 each. By the pinned key / by the corrected key:
  expect((await take('demo-m-12', false, [fill._id])).score).toBe(8); // passes → 6, fails
  expect((await take('demo-m-13', true, [])).score).toBe(8); // passes → 10
  expect((await take('demo-m-14', true, [singles[1]._id])).score).toBe(6); // fails → 8, passes
  expect((await take('demo-m-16', true, [fill._id])).score).toBe(6); // fails → 8, passes
  // demo-m-15 is still answering when the key is corrected: 4 by the pinned key, 6 by the corrected one.
  lateView = await ok<AttemptView>('demo-m-15', 'startExam', { examId });
  attempts.set('demo-m-15', lateView.attemptId);
}, 90_000);
afterAll(async () => {
  await t?.close();
});

describe('regrade after a wrong key', () => {
  it('GIVEN an organiser who may still take the exam THEN they may neither preview nor regrade it, and nothing is written', async () => {
    const before = dbState();
    await expect(exam(ORGANISER, 'previewRegrade', { examId, questionId: q0._id, key: key() })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(exam(ORGANISER, 'regradeExam', { examId, questionId: q0._id, key: key(), reason: '答案有误' })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // A member is no organiser.
    await expect(exam('demo-m-13', 'previewRegrade', { examId, questionId: q0._id, key: key() })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(dbState()).toBe(before);
  });

  it('refuses a key that does not fit the question', async () => {
    await expect(exam(ADMIN, 'previewRegrade', { examId, questionId: q0._id, key: { answer: [0, 1], blanks: [] } })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    await expect(exam(ADMIN, 'previewRegrade', { examId, questionId: q0._id, key: { answer: [7], blanks: [] } })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    await expect(exam(ADMIN, 'previewRegrade', { examId, questionId: fill._id, key: { answer: [], blanks: [['甲'], ['乙']] } })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });

  it('previews what changes: four attempts, passes 2 → 3, and the key pinned now; reads only, and a fixed number of them', async () => {
    const { result, stats } = await t.invoke(ADMIN, 'exam', 'previewRegrade', { examId, questionId: q0._id, key: key() });
    const p = dataOf(result as never) as RegradePreview;
    expect(p).toMatchObject({ attempts: 4, changed: 4, passedBefore: 2, passedAfter: 3, sameKey: false, currentKey: { answer: q0.answer } });
    expect(p.changes.map((c) => [c.name, c.before, c.after]).sort()).toEqual([
      ['朱敏', 8, 10],
      ['胡雪', 6, 8],
      ['何琳', 6, 8],
      ['马俊', 8, 6],
    ].sort());
    // identity 1, exam 1, open windows 1, pinned question 1, make-ups 1, attempts 1
    expect([stats.reads, stats.writes]).toEqual([6, 0]);
  });

  it('GIVEN two regrades confirmed at once while a late member submits THEN every number is the same as one regrade', async () => {
    const late = answersFor(lateView, true, [singles[1]._id, singles[2]._id]);
    const [a, b, submitted] = await Promise.all([
      exam<RegradeOutcome>(ADMIN, 'regradeExam', { examId, questionId: q0._id, key: key(), reason: '标准答案录错，应为另一项' }),
      exam<RegradeOutcome>(ADMIN, 'regradeExam', { examId, questionId: q0._id, key: key(), reason: '标准答案录错，应为另一项' }),
      exam<AttemptResult>('demo-m-15', 'submitAttempt', { attemptId: lateView.attemptId, answers: late }),
    ]);
    expect(dataOf(submitted).attemptId).toBe(lateView.attemptId);
    const outcomes = [dataOf(a), dataOf(b)];
    expect(outcomes[0].regradeId).toBe(outcomes[1].regradeId);
    expect(outcomes[0]).toMatchObject({ changed: 4, passedBefore: 2, passedAfter: 3 });
    // Each attempt was written once, by one of them (the late one too, if it closed first).
    expect(outcomes[0].written + outcomes[1].written).toBeGreaterThanOrEqual(4);
    expect(outcomes[0].written + outcomes[1].written).toBeLessThanOrEqual(5);
  });

  const expected: Record<string, [number, boolean]> = { 'demo-m-12': [6, false], 'demo-m-13': [10, true], 'demo-m-14': [8, true], 'demo-m-15': [6, false], 'demo-m-16': [8, true] };

  it('every attempt has its new score and pass, and the members their best', () => {
    for (const [openid, [score, passed]] of Object.entries(expected)) {
      const [doc] = t.cloud.db.find('examAttempts', { _id: attempts.get(openid) }) as unknown as Array<{ score: number; passed: boolean; memberId: string; key: Record<string, { answer: number[] }> }>;
      expect({ openid, score: doc.score, passed: doc.passed, key: doc.key[q0._id].answer }).toEqual({ openid, score, passed, key: [fixedOption] });
      const [taker] = t.cloud.db.find('examTakers', { examId, memberId: doc.memberId }) as unknown as Array<{ best: { score: number; passed: boolean } }>;
      expect({ openid, best: taker.best }).toMatchObject({ openid, best: { score, passed } });
    }
    const [pinned] = t.cloud.db.find('examQuestions', { examId, qid: q0._id }) as unknown as Stored[];
    expect(pinned.answer).toEqual([fixedOption]);
  });

  const checkCounters = async () => {
    const s = await ok<ExamStatsView>(ADMIN, 'examStats', { examId });
    expect(s.overall).toMatchObject({ submitted: 5, passed: 3, failed: 2, averageScore: 7.6, distribution: [0, 0, 0, 0, 0, 0, 2, 0, 2, 1] });
    const first = s.questions.find((q) => q.qid === q0._id);
    expect(first).toMatchObject({ answered: 5, correct: 4 });
    const roster = await ok<ExamRosterView>(ADMIN, 'examRoster', { examId, unitId: 'br-school' });
    const byName = Object.fromEntries(roster.rows.map((r) => [r.name, [r.score, r.status]]));
    expect(byName).toMatchObject({ 马俊: [6, 'failed'], 朱敏: [10, 'passed'], 胡雪: [8, 'passed'], 郭峰: [6, 'failed'], 何琳: [8, 'passed'] });
  };

  it('examStats and examRoster show the new numbers', checkCounters);

  it('the export shows the new scores and passes', async () => {
    const file = await ok<{ fileID: string }>(ADMIN, 'exportResults', { examId });
    const bytes = (await t.sdk.downloadFile({ fileID: file.fileID })).fileContent as Buffer;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const rows = (wb.getWorksheet('成绩') as ExcelJS.Worksheet).getSheetValues().slice(2) as unknown[][];
    const byName = Object.fromEntries(rows.map((r) => [r[2], [r[3], r[4]]]));
    expect(byName).toMatchObject({ 马俊: ['不及格', 6], 朱敏: ['及格', 10], 胡雪: ['及格', 8], 郭峰: ['不及格', 6], 何琳: ['及格', 8] });
    const perUnit = (wb.getWorksheet('支部统计') as ExcelJS.Worksheet).getSheetValues().slice(2) as unknown[][];
    expect(perUnit[0].slice(1, 8)).toEqual(['实验中学党支部', 10, 5, 0, 5, 3, 2]);
  });

  it('the member is told on their result, with the score before and after and no key', async () => {
    const r = await ok<AttemptResult>('demo-m-13', 'getResult', { attemptId: attempts.get('demo-m-13') });
    const position = paperOf(attempts.get('demo-m-13') ?? '').findIndex((p) => p.qid === q0._id) + 1;
    expect(r).toMatchObject({ score: 10, passed: true, review: null, regrade: { notice: '本题答案已更正，成绩已重新计算', scoreBefore: 8, scoreAfter: 10, passedBefore: true, passedAfter: true, questions: [position] } });
    expect(JSON.stringify(r)).not.toMatch(/"answer"|"blanks"|"correctChoice"|keyAfter|keyBefore/);
    // The results list on the exam's page says so too.
    const intro = await ok<{ attempts: Array<{ id: string; score: number; regraded: boolean }> }>('demo-m-13', 'getExam', { examId });
    expect(intro.attempts).toEqual([expect.objectContaining({ id: attempts.get('demo-m-13'), score: 10, regraded: true })]);
    const worse = await ok<AttemptResult>('demo-m-12', 'getResult', { attemptId: attempts.get('demo-m-12') });
    expect(worse.regrade).toMatchObject({ scoreBefore: 8, scoreAfter: 6, passedBefore: true, passedAfter: false });
  });

  it('keeps one audit record: who, why, the keys before and after, the counts; the bank is corrected too', () => {
    const records = t.cloud.db.find('examRegrades', {}) as unknown as Array<Record<string, unknown>>;
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      examId,
      qid: q0._id,
      by: 'demo-member-01',
      reason: '标准答案录错，应为另一项',
      keyBefore: { answer: q0.answer },
      keyAfter: { answer: [fixedOption] },
      attempts: 4,
      changed: 4,
      passedBefore: 2,
      passedAfter: 3,
      bankFixed: true,
      doneAt: expect.anything(),
    });
    const [bankQuestion] = t.cloud.db.find('questions', { _id: q0._id }) as unknown as Stored[];
    expect(bankQuestion.answer).toEqual([fixedOption]);
    // Restamped with the fix, so the next re-import settles it from its digest.
    const fixed = bankQuestion as unknown as QuestionDoc;
    expect(fixed.contentDigest).toBe(contentStamp(fixed.version, contentOf(fixed)));
    // The bank's history names the regrade and who made it.
    expect(t.cloud.db.find('questionHistory', { questionId: q0._id })).toEqual([
      expect.objectContaining({ source: 'regrade', by: 'demo-member-01', fileName: null, changes: [expect.stringMatching(/^答案 [A-D] → [A-D]$/)] }),
    ]);
  });

  it('GIVEN the same correction again THEN nothing is written and the numbers stay', async () => {
    const again = await ok<RegradeOutcome>(ADMIN, 'regradeExam', { examId, questionId: q0._id, key: key(), reason: '再次确认' });
    expect(again).toMatchObject({ written: 0, changed: 4, passedBefore: 2, passedAfter: 3 });
    expect(t.cloud.db.find('examRegrades', {})).toHaveLength(1);
    await checkCounters();
    const p = await ok<RegradePreview>(ADMIN, 'previewRegrade', { examId, questionId: q0._id, key: key() });
    expect(p).toMatchObject({ sameKey: true, changed: 0 });
  });
});

describe('a member answering again when the key is corrected', () => {
  it('GIVEN a graded first attempt and a second one running WHEN the key is corrected THEN the best result counts the regraded first attempt', async () => {
    const saved = await ok<{ id: string }>(ADMIN, 'saveExam', {
      exam: { title: '两次机会测试', unitIds: ['br-school'], opensAt: T0 - MIN, closesAt: T0 + 60 * MIN, durationMinutes: 30, paper: { mode: 'fixed', questionIds: [...singles.map((q) => q._id), fill._id] }, passScore: 8, maxAttempts: 2 },
    });
    const twice = saved.id;
    await ok(ADMIN, 'publishExam', { examId: twice });
    const start = () => ok<AttemptView>('demo-m-14', 'startExam', { examId: twice });
    // The bank was corrected above: this exam pinned `fixedOption`; now it turns out to be the next one.
    const corrected = (fixedOption + 1) % 4;
    const answering = (view: AttemptView, option: number) => {
      const order = paperOf(view.attemptId).find((p) => p.qid === q0._id)?.order ?? [];
      return correctAnswers(t.cloud.db, view.attemptId).map((a) => (a.qid === q0._id ? { qid: a.qid, choice: [order.indexOf(option)] } : a.qid === fill._id ? { qid: a.qid, text: ['不知道'] } : a));
    };
    const first = await start();
    expect((await ok<AttemptResult>('demo-m-14', 'submitAttempt', { attemptId: first.attemptId, answers: answering(first, corrected) })).score).toBe(6);
    const second = await start();
    await ok<RegradeOutcome>(ADMIN, 'regradeExam', { examId: twice, questionId: q0._id, key: { answer: [corrected], blanks: [] }, reason: '标准答案录错', fixBank: false });
    // The second attempt answers by the old key: 6 by the corrected one, less than the first's 8.
    expect((await ok<AttemptResult>('demo-m-14', 'submitAttempt', { attemptId: second.attemptId, answers: answering(second, fixedOption) })).score).toBe(6);
    const s = await ok<ExamStatsView>(ADMIN, 'examStats', { examId: twice });
    expect(s.overall).toMatchObject({ submitted: 1, passed: 1, failed: 0, averageScore: 8 });
    const roster = await ok<ExamRosterView>(ADMIN, 'examRoster', { examId: twice, unitId: 'br-school' });
    expect(roster.rows.find((r) => r.name === '胡雪')).toMatchObject({ score: 8, status: 'passed' });
  });
});

describe('an exam of 1,000 attempts', () => {
  it('is regraded within the exam function’s declared timeout (20 s), over more than one call when the machine is slow', async () => {
    const saved = await ok<{ id: string }>(ADMIN, 'saveExam', {
      exam: { title: '千人测试', unitIds: ['br-school'], opensAt: T0 - MIN, closesAt: T0 + 60 * MIN, durationMinutes: 30, paper: { mode: 'fixed', questionIds: [...singles.map((q) => q._id), fill._id] }, passScore: 8 },
    });
    const big = saved.id;
    await ok(ADMIN, 'publishExam', { examId: big });
    const view = await ok<AttemptView>('demo-m-13', 'startExam', { examId: big });
    await ok('demo-m-13', 'submitAttempt', { attemptId: view.attemptId, answers: correctAnswers(t.cloud.db, view.attemptId) });
    // 999 more members' attempts and standings, copied from the real one (the roster is 10 strong).
    const [attempt] = t.cloud.db.find('examAttempts', { _id: view.attemptId }) as unknown as Array<Record<string, unknown>>;
    const [taker] = t.cloud.db.find('examTakers', { examId: big }) as unknown as Array<Record<string, unknown>>;
    for (let i = 0; i < 999; i++) {
      const memberId = `load-member-${i}`;
      const _id = `${big}_${memberId}_1`;
      t.cloud.db.insert('examAttempts', { ...attempt, _id, memberId, name: `党员${i}` });
      t.cloud.db.insert('examTakers', { ...taker, _id: `${big}_${memberId}`, memberId, name: `党员${i}`, best: { ...(taker.best as object), attemptId: _id } });
    }
    const fixedKey = { answer: [(((t.cloud.db.find('examQuestions', { examId: big, qid: singles[1]._id })[0] as unknown as Stored).answer[0] + 1) % 4)], blanks: [] };
    // Each call stops within its budget (10 s) and says whether it is done; the next carries on.
    const outcomes: RegradeOutcome[] = [];
    for (let call = 0; call < 5 && !outcomes.at(-1)?.done; call++) {
      outcomes.push(await ok<RegradeOutcome>(ADMIN, 'regradeExam', { examId: big, questionId: singles[1]._id, key: fixedKey, reason: '标准答案录错', fixBank: false }));
    }
    expect(outcomes.at(-1)).toMatchObject({ done: true, changed: 1000, passedBefore: 1000, passedAfter: 1000 });
    expect(outcomes.reduce((n, o) => n + o.written, 0)).toBe(1000);
    const scores = new Set((t.cloud.db.find('examAttempts', { examId: big }) as unknown as Array<{ score: number }>).map((a) => a.score));
    expect([...scores]).toEqual([8]);
    expect(t.cloud.db.find('examRegrades', { examId: big })).toEqual([expect.objectContaining({ doneAt: expect.anything() })]);
  }, 60_000);
});
