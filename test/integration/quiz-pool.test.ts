// What the daily quiz may serve, and the timer that prepares it (issue 16): a question of an open
// exam window is never served, nor one kept for exams only, even when the day's pool named it
// before the window was published; an empty bank is said honestly and refuses writing nothing;
// the timer prepares tomorrow's pools from 20:00 Beijing time and rolls the units' figures up the
// tree.
import type { DailyRound, DailyState } from '../../core/contracts/quiz';
import { COLLECTIONS } from '../../functions/lib/collections';
import { grantAdmin, rootUnit } from '../../scripts/lib/setup';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';
import { playRound } from '../helpers/quiz';

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
