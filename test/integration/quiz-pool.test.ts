// What the daily quiz may serve, and the timer that prepares it (issue 16): a question of an open
// exam window is never served, nor one kept for exams only, even when the day's pool named it
// before the window was published; an empty bank is said honestly and refuses writing nothing;
// the timer prepares tomorrow's pools from 20:00 Beijing time and rolls the units' figures up the
// tree. A make-up window pins its original's questions again after their pins lapsed: neither the
// daily quiz nor a contest serves them while it is open, though the day's pools named them. A scored
// round's summary carries the day's 每日答题 points against the cap.
import type { ManagedContest } from '../../core/contracts';
import type { DailyRound, DailyState } from '../../core/contracts/quiz';
import { COLLECTIONS } from '../../functions/lib/collections';
import { grantAdmin, rootUnit } from '../../scripts/lib/setup';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';
import { contestRoundDoc, playContest } from '../helpers/contest';
import { playRound } from '../helpers/quiz';

// Each describe's setup saves ten or so questions and publishes an exam: more than jest's 5 s when
// other suites share the two cores (a first run under load timed out in a beforeAll).
jest.setTimeout(30_000);

let t: TestCloud;
const beijing = (d: string, hh: number, mm = 0, ss = 0) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), hh - 8, mm, ss);
const T0 = beijing('2036-11-20', 9);
const ORG = 'org-quiz-small';
const ADMIN = 'quiz-small-admin';

const quiz = <T>(openid: string, action: string, payload: unknown = {}) => t.call<T>(openid, 'quiz', action, payload);
const timer = () => t.cloud.invoke('quiz', { Type: 'Timer', TriggerName: 'preparePools' }, { openid: '' });

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(T0);
  // A small organisation of its own, beside the demo one: its bank is exactly what the test puts in.
  await t.db.collection(COLLECTIONS.units).add({ data: { ...rootUnit(ORG, '答题测试单位', new Date(T0)) } });
  await grantAdmin(t.db, { openid: ADMIN, orgId: ORG, name: '答题测试管理员' });
}, 60_000);
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

describe('an organisation whose bank is empty', () => {
  it('says so on the card, and refuses a round writing nothing', async () => {
    expect(dataOf(await quiz<DailyState>(ADMIN, 'getDaily'))).toMatchObject({ available: false, scoredDone: false, open: null });
    const rounds = t.cloud.db.count(COLLECTIONS.quizRounds, {});
    await expect(quiz(ADMIN, 'startDaily')).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '题库里还没有可用于每日答题的题目' });
    expect(t.cloud.db.count(COLLECTIONS.quizRounds, {})).toBe(rounds);
    expect(t.cloud.db.count(COLLECTIONS.quizPools, { orgId: ORG })).toBe(0);
    expect(t.cloud.db.count(COLLECTIONS.quizMembers, {})).toBe(0);
  });
});

