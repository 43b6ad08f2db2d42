// Who reads an exam's answer key, and when (docs/SECURITY.md): no taker of a window still open to
// them sees the key of a question of that window, through any action — a make-up shares its
// original's questions, a drawn exam's whole pool counts as its questions, and an attempt running
// past the close on extra time keeps its window open for that member.
import type { AttemptResult, AttemptView, ExamDraftInput, ReviewItem } from '../../core/contracts/exam';
import { correctAnswers } from '../../scripts/lib/demo-exams';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
// A fixed "now" in the middle of a Beijing working day.
const T0 = Date.UTC(2026, 10, 23, 2, 0, 0);

const ORGANISER = 'demo-organiser'; // branch organiser of br-school
const RETIRED_ORGANISER = 'demo-m-22'; // branch organiser of br-retired

const exam = <T>(openid: string, action: string, payload: unknown = {}) => t.call<T>(openid, 'exam', action, payload);
const ok = async <T>(openid: string, action: string, payload: unknown = {}) => dataOf(await exam<T>(openid, action, payload));

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(T0);
  await ok('demo-admin', 'installSeedBank');
}, 60_000);
afterAll(async () => {
  await t?.close();
});

interface StoredQuestion {
  _id: string;
  type: string;
  explanation: string;
  blanks: string[][];
}

/** Bank questions of a type, in a stable order (the built-in bank is installed above). */
function bank(type: string, n: number, skip = 0): string[] {
  const docs = t.cloud.db.find('questions', { type }) as unknown as StoredQuestion[];
  return docs.map((d) => d._id).sort().slice(skip, skip + n);
}

async function publish(exam: Partial<ExamDraftInput> & Pick<ExamDraftInput, 'title' | 'unitIds' | 'opensAt' | 'closesAt' | 'paper'>, by = 'demo-admin'): Promise<string> {
  const saved = await ok<{ id: string }>(by, 'saveExam', { exam: { durationMinutes: 20, passScore: 1, ...exam } });
  await ok(by, 'publishExam', { examId: saved.id });
  return saved.id;
}

/** Take an exam: all answers right, or only the first `right` of them. */
async function take(openid: string, examId: string, right?: number): Promise<{ view: AttemptView; result: AttemptResult }> {
  const view = await ok<AttemptView>(openid, 'startExam', { examId });
  const answers = correctAnswers(t.cloud.db, view.attemptId);
  const result = await ok<AttemptResult>(openid, 'submitAttempt', { attemptId: view.attemptId, answers: right === undefined ? answers : answers.slice(0, right) });
  return { view, result };
}

/** The pinned explanations and accepted fill answers of an exam: none may reach a held review. */
function secretsOf(examId: string): string[] {
  const docs = t.cloud.db.find('examQuestions', { examId }) as unknown as StoredQuestion[];
  return docs.flatMap((d) => [d.explanation, ...d.blanks.flat()]).filter((s) => s !== '');
}

const held = (windows: string[]) => ({ correctChoice: [], correctBlanks: [], explanation: '', correct: false, earned: 0, keyHeld: { windows } });
const whole = { keyHeld: null, correct: true, explanation: expect.stringMatching(/./) };

