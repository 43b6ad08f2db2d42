// The daily quiz against the local cloud (issue 16): a round of five in six calls with the key
// and explanation only after each answer, the day's first round scored and later ones practice,
// a double start making one round, answers refused (another member's round, a question not
// served, twice, out of order, forged fields) writing nothing but the abuse record, a script's
// speed flagged, rounds per minute limited, the cost of each call, and the Beijing day boundary.
import type { DailyAnswer, DailyRound, DailyState, QuizFlagRow } from '../../core/contracts/quiz';
import type { Page } from '../../core/contracts';
import { COLLECTIONS } from '../../functions/lib/collections';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';
import { answerFor, playRound, roundDoc } from '../helpers/quiz';

let t: TestCloud;
/** The UTC instant of a Beijing wall-clock time. */
const beijing = (d: string, hh: number, mm = 0, ss = 0) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), hh - 8, mm, ss);
const T0 = beijing('2036-11-20', 9);
const KEY_FIELDS = ['"answer":', '"blanks":', '"explanation":'];

const quiz = <T>(openid: string, action: string, payload: unknown = {}) => t.call<T>(openid, 'quiz', action, payload);
const ok = async <T>(openid: string, action: string, payload: unknown = {}) => dataOf(await quiz<T>(openid, action, payload));

/** Every collection but the attempt records a refusal may write, as JSON per document. */
function snapshot(): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of t.cloud.db.listCollections()) {
    if (name === COLLECTIONS.rateLimits || name === COLLECTIONS.quizFlags) continue;
    for (const d of t.cloud.db.find(name)) out.set(`${name}/${String(d._id)}`, JSON.stringify(d));
  }
  return out;
}
const flagsOf = (memberId: string) => t.cloud.db.find(COLLECTIONS.quizFlags, { memberId }) as unknown as Array<{ fast: number; refused: number; limited: number }>;

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(T0);
  dataOf(await t.call('demo-admin', 'exam', 'installSeedBank', {}));
}, 60_000);
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