describe('a bank of five practice questions and five on an open exam', () => {
  let free: string[];
  let onExam: string[];
  beforeAll(async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const question = { type: 'single', stem: `测试题干第${i + 1}题：中国共产党成立于哪一年？`, options: ['1919年', '1921年', '1949年'], answer: [1], explanation: `解析${i + 1}` };
      ids.push(dataOf(await t.call<{ id: string }>(ADMIN, 'exam', 'saveQuestion', { question })).id);
    }
    [free, onExam] = [ids.slice(0, 5), ids.slice(5)];
    // The day's pool is chosen before the exam is published: it names all ten.
    t.cloud.clock.set(T0 + 5 * 60_000);
    expect(dataOf(await quiz<DailyState>(ADMIN, 'getDaily'))).toMatchObject({ available: true });
    expect((t.cloud.db.get(COLLECTIONS.quizPools, `${ORG}_2036-11-20`) as unknown as { qids: string[] }).qids.sort()).toEqual([...ids].sort());
    const exam = { title: '答题测试考试', unitIds: [], opensAt: T0, closesAt: T0 + 3 * 3_600_000, durationMinutes: 20, passScore: 1, paper: { mode: 'fixed', questionIds: onExam } };
    const saved = dataOf(await t.call<{ id: string }>(ADMIN, 'exam', 'saveExam', { exam }));
    dataOf(await t.call(ADMIN, 'exam', 'publishExam', { examId: saved.id }));
  });

  it('serves only the five practice questions, round after round, though the pool named the exam’s', async () => {
    const served: string[] = [];
    for (let i = 0; i < 3; i++) {
      t.cloud.clock.set(T0 + (10 + i * 2) * 60_000);
      const { start } = await playRound(t, ADMIN, { stepMs: 5_000 });
      const items = (t.cloud.db.get(COLLECTIONS.quizRounds, start.roundId) as unknown as { items: Array<{ qid: string }> }).items.map((x) => x.qid);
      expect(items.sort()).toEqual([...free].sort());
      served.push(...items);
    }
    expect(served.filter((id) => onExam.includes(id))).toEqual([]);
  });

  it('never serves a question kept for exams only', async () => {
    await t.db.collection(COLLECTIONS.questions).doc(free[0]).update({ data: { examOnly: true } });
    t.cloud.clock.set(T0 + 30 * 60_000);
    const round = dataOf(await quiz<DailyRound>(ADMIN, 'startDaily'));
    expect(round.total).toBe(4);
    const items = (t.cloud.db.get(COLLECTIONS.quizRounds, round.roundId) as unknown as { items: Array<{ qid: string }> }).items.map((x) => x.qid);
    expect(items.sort()).toEqual(free.slice(1).sort());
  });
});