describe('a make-up’s key while it is open (finding 1)', () => {
  const MAKEUP = '党章党规测试（补考）';
  let examId: string;
  let failed: AttemptResult;
  let passed: AttemptResult;
  let paper: string[];

  beforeAll(async () => {
    t.cloud.clock.set(T0);
    paper = [...bank('single', 4), ...bank('judge', 3), ...bank('multiple', 2), ...bank('fill', 1)];
    examId = await publish({ title: '党章党规测试', unitIds: ['br-school'], opensAt: T0 - MIN, closesAt: T0 + 60 * MIN, paper: { mode: 'fixed', questionIds: paper }, passScore: 14 });
    failed = (await take('demo-m-13', examId, 3)).result;
    passed = (await take('demo-m-12', examId)).result;
    expect([failed.passed, passed.passed]).toEqual([false, true]);
    t.cloud.clock.set(T0 + 61 * MIN);
    const made = await ok<{ examId: string; invited: number }>(ORGANISER, 'createMakeup', { examId, include: 'failed', opensAt: T0 + 61 * MIN, closesAt: T0 + 180 * MIN, title: MAKEUP });
    expect(made.invited).toBe(1);
  });

  it('GIVEN a member invited to the open make-up WHEN they read the original’s review THEN no question carries its key, and the review says why', async () => {
    for (const action of ['getResult', 'getAttempt']) {
      const r = await ok<AttemptResult>('demo-m-13', action, { attemptId: failed.attemptId });
      // The score stays: it was shown at submit.
      expect(r).toMatchObject({ score: failed.score, correctCount: failed.correctCount, reviewAt: null });
      expect(r.review).toHaveLength(paper.length);
      for (const item of r.review ?? []) expect(item).toMatchObject(held([MAKEUP]));
      // Neither an explanation nor an accepted fill answer appears anywhere (the member's own
      // answers aside).
      const text = JSON.stringify(r);
      const mine = new Set((r.review ?? []).flatMap((i) => i.mine?.text ?? []));
      for (const secret of secretsOf(examId)) expect({ secret, found: text.includes(`"${secret}"`) && !mine.has(secret) }).toEqual({ secret, found: false });
    }
  });

  it('GIVEN a member of the original who is not invited to the make-up THEN their review is whole', async () => {
    const r = await ok<AttemptResult>('demo-m-12', 'getResult', { attemptId: passed.attemptId });
    expect(r.review).toHaveLength(paper.length);
    for (const item of r.review ?? []) expect(item).toMatchObject(whole);
  });

  it('a released review with a held question costs two more reads: the member’s open windows and their taker documents', async () => {
    const { result, stats } = await t.invoke('demo-m-13', 'exam', 'getResult', { attemptId: failed.attemptId });
    expect(result).toMatchObject({ ok: true });
    // identity 1, attempt 1, pinned questions 1, the member's reports 1 | open windows 1, taker documents 1
    expect([stats.reads, stats.writes]).toEqual([6, 0]);
  });

  it('GIVEN the make-up has closed THEN the original’s review is whole again', async () => {
    const makeup = (t.cloud.db.find('exams', { parentId: examId }) as unknown as Array<{ _id: string }>)[0];
    await take('demo-m-13', makeup._id);
    t.cloud.clock.set(T0 + 181 * MIN);
    const r = await ok<AttemptResult>('demo-m-13', 'getResult', { attemptId: failed.attemptId });
    expect(r.review).toHaveLength(paper.length);
    for (const item of r.review ?? []) expect(item).toMatchObject({ keyHeld: null, explanation: expect.stringMatching(/./) });
    expect((r.review ?? []).filter((i) => i.type !== 'fill').every((i) => i.correctChoice.length > 0)).toBe(true);
  });
});