describe('a day of the daily quiz', () => {
  it('plays a round of five in six calls: each question without its key, each answer with its verdict, key and explanation, then the summary', async () => {
    t.cloud.clock.set(T0);
    const before = await ok<DailyState>('demo-m-02', 'getDaily');
    expect(before).toMatchObject({ day: '2036-11-20', available: true, scoredDone: false, streak: 0, open: null, total: 5 });
    const { start, answers, calls } = await playRound(t, 'demo-m-02', { right: 4 });
    expect(calls).toBe(6);
    expect(start).toMatchObject({ number: 1, scored: true, total: 5, answeredCount: 0, day: '2036-11-20' });
    const doc = roundDoc(t, start.roundId);
    // Nothing sent before an answer carries a key field or any unanswered question's explanation.
    const secrets = (from: number) => doc.items.slice(from).flatMap((i) => [i.explanation, ...i.blanks.flat()]).filter((s) => s.length > 1);
    // Ids and clock readings are left out of the text searched for keys: a blank such as 26 may
    // occur among their digits by chance (servedAt 2110755600262), which leaks nothing.
    const OPAQUE = new Set(['roundId', 'qid', 'day', 'servedAt', 'serverNow']);
    const textOf = (v: unknown) => JSON.stringify(v, (k, x: unknown) => (OPAQUE.has(k) ? undefined : x));
    const startJson = textOf(start);
    for (const f of KEY_FIELDS) expect(startJson).not.toContain(f);
    for (const s of secrets(0)) expect(startJson).not.toContain(s);
    answers.forEach((a, i) => {
      expect(a.verdict).toMatchObject({ index: i + 1, correct: i < 4, explanation: doc.items[i].explanation });
      const ahead = textOf({ next: a.next, summary: a.summary });
      for (const s of secrets(i + 1)) expect(ahead).not.toContain(s);
      if (i < 4) expect(a.next).toMatchObject({ index: i + 2 });
    });
    const wrong = answers[4].verdict;
    expect(wrong.correctChoice.length + wrong.correctBlanks.length).toBeGreaterThan(0);
    expect(answers[4]).toMatchObject({ next: null, servedAt: null, answeredCount: 5, correctCount: 4 });
    expect(answers[4].summary).toMatchObject({ scored: true, correctCount: 4, total: 5, streak: 1, longestStreak: 1, points: 4 });
    expect(await ok<DailyState>('demo-m-02', 'getDaily')).toMatchObject({ scoredDone: true, todayCorrect: 4, streak: 1, open: null, roundsToday: 1 });
  });

  it('makes the next round of the day practice: no points, the day still counted once, and new questions while the pool allows', async () => {
    t.cloud.clock.set(T0 + 10 * 60_000);
    const second = await playRound(t, 'demo-m-02');
    expect(second.start).toMatchObject({ number: 2, scored: false });
    expect(second.answers[4].summary).toMatchObject({ scored: false, correctCount: 5, streak: 1, points: null });
    const seen = t.cloud.db.find(COLLECTIONS.quizRounds, { memberId: 'demo-member-02' }).flatMap((r) => (r as unknown as { items: Array<{ qid: string }> }).items.map((i) => i.qid));
    expect(new Set(seen).size).toBe(10);
    expect(await ok<DailyState>('demo-m-02', 'getDaily')).toMatchObject({ scoredDone: true, todayCorrect: 4, roundsToday: 2 });
    expect(t.cloud.db.get(COLLECTIONS.quizUnitDays, 'br-office_2036-11-20')).toMatchObject({ participants: 1, correct: 4, answered: 5 });
  });

  it('gives one round to starts sent at once, and continues it on the next start', async () => {
    t.cloud.clock.set(T0 + 20 * 60_000);
    const starts = await Promise.all(Array.from({ length: 3 }, () => quiz<DailyRound>('demo-m-03', 'startDaily')));
    const ids = starts.map((s) => dataOf(s).roundId);
    expect(new Set(ids).size).toBe(1);
    expect(t.cloud.db.count(COLLECTIONS.quizRounds, { memberId: 'demo-member-03' })).toBe(1);
    const again = await ok<DailyRound>('demo-m-03', 'startDaily');
    expect(again).toMatchObject({ roundId: ids[0], answeredCount: 0 });
    expect(t.cloud.db.get(COLLECTIONS.quizMembers, 'demo-member-03')).toMatchObject({ rounds: 1, last: ids[0] });
  });
});