describe('a make-up window over questions whose original pins had lapsed', () => {
  // The demo organisation before its bank is installed (the timer's test below does that): six free
  // questions and five on an exam that closed with most members absent. A day later the exam's pins
  // lapse and its questions are practice again; then the org admin creates the make-up, which pins
  // them until its own close + 24 h.
  const ORG2 = 'org-demo';
  const ADMIN2 = 'demo-admin';
  const D1 = beijing('2036-11-24', 9);
  const HOUR = 3_600_000;
  let free: string[];
  let onExam: string[];
  let examId: string;
  let contestId: string;
  const roundQids = (roundId: string) => (t.cloud.db.get(COLLECTIONS.quizRounds, roundId) as unknown as { items: Array<{ qid: string }> }).items.map((x) => x.qid);
  const pinOf = (id: string) => (t.cloud.db.get(COLLECTIONS.questions, id) as unknown as { pinnedUntil?: number }).pinnedUntil;
  /** Daily rounds (the first of the day scored, then practice) two minutes apart: every qid served. */
  async function dailyRounds(n: number): Promise<string[][]> {
    const out: string[][] = [];
    for (let i = 0; i < n; i++) {
      t.cloud.clock.set(t.cloud.clock.now() + 2 * 60_000);
      const { start } = await playRound(t, ADMIN2, { stepMs: 5_000 });
      out.push(roundQids(start.roundId));
    }
    return out;
  }
  async function contestRounds(n: number): Promise<string[][]> {
    const out: string[][] = [];
    for (let i = 0; i < n; i++) {
      t.cloud.clock.set(t.cloud.clock.now() + 2 * 60_000);
      const { start } = await playContest(t, ADMIN2, contestId, { stepMs: 5_000 });
      out.push(contestRoundDoc(t, start.roundId).items.map((x) => x.qid));
    }
    return out;
  }

  beforeAll(async () => {
    t.cloud.clock.set(D1);
    expect(t.cloud.db.count(COLLECTIONS.questions, { orgId: ORG2 })).toBe(0);
    const ids: string[] = [];
    for (let i = 0; i < 11; i++) {
      const question = { type: 'single', stem: `补考测试第${i + 1}题：党的最高领导机关是什么？`, options: ['党的全国代表大会', '党支部', '党小组'], answer: [0], explanation: `补考解析${i + 1}` };
      ids.push(dataOf(await t.call<{ id: string }>(ADMIN2, 'exam', 'saveQuestion', { question })).id);
    }
    [free, onExam] = [ids.slice(0, 6), ids.slice(6)];
    const exam = { title: '补考测试考试', unitIds: [], opensAt: D1, closesAt: D1 + HOUR, durationMinutes: 20, passScore: 1, paper: { mode: 'fixed', questionIds: onExam } };
    examId = dataOf(await t.call<{ id: string }>(ADMIN2, 'exam', 'saveExam', { exam })).id;
    dataOf(await t.call(ADMIN2, 'exam', 'publishExam', { examId }));
    for (const id of onExam) expect(pinOf(id)).toBe(D1 + 25 * HOUR);
  });

  it('serves the original’s questions again once its pins lapsed, then never while the make-up is open, in daily and contest rounds', async () => {
    // The next day, after the original's close + 24 h: its questions are practice again.
    t.cloud.clock.set(D1 + 26 * HOUR);
    const day2 = '2036-11-25';
    const contest = { title: '补考测试竞赛', description: '', opensAt: D1 + 26 * HOUR, closesAt: D1 + 6 * 24 * HOUR, questionsPerRound: 5, secondsPerQuestion: null, countingRounds: 2, audienceUnitId: ORG2, tags: [] };
    contestId = dataOf(await t.call<ManagedContest>(ADMIN2, 'quiz', 'saveContest', { contest })).contestId;
    dataOf(await t.call(ADMIN2, 'quiz', 'publishContest', { contestId }));
    const before = await dailyRounds(3);
    // Unseen first: three rounds of five go through all eleven, the exam's five among them.
    expect(new Set(before.flat())).toEqual(new Set([...free, ...onExam]));
    // The day's pools, chosen before the make-up, name every question.
    expect((t.cloud.db.get(COLLECTIONS.quizPools, `${ORG2}_${day2}`) as unknown as { qids: string[] }).qids.sort()).toEqual([...free, ...onExam].sort());
    expect((t.cloud.db.get(COLLECTIONS.contestPools, `${contestId}_${day2}`) as unknown as { qids: string[] }).qids.sort()).toEqual([...free, ...onExam].sort());

    // The make-up for the absentee, open for two days from now.
    t.cloud.clock.set(t.cloud.clock.now() + 10 * 60_000);
    const makeupClose = t.cloud.clock.now() + 48 * HOUR;
    const makeup = dataOf(await t.call<{ examId: string; invited: number }>(ADMIN2, 'exam', 'createMakeup', { examId, include: 'absent', opensAt: t.cloud.clock.now(), closesAt: makeupClose }));
    expect(makeup.invited).toBeGreaterThan(0);
    for (const id of onExam) expect(pinOf(id)).toBe(makeupClose + 24 * HOUR);

    // Today (the pools named them), and the next day (new pools): only the six free questions.
    const during = [...(await dailyRounds(3)), ...(await contestRounds(3))];
    t.cloud.clock.set(D1 + 50 * HOUR);
    during.push(...(await dailyRounds(2)), ...(await contestRounds(2)));
    for (const served of during) {
      expect(served).toHaveLength(5);
      expect(served.filter((id) => onExam.includes(id))).toEqual([]);
    }
    expect(new Set(during.flat())).toEqual(new Set(free));

    // After the make-up's close + 24 h they come back, in the daily quiz and the contest alike.
    t.cloud.clock.set(makeupClose + 24 * HOUR + 60_000);
    const after = [...(await dailyRounds(2)), ...(await contestRounds(1))];
    expect(after.flat().filter((id) => onExam.includes(id)).length).toBeGreaterThan(0);
  });

  it('keeps a make-up’s questions out past the moment its original’s pins would have lapsed, in daily and contest rounds', async () => {
    // Another exam, on five new questions, closes with absentees; the make-up follows within the
    // original's 24 h margin and is still open when that margin ends.
    const S = beijing('2036-11-28', 12);
    t.cloud.clock.set(S);
    const fresh: string[] = [];
    for (let i = 0; i < 5; i++) {
      const question = { type: 'single', stem: `补考延长第${i + 1}题：党的基层组织是什么？`, options: ['党支部', '党委', '党小组'], answer: [0], explanation: `补考延长解析${i + 1}` };
      fresh.push(dataOf(await t.call<{ id: string }>(ADMIN2, 'exam', 'saveQuestion', { question })).id);
    }
    const exam = { title: '补考延长考试', unitIds: [], opensAt: S, closesAt: S + HOUR, durationMinutes: 20, passScore: 1, paper: { mode: 'fixed', questionIds: fresh } };
    const second = dataOf(await t.call<{ id: string }>(ADMIN2, 'exam', 'saveExam', { exam })).id;
    dataOf(await t.call(ADMIN2, 'exam', 'publishExam', { examId: second }));
    t.cloud.clock.set(S + 2 * HOUR);
    const makeupClose = S + 26 * HOUR;
    dataOf(await t.call(ADMIN2, 'exam', 'createMakeup', { examId: second, include: 'absent', opensAt: S + 2 * HOUR, closesAt: makeupClose }));
    for (const id of fresh) expect(pinOf(id)).toBe(makeupClose + 24 * HOUR);

    // A minute after the original's pins would have lapsed (its close + 24 h), the make-up still
    // open: in the daily quiz the member has seen every other question, so without the make-up's
    // pins these five, never seen, would come first.
    t.cloud.clock.set(S + HOUR + 24 * HOUR + 60_000);
    expect(t.cloud.clock.now()).toBeLessThan(makeupClose);
    const served = [...(await dailyRounds(2)), ...(await contestRounds(2))];
    for (const items of served) {
      expect(items).toHaveLength(5);
      expect(items.filter((id) => fresh.includes(id))).toEqual([]);
    }
  });
});