describe('a drawn exam’s whole pool is held from its takers, in any exam’s review (finding 1)', () => {
  const T1 = T0 + 2 * DAY;
  const DRAW = '判断题抽测';
  const NOW_SHOWN = '即交即看';
  let closed: string;
  let judges: string[];
  let singles: string[];
  const results = new Map<string, AttemptResult>();

  beforeAll(async () => {
    t.cloud.clock.set(T1 - 3 * 60 * MIN);
    judges = bank('judge', 2, 10);
    singles = bank('single', 2, 10);
    closed = await publish({ title: '上周小测', unitIds: ['br-retired'], opensAt: T1 - 181 * MIN, closesAt: T1 - 120 * MIN, paper: { mode: 'fixed', questionIds: [...judges, ...singles] } });
    for (const who of ['demo-m-23', 'demo-m-24']) results.set(who, (await take(who, closed)).result);
    t.cloud.clock.set(T1);
    // Open now for the same branch: two judge questions drawn per person from every judge question.
    await publish({ title: DRAW, unitIds: ['br-retired'], opensAt: T1 - MIN, closesAt: T1 + 60 * MIN, paper: { mode: 'rules', rules: [{ type: 'judge', tag: null, count: 2 }] } });
  });

  const review = async (who: string) => (await ok<AttemptResult>(who, 'getResult', { attemptId: results.get(who)?.attemptId })).review ?? [];
  const kind = (items: ReviewItem[], qids: string[]) => items.filter((i) => qids.includes(i.qid));

  it('GIVEN a drawn exam open to the member WHEN they read a closed exam’s review THEN its judge questions are held, the others whole', async () => {
    const items = await review('demo-m-23');
    expect(items).toHaveLength(4);
    for (const item of kind(items, judges)) expect(item).toMatchObject(held([DRAW]));
    for (const item of kind(items, singles)) expect(item).toMatchObject(whole);
  });

  it('pins the reads: the drawn window’s pool is checked with one read of its pinned ids', async () => {
    const { stats } = await t.invoke('demo-m-23', 'exam', 'getResult', { attemptId: results.get('demo-m-23')?.attemptId });
    // identity 1, attempt 1, pinned questions 1, reports 1 | open windows 1, taker documents 1, pool membership 1
    expect([stats.reads, stats.writes]).toEqual([7, 0]);
  });

  it('GIVEN an exam that shows answers on submit WHEN its paper shares a question with another open window THEN submitAttempt holds that one', async () => {
    const id = await publish({ title: NOW_SHOWN, unitIds: ['br-retired'], opensAt: T1 - MIN, closesAt: T1 + 60 * MIN, releaseAnswers: 'after_submit', paper: { mode: 'fixed', questionIds: [judges[0], singles[0]] } });
    const { result } = await take('demo-m-23', id);
    expect(result.review).toHaveLength(2);
    expect(kind(result.review ?? [], [judges[0]])[0]).toMatchObject(held([DRAW]));
    expect(kind(result.review ?? [], [singles[0]])[0]).toMatchObject(whole);
    // demo-m-24 may still take it: its questions are held from them in the closed exam's review.
    const other = await review('demo-m-24');
    expect(kind(other, [singles[0]])[0]).toMatchObject(held([NOW_SHOWN]));
    expect(kind(other, [judges[0]])[0]).toMatchObject({ keyHeld: { windows: expect.arrayContaining([DRAW, NOW_SHOWN]) } });
    expect(kind(other, [singles[1]])[0]).toMatchObject(whole);
  });

  it('GIVEN an attempt running past the window’s close on extra time THEN that member’s window stays open', async () => {
    const draw = (t.cloud.db.find('exams', { title: DRAW }) as unknown as Array<{ _id: string }>)[0]._id;
    await ok(RETIRED_ORGANISER, 'grantExtraTime', { examId: draw, memberIds: ['demo-member-24'], minutes: 30, reason: '视力不好' });
    t.cloud.clock.set(T1 + 55 * MIN);
    const a = await ok<AttemptView>('demo-m-24', 'startExam', { examId: draw });
    expect(a.deadline).toBe(T1 + 90 * MIN);
    t.cloud.clock.set(T1 + 70 * MIN);
    for (const item of kind(await review('demo-m-24'), judges)) expect(item).toMatchObject(held([DRAW]));
    // Another member of the branch, with nothing running: the window has closed for them.
    for (const item of kind(await review('demo-m-23'), judges)) expect(item).toMatchObject(whole);
  });
});