describe('answers refused', () => {
  let round: DailyRound;
  beforeAll(async () => {
    t.cloud.clock.set(T0 + 30 * 60_000);
    round = await ok<DailyRound>('demo-m-04', 'startDaily');
  });

  it('refuses another member’s round, a question not served, one out of order, and forged fields, writing only the abuse record', async () => {
    const before = snapshot();
    const q1 = answerFor(t, round.roundId, round.question);
    const third = roundDoc(t, round.roundId).items[2].qid;
    const elsewhere = (t.cloud.db.find(COLLECTIONS.questions, {}) as unknown as Array<{ _id: string }>).map((q) => q._id).find((id) => !roundDoc(t, round.roundId).items.some((i) => i.qid === id));
    await expect(quiz('demo-m-05', 'answerDaily', q1)).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await expect(quiz('demo-m-04', 'answerDaily', { ...q1, roundId: 'demo-member-04_2036-11-20_9' })).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await expect(quiz('demo-m-04', 'answerDaily', { ...q1, qid: elsewhere })).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await expect(quiz('demo-m-04', 'answerDaily', { ...q1, qid: third })).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: expect.stringContaining('第 1 题') });
    for (const forged of [{ score: 5 }, { servedAt: 0 }, { correct: true }, { memberId: 'demo-member-05' }]) {
      await expect(quiz('demo-m-04', 'answerDaily', { ...q1, ...forged })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    }
    await expect(quiz('demo-m-04', 'startDaily', { number: 1 })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(snapshot()).toEqual(before);
    expect(flagsOf('demo-member-05')[0]).toMatchObject({ refused: 1 });
    // Three refused answers, and the five forged calls.
    expect(flagsOf('demo-member-04')[0]).toMatchObject({ refused: 8 });
  });

  it('refuses a question answered already, twice at once or one after the other: one answer counts', async () => {
    t.cloud.clock.set(T0 + 31 * 60_000);
    const q1 = answerFor(t, round.roundId, round.question);
    const both = await Promise.all([quiz<DailyAnswer>('demo-m-04', 'answerDaily', q1), quiz<DailyAnswer>('demo-m-04', 'answerDaily', q1)]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.filter((r) => !r.ok && r.code === 'CONFLICT')).toHaveLength(1);
    const before = snapshot();
    await expect(quiz('demo-m-04', 'answerDaily', q1)).resolves.toMatchObject({ ok: false, code: 'CONFLICT', message: '这道题已经答过了' });
    expect(snapshot()).toEqual(before);
    expect(roundDoc(t, round.roundId)).toMatchObject({ at: 1 });
    expect(roundDoc(t, round.roundId).answers).toHaveLength(1);
  });

  it('accepts an answer faster than a person reads and flags it, for the organiser of the branch to see', async () => {
    t.cloud.clock.set(T0 + 40 * 60_000);
    const played = await playRound(t, 'demo-m-06', { stepMs: 0 });
    expect(played.answers[4].summary).toMatchObject({ scored: true, correctCount: 5 });
    expect(roundDoc(t, played.start.roundId)).toMatchObject({ fastCount: 5 });
    expect(flagsOf('demo-member-06')[0]).toMatchObject({ fast: 5 });
    const page = await ok<Page<QuizFlagRow>>('demo-admin', 'listQuizFlags', {});
    expect(page.items.find((r) => r.memberId === 'demo-member-06')).toMatchObject({ fast: 5, unitName: expect.any(String) });
    // The organiser of another branch sees none of this branch's members.
    const other = await ok<Page<QuizFlagRow>>('demo-organiser', 'listQuizFlags', {});
    expect(other.items.map((r) => r.memberId)).not.toContain('demo-member-06');
    await expect(quiz('demo-m-06', 'listQuizFlags', {})).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('refuses a fourth round started within a minute (RESOURCE_EXHAUSTED), counted for the flags', async () => {
    const at = beijing('2036-11-20', 15, 0, 5);
    t.cloud.clock.set(at);
    for (let i = 0; i < 3; i++) await playRound(t, 'demo-m-12', { stepMs: 0 });
    const refused = await quiz('demo-m-12', 'startDaily');
    expect(refused).toMatchObject({ ok: false, code: 'RESOURCE_EXHAUSTED' });
    expect(flagsOf('demo-member-12')[0]).toMatchObject({ limited: 1 });
    t.cloud.clock.set(at + 60_000);
    await expect(quiz('demo-m-12', 'startDaily')).resolves.toMatchObject({ ok: true, data: { number: 4, scored: false } });
  });
});

describe('cost', () => {
  it('costs a fixed number of database operations per call', async () => {
    t.cloud.clock.set(beijing('2036-11-21', 10));
    await playRound(t, 'demo-m-13'); // the day's pool and the branch's counter exist from here on
    const cost = async (openid: string, action: string, payload: unknown) => {
      const { result, stats } = await t.invoke(openid, 'quiz', action, payload);
      expect(result).toMatchObject({ ok: true });
      return { reads: stats.reads, writes: stats.writes, data: (result as { data: unknown }).data };
    };
    const costs: Record<string, [number, number]> = {};
    for (const [label, openid] of [
      ['scored', 'demo-m-14'],
      ['practice', 'demo-m-14'],
    ] as const) {
      const start = await cost(openid, 'startDaily', {});
      costs[`${label} start`] = [start.reads, start.writes];
      let q = (start.data as DailyRound).question;
      const roundId = (start.data as DailyRound).roundId;
      for (let i = 0; i < 5; i++) {
        t.cloud.clock.set(t.cloud.clock.now() + 20_000);
        const a = await cost(openid, 'answerDaily', answerFor(t, roundId, q));
        if (i === 0) costs[`${label} answer`] = [a.reads, a.writes];
        if (i === 4) costs[`${label} last answer`] = [a.reads, a.writes];
        q = (a.data as DailyAnswer).next ?? q;
      }
    }
    const state = await cost('demo-m-14', 'getDaily', {});
    costs.getDaily = [state.reads, state.writes];
    // Forged fields: refused at the door, then counted on the member's day record (identity, the record).
    for (const [label, action, payload] of [
      ['forged answer, first flag of the day', 'answerDaily', { roundId: 'r-1', qid: 'q-1', score: 5 }],
      ['forged answer', 'answerDaily', { roundId: 'r-1', qid: 'q-1', score: 5 }],
      ['forged start', 'startDaily', { number: 1 }],
    ] as const) {
      const { result, stats } = await t.invoke('demo-m-14', 'quiz', action, payload);
      expect(result).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
      costs[label] = [stats.reads, stats.writes];
    }
    expect(costs).toEqual({
      'scored start': [6, 4],
      'scored answer': [2, 1],
      // 10 writes: the round's points marker set once the ledger took the award (functions/quiz/repair.ts).
      'scored last answer': [8, 10],
      'practice start': [7, 4],
      'practice answer': [2, 1],
      'practice last answer': [3, 1],
      getDaily: [4, 0],
      // The record's update, then its insert on the first of the day.
      'forged answer, first flag of the day': [1, 2],
      'forged answer': [1, 1],
      'forged start': [1, 1],
    });
  });
});

describe('the Beijing day boundary', () => {
  it('counts a round started at 23:59:59 for that day, and the round started at 00:00:00 as the next day’s scored round: a streak of 2', async () => {
    t.cloud.clock.set(beijing('2036-11-25', 23, 59, 59));
    const late = await ok<DailyRound>('demo-m-15', 'startDaily');
    expect(late).toMatchObject({ day: '2036-11-25', number: 1, scored: true });
    t.cloud.clock.set(beijing('2036-11-26', 0, 0, 0));
    // The card offers to finish the round begun before midnight (it still counts for the 25th).
    expect(await ok<DailyState>('demo-m-15', 'getDaily')).toMatchObject({ day: '2036-11-26', scoredDone: false, open: { roundId: late.roundId, day: '2036-11-25', scored: true } });
    const lateDone = await playRound(t, 'demo-m-15', { stepMs: 0 });
    expect(lateDone.start.roundId).toBe(late.roundId);
    expect(lateDone.answers[4].summary).toMatchObject({ day: '2036-11-25', scored: true, streak: 1 });
    expect(await ok<DailyState>('demo-m-15', 'getDaily')).toMatchObject({ day: '2036-11-26', scoredDone: false, streak: 1 });
    const early = await playRound(t, 'demo-m-15', { stepMs: 0 });
    expect(early.start).toMatchObject({ day: '2036-11-26', number: 1, scored: true });
    expect(early.answers[4].summary).toMatchObject({ scored: true, streak: 2, longestStreak: 2 });
    // Each day's points count against its own cap.
    expect(lateDone.answers[4].summary?.points).toBe(5);
    expect(early.answers[4].summary?.points).toBe(5);
  });

  it('keeps the streak through a day off only as far as yesterday', async () => {
    t.cloud.clock.set(beijing('2036-11-27', 23, 59, 59));
    expect(await ok<DailyState>('demo-m-15', 'getDaily')).toMatchObject({ streak: 2 });
    t.cloud.clock.set(beijing('2036-11-28', 0, 0, 0));
    expect(await ok<DailyState>('demo-m-15', 'getDaily')).toMatchObject({ streak: 0, longestStreak: 2 });
  });
});