describe('the timer', () => {
  it('builds today’s missing pools, tomorrow’s from 20:00 Beijing time, and rolls the units’ figures up the tree', async () => {
    t.cloud.clock.set(beijing('2036-12-01', 8));
    dataOf(await t.call('demo-admin', 'exam', 'installSeedBank', {}));
    await expect(timer()).resolves.toMatchObject({ result: { ok: true } });
    expect(t.cloud.db.get(COLLECTIONS.quizPools, 'org-demo_2036-12-01')).toMatchObject({ by: 'timer', qids: expect.any(Array) });
    expect(t.cloud.db.get(COLLECTIONS.quizPools, 'org-demo_2036-12-02')).toBeUndefined();
    const pool = t.cloud.db.get(COLLECTIONS.quizPools, 'org-demo_2036-12-01') as unknown as { qids: string[] };
    // The built-in bank is under POOL_SIZE: all of it.
    expect(pool.qids.length).toBe(t.cloud.db.count(COLLECTIONS.questions, { orgId: 'org-demo', status: 'active' }));

    await playRound(t, 'demo-m-02', { right: 3 });
    await playRound(t, 'demo-m-03');
    await playRound(t, 'demo-m-12', { right: 0 });
    t.cloud.clock.set(beijing('2036-12-01', 20, 30));
    await expect(timer()).resolves.toMatchObject({ result: { ok: true } });
    expect(t.cloud.db.get(COLLECTIONS.quizPools, 'org-demo_2036-12-02')).toMatchObject({ by: 'timer', day: '2036-12-02' });
    expect(t.cloud.db.get(COLLECTIONS.quizRollups, 'br-office_2036-12-01')).toMatchObject({ participants: 2, correct: 8, answered: 10, perfect: 1 });
    expect(t.cloud.db.get(COLLECTIONS.quizRollups, 'br-school_2036-12-01')).toMatchObject({ participants: 1, correct: 0, answered: 5 });
    expect(t.cloud.db.get(COLLECTIONS.quizRollups, 'org-demo_2036-12-01')).toMatchObject({ participants: 3, correct: 8, answered: 15, perfect: 1 });
  });
});

describe('the summary of a scored round', () => {
  it('carries the day’s 每日答题 points against the cap from the award itself; practice carries none', async () => {
    t.cloud.clock.set(beijing('2036-12-01', 21));
    const scored = await playRound(t, 'demo-m-04', { right: 3 });
    expect(scored.answers[4].summary).toMatchObject({ scored: true, points: 3, pointsDay: { earned: 3, cap: 5 } });
    t.cloud.clock.set(beijing('2036-12-01', 21, 5));
    const practice = await playRound(t, 'demo-m-04');
    expect(practice.answers[4].summary).toMatchObject({ scored: false, points: null, pointsDay: null });
  });
});