describe('an organiser sitting an exam does not read its key from the bank (finding 2)', () => {
  const T2 = T0 + 10 * DAY;
  const ALL = '全体党员党章测试';
  const SCHOOL = '实验中学小测';
  const FILLS = '填空抽测';
  let qa: string; // single, on the org-wide exam
  let qb: string; // judge, on the org-wide exam
  let qc: string; // fill, on the org-wide exam (and in the school's drawn pool)
  let qd: string; // single, on the school's exam only
  let free: string; // single, on no window
  let orgWide: string;

  interface Detail {
    id: string;
    stem: string;
    options: string[];
    answer: number[];
    blanks: string[][];
    explanation: string;
  }
  const stored = (id: string) => (t.cloud.db.find('questions', { _id: id }) as unknown as Array<Detail & { type: string; tags: string[]; difficulty: number; version: number }>)[0];
  const heldDetail = (windows: unknown) => ({ answer: [], blanks: [], explanation: '', keyHeld: { windows } });

  beforeAll(async () => {
    [qa, free] = bank('single', 2, 20);
    [qd] = bank('single', 1, 22);
    [qb] = bank('judge', 1, 12);
    [qc] = bank('fill', 1, 2);
    // Earlier today's exam of the school, closed: a member reports an error in qa (the report is in
    // the school organiser's queue: the exam is the school's).
    t.cloud.clock.set(T2 - 3 * 60 * MIN);
    const past = await publish({ title: '实验中学支部小测', unitIds: ['br-school'], opensAt: T2 - 181 * MIN, closesAt: T2 - 120 * MIN, paper: { mode: 'fixed', questionIds: [qa] } });
    const { result } = await take('demo-m-14', past);
    t.cloud.clock.set(T2);
    await ok('demo-m-14', 'reportQuestion', { attemptId: result.attemptId, qid: qa, note: '第1题答案应为B，解析也不对' });
    // Open now: an org-wide exam, and two for the school (a fixed paper, a drawn fill question).
    orgWide = await publish({ title: ALL, unitIds: [], opensAt: T2 - MIN, closesAt: T2 + 60 * MIN, paper: { mode: 'fixed', questionIds: [qa, qb, qc] } });
    await publish({ title: SCHOOL, unitIds: ['br-school'], opensAt: T2 - MIN, closesAt: T2 + 60 * MIN, paper: { mode: 'fixed', questionIds: [qd] } });
    await publish({ title: FILLS, unitIds: ['br-school'], opensAt: T2 - MIN, closesAt: T2 + 60 * MIN, paper: { mode: 'rules', rules: [{ type: 'fill', tag: null, count: 1 }] } });
  });

  it('GIVEN organisers in the audience of an open exam WHEN they read its questions from the bank THEN the key is withheld, saying why', async () => {
    for (const who of [ORGANISER, 'demo-admin']) {
      const q = await ok<Detail>(who, 'getQuestion', { questionId: qa });
      expect(q).toMatchObject({ id: qa, stem: stored(qa).stem, options: stored(qa).options, ...heldDetail([ALL]) });
    }
    await expect(ok(ORGANISER, 'getQuestion', { questionId: qb })).resolves.toMatchObject(heldDetail([ALL]));
    await expect(ok(ORGANISER, 'getQuestion', { questionId: qc })).resolves.toMatchObject(heldDetail(expect.arrayContaining([ALL, FILLS])));
    await expect(ok(ORGANISER, 'getQuestion', { questionId: qd })).resolves.toMatchObject(heldDetail([SCHOOL]));
    // Any fill question is in the school's drawn pool.
    const [otherFill] = bank('fill', 1, 3);
    await expect(ok(ORGANISER, 'getQuestion', { questionId: otherFill })).resolves.toMatchObject(heldDetail([FILLS]));
    // A question on no window of theirs comes whole.
    await expect(ok(ORGANISER, 'getQuestion', { questionId: free })).resolves.toMatchObject({ answer: stored(free).answer, explanation: stored(free).explanation, keyHeld: null });
  });

  it('GIVEN an org admin outside an exam’s audience THEN they read its key and may fix it during the window', async () => {
    await expect(ok('demo-admin', 'getQuestion', { questionId: qd })).resolves.toMatchObject({ answer: stored(qd).answer, keyHeld: null });
    const [otherFill] = bank('fill', 1, 3);
    await expect(ok('demo-admin', 'getQuestion', { questionId: otherFill })).resolves.toMatchObject({ blanks: stored(otherFill).blanks, keyHeld: null });
    const q = stored(qd);
    const fixed = await ok<Detail>('demo-admin', 'saveQuestion', { questionId: qd, question: { type: 'single', stem: q.stem, options: q.options, answer: q.answer, explanation: '解析已更正', tags: q.tags, difficulty: q.difficulty } });
    expect(fixed).toMatchObject({ answer: q.answer, explanation: '解析已更正', keyHeld: null });
  });

  it('GIVEN a held organiser WHEN they save the question without its key THEN the stored key stays and is still not shown', async () => {
    const before = stored(qa);
    const edit = { type: 'single', stem: `${before.stem}（修订）`, options: before.options, answer: [], explanation: '', tags: before.tags, difficulty: before.difficulty };
    const saved = await ok<Detail>(ORGANISER, 'saveQuestion', { questionId: qa, question: edit });
    expect(saved).toMatchObject({ stem: edit.stem, ...heldDetail([ALL]) });
    expect(stored(qa)).toMatchObject({ stem: edit.stem, answer: before.answer, explanation: before.explanation, version: before.version + 1 });
    // A fill question keeps its blanks the same way.
    const fill = stored(qc);
    await ok(ORGANISER, 'saveQuestion', { questionId: qc, question: { type: 'fill', stem: fill.stem, blanks: [], explanation: '', tags: fill.tags, difficulty: fill.difficulty } });
    expect(stored(qc)).toMatchObject({ blanks: fill.blanks, explanation: fill.explanation });
    // Fewer options with the key kept: refused whatever the key is, nothing written.
    const now = stored(qa);
    const fewer = await exam(ORGANISER, 'saveQuestion', { questionId: qa, question: { ...edit, options: now.options.slice(0, 2) } });
    expect(fewer).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(stored(qa)).toEqual(now);
  });

  it('GIVEN a held organiser WHEN they list question reports THEN a report on a held question comes without its note and reply', async () => {
    const page = await ok<{ items: Array<{ questionId: string }> }>(ORGANISER, 'listQuestionReports', { status: 'open' });
    expect(page.items.find((r) => r.questionId === qa)).toMatchObject({ stem: expect.stringMatching(/./), note: '', reply: '', keyHeld: { windows: [ALL] } });
  });

  it('pins the reads of the bank’s key checks', async () => {
    const cost = async (who: string, action: string, payload: unknown) => {
      const { result, stats } = await t.invoke(who, 'exam', action, payload);
      expect(result).toMatchObject({ ok: true });
      return [stats.reads, stats.writes];
    };
    // identity 1, question 1 | open windows 1, taker documents 1 (the admin: the org-wide fixed paper only)
    await expect(cost('demo-admin', 'getQuestion', { questionId: qd })).resolves.toEqual([4, 0]);
    // … and the school's drawn pool, by pinned id 1
    await expect(cost(ORGANISER, 'getQuestion', { questionId: free })).resolves.toEqual([5, 0]);
    // identity 1, units of the subtree 1, the exams it owns 1, reports 1 | open windows 1, taker documents 1, drawn pool 1
    await expect(cost(ORGANISER, 'listQuestionReports', { status: 'open' })).resolves.toEqual([7, 0]);
  });

  it('GIVEN the organiser’s own attempt is over THEN they read the key (the other windows still hold theirs)', async () => {
    await take(ORGANISER, orgWide);
    await expect(ok(ORGANISER, 'getQuestion', { questionId: qa })).resolves.toMatchObject({ answer: stored(qa).answer, explanation: stored(qa).explanation, keyHeld: null });
    await expect(ok(ORGANISER, 'getQuestion', { questionId: qd })).resolves.toMatchObject(heldDetail([SCHOOL]));
    const page = await ok<{ items: Array<{ questionId: string }> }>(ORGANISER, 'listQuestionReports', { status: 'open' });
    expect(page.items.find((r) => r.questionId === qa)).toMatchObject({ note: '第1题答案应为B，解析也不对', keyHeld: null });
  });

  it('GIVEN the windows have closed THEN every organiser reads every key', async () => {
    t.cloud.clock.set(T2 + 61 * MIN);
    for (const id of [qa, qb, qc, qd]) await expect(ok('demo-admin', 'getQuestion', { questionId: id })).resolves.toMatchObject({ answer: stored(id).answer, blanks: stored(id).blanks, keyHeld: null });
  });
});
