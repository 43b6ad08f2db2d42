// Knowledge contests against the local cloud (issue 16): an organiser sets one up for their subtree
// and publishes it (rules then fixed, the close only extended); two members play rounds one call per
// question, the key only after each answer, timed answers weighted by the time left, the day's
// rounds beyond the counting ones practice; boards and unit figures from counters rolled up by the
// timer, names only for those who opted in; late, too fast, forged, outside the window or audience,
// twice at once — each refused or scored 0 as the rules say, writing only the abuse record; the
// DB operations of each call pinned; the Beijing day boundary; the publicity draft after the close.
import type { ContestAnswer, ContestBoard, ContestCard, ContestFigures, ContestFlagRow, ContestQuestionRound, ManagedContest, Page } from '../../core/contracts';
import { COLLECTIONS } from '../../functions/lib/collections';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';
import { beijing, contestAnswerFor, contestRoundDoc, playContest } from '../helpers/contest';

let t: TestCloud;
const T0 = beijing('2036-11-20', 9);
const DAY = 86_400_000;
const KEY_FIELDS = ['"answer":', '"blanks":', '"explanation":'];

const quiz = <T>(openid: string, action: string, payload: unknown = {}) => t.call<T>(openid, 'quiz', action, payload);
const ok = async <T>(openid: string, action: string, payload: unknown = {}) => dataOf(await quiz<T>(openid, action, payload));
const timer = () => t.cloud.invoke('quiz', { Type: 'Timer', TriggerName: 'preparePools' }, { openid: '' });

/** Every collection but the attempt records a refusal may write, as JSON per document. */
function snapshot(): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of t.cloud.db.listCollections()) {
    if (name === COLLECTIONS.rateLimits || name === COLLECTIONS.contestFlags) continue;
    for (const d of t.cloud.db.find(name)) out.set(`${name}/${String(d._id)}`, JSON.stringify(d));
  }
  return out;
}
const flagOf = (contestId: string, memberId: string) =>
  t.cloud.db.get(COLLECTIONS.contestFlags, `${contestId}_${memberId}`) as unknown as { fast: number; refused: number; limited: number; late: number } | null;

const contest = (over: Record<string, unknown> = {}) => ({
  title: '党史知识竞赛',
  description: '学党史、知党情',
  opensAt: T0,
  closesAt: T0 + 7 * DAY,
  questionsPerRound: 5,
  secondsPerQuestion: 20,
  countingRounds: 2,
  audienceUnitId: 'org-demo',
  tags: ['党史'],
  ...over,
});

/** Saved and published as `openid`; its id. */
async function published(openid: string, over: Record<string, unknown> = {}): Promise<string> {
  const saved = await ok<ManagedContest>(openid, 'saveContest', { contest: contest(over) });
  await ok<ManagedContest>(openid, 'publishContest', { contestId: saved.contestId });
  return saved.contestId;
}

let whole: string; // the whole organisation's, timed 20 s, 2 counting rounds a day, 党史 only
let school: string; // 实验中学's, by its organiser, untimed, 1 counting round a day

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(T0 - 60 * 60_000);
  dataOf(await t.call('demo-admin', 'exam', 'installSeedBank', {}));
}, 60_000);
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

describe('an organiser sets up a contest', () => {
  it('saves a draft for a unit of their subtree and refuses bad settings and foreign units', async () => {
    const bad = [
      { closesAt: T0 - 1 },
      { closesAt: T0 + 40 * DAY },
      { questionsPerRound: 60 },
      { questionsPerRound: 4 },
      { secondsPerQuestion: 5 },
      { countingRounds: 0 },
      { title: '' },
      { tags: Array.from({ length: 11 }, (_, i) => `标签${i}`) },
    ];
    for (const over of bad) await expect(quiz('demo-organiser', 'saveContest', { contest: contest({ ...over, audienceUnitId: 'br-school' }) })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    // Another branch, or the whole organisation, is not a branch organiser's to address.
    await expect(quiz('demo-organiser', 'saveContest', { contest: contest({ audienceUnitId: 'br-retired' }) })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(quiz('demo-organiser', 'saveContest', { contest: contest() })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(quiz('demo-m-12', 'saveContest', { contest: contest({ audienceUnitId: 'br-school' }) })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const draft = await ok<ManagedContest>('demo-organiser', 'saveContest', { contest: contest({ title: '实验中学党史竞赛', audienceUnitId: 'br-school', secondsPerQuestion: null, countingRounds: 1, tags: [] }) });
    expect(draft).toMatchObject({ status: 'draft', phase: 'draft', audienceName: '实验中学党支部', rules: { secondsPerQuestion: null, speedBonus: 0, roundMax: 50 } });
    // A double tap on 保存 makes one contest.
    const again = await ok<ManagedContest>('demo-organiser', 'saveContest', { contest: contest({ title: '实验中学党史竞赛', audienceUnitId: 'br-school', secondsPerQuestion: null, countingRounds: 1, tags: [] }) });
    expect(again.contestId).toBe(draft.contestId);
    school = draft.contestId;
    // Members do not see a draft.
    expect(await ok<ContestCard[]>('demo-m-12', 'listContests')).toEqual([]);
    await expect(quiz('demo-m-12', 'startContestRound', { contestId: school })).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('publishes it, after which its rules, audience and opening are fixed and its close may only move later', async () => {
    const pub = await ok<ManagedContest>('demo-organiser', 'publishContest', { contestId: school });
    expect(pub).toMatchObject({ status: 'published', phase: 'upcoming' });
    const body = contest({ title: '实验中学党史竞赛', audienceUnitId: 'br-school', secondsPerQuestion: null, countingRounds: 1, tags: [] });
    await expect(quiz('demo-organiser', 'saveContest', { contestId: school, contest: { ...body, questionsPerRound: 10 } })).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    await expect(quiz('demo-organiser', 'saveContest', { contestId: school, contest: { ...body, closesAt: T0 + 6 * DAY } })).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    const longer = await ok<ManagedContest>('demo-organiser', 'saveContest', { contestId: school, contest: { ...body, closesAt: T0 + 8 * DAY, title: '实验中学党史知识竞赛' } });
    expect(longer).toMatchObject({ closesAt: T0 + 8 * DAY, title: '实验中学党史知识竞赛', status: 'published' });
    // Another branch's organiser neither sees nor changes it.
    const theirs = await ok<Page<ManagedContest>>('demo-m-22', 'listManagedContests', {});
    expect(theirs.items.map((c) => c.contestId)).not.toContain(school);
    await expect(quiz('demo-m-22', 'cancelContest', { contestId: school })).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const mine = await ok<Page<ManagedContest>>('demo-organiser', 'listManagedContests', {});
    expect(mine.items.map((c) => c.contestId)).toContain(school);
    expect(await ok<ManagedContest>('demo-organiser', 'getManagedContest', { contestId: school })).toMatchObject({ title: '实验中学党史知识竞赛', phase: 'upcoming', audienceUnitId: 'br-school' });
    await expect(quiz('demo-m-22', 'getManagedContest', { contestId: school })).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await ok<Page<ManagedContest>>('demo-admin', 'listManagedContests', {})).items.map((c) => c.contestId)).toContain(school);
  });

  it('refuses to publish a contest the bank cannot fill', async () => {
    const saved = await ok<ManagedContest>('demo-admin', 'saveContest', { contest: contest({ title: '没有题的竞赛', tags: ['不存在的标签'] }) });
    await expect(quiz('demo-admin', 'publishContest', { contestId: saved.contestId })).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: expect.stringContaining('只有 0 道') });
    await ok('demo-admin', 'cancelContest', { contestId: saved.contestId });
  });
});

describe('members play rounds', () => {
  beforeAll(async () => {
    whole = await published('demo-admin');
    t.cloud.clock.set(T0 + 60_000);
  });

  it('lists the open contests of the member’s audience with their standing', async () => {
    const cards = await ok<ContestCard[]>('demo-m-12', 'listContests');
    expect(cards.map((c) => c.contestId).sort()).toEqual([school, whole].sort());
    expect(cards.find((c) => c.contestId === whole)).toMatchObject({ phase: 'open', rules: { secondsPerQuestion: 20, graceSeconds: 2, roundMax: 75 }, me: { rounds: 0, countingLeftToday: 2, open: null } });
    // 离退休干部 is not in 实验中学's audience.
    expect((await ok<ContestCard[]>('demo-member', 'listContests')).map((c) => c.contestId)).toEqual([whole]);
  });

  it('plays a timed round in six calls: no key before its answer, each right answer worth 10 plus up to 5 for the time left', async () => {
    const { start, answers, calls } = await playContest(t, 'demo-m-12', whole, { right: 5, stepMs: 5_000 });
    expect(calls).toBe(6);
    expect(start).toMatchObject({ number: 1, counting: true, total: 5, secondsPerQuestion: 20, deadline: start.servedAt + 22_000 });
    const doc = contestRoundDoc(t, start.roundId);
    const startJson = JSON.stringify(start);
    for (const f of KEY_FIELDS) expect(startJson).not.toContain(f);
    for (const item of doc.items) if (item.explanation.length > 1) expect(startJson).not.toContain(item.explanation);
    answers.forEach((a, i) => {
      // 5 s after serving: 3 s used once the 2 s grace is off, 17 of 20 left: 10 + round(5 × 0.85) = 14.
      expect(a.verdict).toMatchObject({ index: i + 1, correct: true, late: false, fast: false, points: 14, explanation: doc.items[i].explanation });
      const ahead = JSON.stringify(a.next);
      for (const item of doc.items.slice(i + 1)) if (item.explanation.length > 1) expect(ahead).not.toContain(item.explanation);
    });
    expect(answers[4].summary).toMatchObject({ counting: true, correctCount: 5, score: 70, roundMax: 75, contestTotal: 70, best: 70, rank: 1, points: 9 });
    // Each next question's time starts 6 s after the verdict left: the member reads 解析 first.
    for (const a of answers.slice(0, 4)) expect(a).toMatchObject({ servedAt: a.serverNow + 6_000, deadline: a.serverNow + 6_000 + 22_000 });
  });

  it('plays an untimed contest at the member’s own pace: 10 a right answer, no pause, an empty answer refused', async () => {
    t.cloud.clock.set(T0 + 2 * 60_000);
    const round = await ok<ContestQuestionRound>('demo-m-12', 'startContestRound', { contestId: school });
    expect(round).toMatchObject({ counting: true, secondsPerQuestion: null, deadline: null });
    await expect(quiz('demo-m-12', 'answerContest', { roundId: round.roundId, qid: round.question.qid })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    const { answers } = await playContest(t, 'demo-m-12', school, { right: 4, stepMs: 10 * 60_000 });
    expect(answers.map((a) => a.verdict.points)).toEqual([10, 10, 10, 10, 0]);
    for (const a of answers.slice(0, 4)) expect(a).toMatchObject({ servedAt: a.serverNow, deadline: null });
    expect(answers[4].summary).toMatchObject({ score: 40, roundMax: 50, contestTotal: 40 });
  });

  it('a second member scores their own round; right answers only count', async () => {
    const { answers } = await playContest(t, 'demo-m-13', whole, { right: 3, stepMs: 5_000 });
    expect(answers.map((a) => a.verdict.points)).toEqual([14, 14, 14, 0, 0]);
    expect(answers[4].summary).toMatchObject({ counting: true, score: 42, contestTotal: 42, rank: 2 });
  });

  it('counts the first two rounds of a day and makes the third practice, said so and counted nowhere', async () => {
    t.cloud.clock.set(T0 + 10 * 60_000);
    const second = await playContest(t, 'demo-m-12', whole, { right: 4, stepMs: 5_000 });
    expect(second.start).toMatchObject({ number: 2, counting: true });
    expect(second.answers[4].summary).toMatchObject({ counting: true, score: 56, contestTotal: 126, best: 70 });
    const third = await playContest(t, 'demo-m-12', whole, { right: 5, stepMs: 5_000 });
    expect(third.start).toMatchObject({ number: 3, counting: false });
    expect(third.answers[4].summary).toMatchObject({ counting: false, score: 70, points: null, contestTotal: 126, rank: null });
    expect(t.cloud.db.get(COLLECTIONS.contestScores, `${whole}_demo-member-12`)).toMatchObject({ total: 126, rounds: 2, best: 70, started: 3 });
    expect(t.cloud.db.get(COLLECTIONS.contestUnits, `${whole}_br-school_2036-11-20`)).toMatchObject({ participants: 2, rounds: 3, scoreSum: 168 });
    const card = (await ok<ContestCard[]>('demo-m-12', 'listContests')).find((c) => c.contestId === whole);
    expect(card?.me).toMatchObject({ rounds: 2, total: 126, roundsToday: 3, countingLeftToday: 0, open: null });
  });

  it('gives one round to starts sent at once, and continues it on the next start', async () => {
    t.cloud.clock.set(T0 + 20 * 60_000);
    const starts = await Promise.all(Array.from({ length: 3 }, () => quiz<ContestQuestionRound>('demo-m-14', 'startContestRound', { contestId: whole })));
    const ids = starts.map((s) => dataOf(s).roundId);
    expect(new Set(ids).size).toBe(1);
    expect(t.cloud.db.count(COLLECTIONS.contestRounds, { memberId: 'demo-member-14' })).toBe(1);
    expect(await ok<ContestQuestionRound>('demo-m-14', 'startContestRound', { contestId: whole })).toMatchObject({ roundId: ids[0], answeredCount: 0 });
    expect(t.cloud.db.get(COLLECTIONS.contestScores, `${whole}_demo-member-14`)).toMatchObject({ started: 1, last: ids[0] });
  });
});

describe('time, speed and refusals', () => {
  // The exact millisecond of the boundary is the unit test's (the local cloud's clock runs on).
  it('counts an answer past its 20 s but within the 2 s grace (no bonus left); refuses one after it, writing only the late flag; the phone’s time-up then records it unanswered and the round goes on', async () => {
    t.cloud.clock.set(T0 + 30 * 60_000);
    const round = await ok<ContestQuestionRound>('demo-m-15', 'startContestRound', { contestId: whole });
    t.cloud.clock.set(round.servedAt + 21_000);
    const onTime = await ok<ContestAnswer>('demo-m-15', 'answerContest', contestAnswerFor(t, round.roundId, round.question));
    expect(onTime.verdict).toMatchObject({ correct: true, late: false, points: 10 });
    const q2 = onTime.next as ContestQuestionRound['question'];
    t.cloud.clock.set((onTime.servedAt as number) + 22_500);
    const before = snapshot();
    const late = await quiz<ContestAnswer>('demo-m-15', 'answerContest', contestAnswerFor(t, round.roundId, q2));
    // A clear error, and no key in it: a late answer learns nothing.
    expect(late).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '本题作答时间已过，不计分' });
    const lateJson = JSON.stringify(late);
    for (const f of KEY_FIELDS) expect(lateJson).not.toContain(f);
    const item2 = contestRoundDoc(t, round.roundId).items[1];
    if (item2.explanation.length > 1) expect(lateJson).not.toContain(item2.explanation);
    expect(snapshot()).toEqual(before);
    expect(contestRoundDoc(t, round.roundId)).toMatchObject({ at: 1, score: 10, lateCount: 0 });
    expect(flagOf(whole, 'demo-member-15')).toMatchObject({ late: 1, refused: 0 });
    // The phone then says the time ran out: recorded unanswered (0), with the key, 解析 and the next question.
    const timedOut = await ok<ContestAnswer>('demo-m-15', 'answerContest', { roundId: round.roundId, qid: q2.qid });
    expect(timedOut.verdict).toMatchObject({ index: 2, timedOut: true, late: false, correct: false, points: 0, explanation: item2.explanation });
    expect(timedOut.verdict.correctChoice.length + timedOut.verdict.correctBlanks.length).toBeGreaterThan(0);
    expect(timedOut.next).toMatchObject({ index: 3 });
    expect(contestRoundDoc(t, round.roundId)).toMatchObject({ at: 2, score: 10, lateCount: 0 });
    expect(contestRoundDoc(t, round.roundId).answers[1]).toMatchObject({ timedOut: true, correct: false, late: false, points: 0 });
    expect(contestRoundDoc(t, round.roundId).answers[1]).not.toHaveProperty('choice');
    expect(flagOf(whole, 'demo-member-15')).toMatchObject({ late: 1, refused: 0 });
    // A time-up once the seconds are over is no one's fault: 0 points, not recorded.
    t.cloud.clock.set((timedOut.servedAt as number) + 25_000);
    const third = await ok<ContestAnswer>('demo-m-15', 'answerContest', { roundId: round.roundId, qid: (timedOut.next as { qid: string }).qid });
    expect(third.verdict).toMatchObject({ timedOut: true, late: false, points: 0 });
    expect(flagOf(whole, 'demo-member-15')).toMatchObject({ late: 1, refused: 0 });
  });

  it('refuses a "time ran out" sent before the question’s time is up: a clear error without the key, nothing written but the flag', async () => {
    t.cloud.clock.set(T0 + 35 * 60_000);
    const round = await ok<ContestQuestionRound>('demo-m-24', 'startContestRound', { contestId: whole });
    const item = contestRoundDoc(t, round.roundId).items[0];
    const before = snapshot();
    // At once (a script harvesting keys), and at 18 of its 20 s.
    for (const after of [0, 18_000]) {
      t.cloud.clock.set(round.servedAt + after);
      const early = await quiz<ContestAnswer>('demo-m-24', 'answerContest', { roundId: round.roundId, qid: round.question.qid });
      expect(early).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '本题的答题时间还没到，请选择答案后再提交' });
      const json = JSON.stringify(early);
      for (const f of KEY_FIELDS) expect(json).not.toContain(f);
      if (item.explanation.length > 1) expect(json).not.toContain(item.explanation);
    }
    expect(snapshot()).toEqual(before);
    expect(contestRoundDoc(t, round.roundId)).toMatchObject({ at: 0, answers: [] });
    expect(flagOf(whole, 'demo-member-24')).toMatchObject({ refused: 2, fast: 0, late: 0 });
    // From 1 s before its seconds are over (the phone's clock may drift that much), it is the time running out.
    t.cloud.clock.set(round.servedAt + 19_100);
    const timedOut = await ok<ContestAnswer>('demo-m-24', 'answerContest', { roundId: round.roundId, qid: round.question.qid });
    expect(timedOut.verdict).toMatchObject({ timedOut: true, points: 0, explanation: item.explanation });
    expect(flagOf(whole, 'demo-member-24')).toMatchObject({ refused: 2 });
  });

  it('scores nothing for answers faster than a person reads, and shows them to the organisers of the member’s subtree', async () => {
    t.cloud.clock.set(T0 + 40 * 60_000);
    const played = await playContest(t, 'demo-m-16', whole, { stepMs: 0 });
    expect(played.answers.every((a) => a.verdict.fast && a.verdict.correct && a.verdict.points === 0)).toBe(true);
    expect(played.answers[4].summary).toMatchObject({ score: 0, fastCount: 5, rank: null });
    expect(flagOf(whole, 'demo-member-16')).toMatchObject({ fast: 5 });
    // Sent during the pause, before the question's time began: no person has seen it yet.
    t.cloud.clock.set(T0 + 45 * 60_000);
    const round = await ok<ContestQuestionRound>('demo-m-16', 'startContestRound', { contestId: whole });
    t.cloud.clock.set(round.servedAt + 10_000);
    const first = await ok<ContestAnswer>('demo-m-16', 'answerContest', contestAnswerFor(t, round.roundId, round.question));
    expect(first.verdict).toMatchObject({ fast: false, points: 13 }); // 8 of 20 s used: 10 + round(5 × 0.6)
    t.cloud.clock.set((first.servedAt as number) - 3_000);
    const early = await ok<ContestAnswer>('demo-m-16', 'answerContest', contestAnswerFor(t, round.roundId, first.next as ContestQuestionRound['question']));
    expect(early.verdict).toMatchObject({ fast: true, correct: true, points: 0 });
    expect(flagOf(whole, 'demo-member-16')).toMatchObject({ fast: 6 });
    const seen = await ok<Page<ContestFlagRow>>('demo-admin', 'listContestFlags', { contestId: whole });
    expect(seen.items.find((r) => r.memberId === 'demo-member-16')).toMatchObject({ fast: 6, unitName: '实验中学党支部', lastDetail: expect.stringContaining('毫秒') });
    // A branch organiser reads the whole organisation's contest for their own branch only
    // (test/integration/quiz-contest-branch.test.ts): 实验中学's sees 何琳, 离退休's does not.
    const branch = await ok<Page<ContestFlagRow>>('demo-organiser', 'listContestFlags', { contestId: whole });
    expect(branch.items.find((r) => r.memberId === 'demo-member-16')).toMatchObject({ fast: 6, unitName: '实验中学党支部' });
    expect(branch.items.every((r) => r.unitName === '实验中学党支部')).toBe(true);
    expect((await ok<Page<ContestFlagRow>>('demo-m-22', 'listContestFlags', { contestId: whole })).items.map((r) => r.memberId)).not.toContain('demo-member-16');
    await expect(quiz('demo-m-16', 'listContestFlags', { contestId: whole })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('refuses another member’s round, a question not served, out of order, twice, and forged fields, writing only the abuse record', async () => {
    t.cloud.clock.set(T0 + 50 * 60_000);
    const round = await ok<ContestQuestionRound>('demo-m-02', 'startContestRound', { contestId: whole });
    const before = snapshot();
    const q1 = contestAnswerFor(t, round.roundId, round.question);
    const third = contestRoundDoc(t, round.roundId).items[2].qid;
    const elsewhere = (t.cloud.db.find(COLLECTIONS.questions, {}) as unknown as Array<{ _id: string }>).map((q) => q._id).find((id) => !contestRoundDoc(t, round.roundId).items.some((i) => i.qid === id));
    await expect(quiz('demo-m-03', 'answerContest', q1)).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await expect(quiz('demo-m-02', 'answerContest', { ...q1, qid: elsewhere })).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await expect(quiz('demo-m-02', 'answerContest', { ...q1, qid: third })).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: expect.stringContaining('第 1 题') });
    for (const forged of [{ score: 75 }, { servedAt: 0 }, { points: 15 }, { correct: true }, { memberId: 'demo-member-03' }, { at: T0 }]) {
      await expect(quiz('demo-m-02', 'answerContest', { ...q1, ...forged })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    }
    await expect(quiz('demo-m-02', 'startContestRound', { contestId: whole, number: 1 })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(snapshot()).toEqual(before);
    expect(flagOf(whole, 'demo-member-03')).toMatchObject({ refused: 1 });
    // Three refused answers, and the seven forged calls: counted under the contest, the member's own.
    expect(flagOf(whole, 'demo-member-02')).toMatchObject({ refused: 9 });

    // Within the question's seconds (a late answer is refused before it is looked at twice).
    t.cloud.clock.set(round.servedAt + 5_000);
    const both = await Promise.all([quiz<ContestAnswer>('demo-m-02', 'answerContest', q1), quiz<ContestAnswer>('demo-m-02', 'answerContest', q1)]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.filter((r) => !r.ok && r.code === 'CONFLICT')).toHaveLength(1);
    expect(contestRoundDoc(t, round.roundId).answers).toHaveLength(1);
    expect(flagOf(whole, 'demo-member-02')).toMatchObject({ refused: 10 });
  });

  it('counts forged fields for the flags: under the contest when it is the caller’s, else on their day record; a stranger writes nothing', async () => {
    t.cloud.clock.set(T0 + 52 * 60_000);
    const dayFlags = (memberId: string) => (t.cloud.db.find(COLLECTIONS.quizFlags, { memberId }) as unknown as Array<{ refused: number; last: { detail: string } }>)[0];
    const before = snapshot();
    const flagsBefore = t.cloud.db.count(COLLECTIONS.contestFlags, {});
    // 离退休干部 is not 实验中学's audience; a round id made up; a payload that is no object.
    await expect(quiz('demo-member', 'startContestRound', { contestId: school, number: 1 })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    await expect(quiz('demo-member', 'answerContest', { roundId: 'made-up-round', qid: 'q1', score: 75 })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    await expect(quiz('demo-member', 'answerContest', { roundId: 12, qid: 'q1' })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    await expect(quiz('demo-member', 'startDaily', { servedAt: 0 })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(dayFlags('demo-member-21')).toMatchObject({ refused: 4, last: { detail: expect.stringContaining('不支持的字段') } });
    expect(t.cloud.db.count(COLLECTIONS.contestFlags, {})).toBe(flagsBefore);
    // Someone not bound to any branch: refused at the door, nothing written at all.
    const flagDocs = t.cloud.db.count(COLLECTIONS.quizFlags, {});
    await expect(quiz('stranger-openid', 'answerContest', { roundId: 'r', qid: 'q', score: 1 })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(t.cloud.db.count(COLLECTIONS.quizFlags, {})).toBe(flagDocs);
    const withoutDayFlags = (m: Map<string, string>) => new Map([...m].filter(([k]) => !k.startsWith(`${COLLECTIONS.quizFlags}/`)));
    expect(withoutDayFlags(snapshot())).toEqual(withoutDayFlags(before));
  });

  it('refuses a round outside the audience, before the opening and after the close, writing only the abuse record', async () => {
    t.cloud.clock.set(T0 + 60 * 60_000);
    const future = await published('demo-admin', { title: '明天开始的竞赛', opensAt: T0 + DAY, closesAt: T0 + 3 * DAY });
    const before = snapshot();
    await expect(quiz('demo-member', 'startContestRound', { contestId: school })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(quiz('demo-m-12', 'startContestRound', { contestId: future })).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '竞赛还没有开始' });
    expect(snapshot()).toEqual(before);
    expect(flagOf(school, 'demo-member-21')).toMatchObject({ refused: 1 });
    expect(flagOf(future, 'demo-member-12')).toMatchObject({ refused: 1 });
    t.cloud.clock.set(T0 + 3 * DAY + 31 * 60_000);
    await expect(quiz('demo-m-12', 'startContestRound', { contestId: future })).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '竞赛已经结束' });
    expect(snapshot()).toEqual(before);
    t.cloud.clock.set(T0 + 60 * 60_000);
  });

  it('refuses a fourth round started within a minute (RESOURCE_EXHAUSTED), counted for the flags', async () => {
    const at = beijing('2036-11-20', 15, 0, 5);
    t.cloud.clock.set(at);
    // Untimed, so a script's three rounds fit in one minute.
    const quick = await published('demo-admin', { title: '不限时的竞赛', secondsPerQuestion: null });
    for (let i = 0; i < 3; i++) await playContest(t, 'demo-m-04', quick, { stepMs: 1 });
    await expect(quiz('demo-m-04', 'startContestRound', { contestId: quick })).resolves.toMatchObject({ ok: false, code: 'RESOURCE_EXHAUSTED' });
    expect(flagOf(quick, 'demo-member-04')).toMatchObject({ limited: 1, fast: 15 });
    t.cloud.clock.set(at + 60_000);
    await expect(quiz('demo-m-04', 'startContestRound', { contestId: quick })).resolves.toMatchObject({ ok: true, data: { number: 4, counting: false } });
  });
});

describe('boards from counters', () => {
  it('shows units by participation first, from the timer’s roll-ups, with the member’s own branch', async () => {
    const at = beijing('2036-11-20', 16);
    t.cloud.clock.set(at);
    // Neither the timer nor a board reads a round: they are all gone, and the figures stand.
    expect(t.cloud.db.remove(COLLECTIONS.contestRounds, { contestId: whole })).toBeGreaterThan(5);
    await timer();
    const board = await ok<ContestBoard>('demo-m-12', 'getContestBoard', { contestId: whole });
    expect(board.board).toBe('units');
    // 实验中学: 12, 13, 14 (started only), 15, 16 — counting rounds finished by 12 (2), 13, 16; 15's is unfinished.
    expect(board.unit).toMatchObject({ unitId: 'org-demo', members: 30 });
    const schoolRow = board.units.find((u) => u.unitId === 'br-school');
    expect(schoolRow).toMatchObject({ members: 10, participants: 3, rate: 30, rounds: 4, average: 42 });
    expect(board.units[0].unitId).toBe('br-school');
    expect(board.units.find((u) => u.unitId === 'br-retired')).toMatchObject({ participants: 0, rate: 0 });
    expect(board.figuresAt).toBeGreaterThanOrEqual(at);
    expect(board.figuresAt).toBeLessThan(at + 60_000);
    expect(board.me).toMatchObject({ total: 126, rank: 1, showRank: false });
    const organiser = await ok<ContestFigures>('demo-admin', 'getContestFigures', { contestId: whole, day: '2036-11-20' });
    expect(organiser.days).toEqual(['2036-11-20']);
    expect(organiser.rows.find((u) => u.unitId === 'br-school')).toMatchObject({ participants: 3, rounds: 4 });
  });

  it('names on 总榜 and 今日榜 only those who opted in; everyone sees their own rank', async () => {
    const total = await ok<ContestBoard>('demo-m-13', 'getContestBoard', { contestId: whole, board: 'total' });
    expect(total.people.slice(0, 2)).toEqual([
      { rank: 1, name: '党员（未公开）', unitName: '', total: 126, rounds: 2, me: false },
      { rank: 2, name: '朱敏（我）', unitName: '实验中学党支部', total: 42, rounds: 1, me: true },
    ]);
    expect(total.me).toMatchObject({ total: 42, rank: 2, showRank: false });
    expect(await ok('demo-m-12', 'getContestRankSetting')).toEqual({ showRank: false });
    expect(await ok('demo-m-12', 'setContestRankSetting', { showRank: true })).toEqual({ showRank: true });
    const today = await ok<ContestBoard>('demo-m-13', 'getContestBoard', { contestId: whole, board: 'today' });
    expect(today.people[0]).toMatchObject({ rank: 1, name: '马俊', unitName: '实验中学党支部', total: 126 });
    expect(today.me).toMatchObject({ total: 42, rank: 2 });
    // Turning it off hides the name at once.
    await ok('demo-m-12', 'setContestRankSetting', { showRank: false });
    expect((await ok<ContestBoard>('demo-m-13', 'getContestBoard', { contestId: whole, board: 'total' })).people[0].name).toBe('党员（未公开）');
    await ok('demo-m-12', 'setContestRankSetting', { showRank: true });
    // A member outside the audience reads no board of it.
    await expect(quiz('demo-member', 'getContestBoard', { contestId: school })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('what practice may serve', () => {
  it('never serves a question pinned by an open exam, though the contest’s pool of the day named it', async () => {
    t.cloud.clock.set(beijing('2036-11-21', 9));
    // 党代会: six questions of the built-in bank, five a round.
    const pinned = await published('demo-admin', { title: '钉住题目的竞赛', tags: ['党代会'], countingRounds: 3, opensAt: beijing('2036-11-21', 9), closesAt: beijing('2036-11-22', 9) });
    await playContest(t, 'demo-m-05', pinned, { stepMs: 5_000 });
    const pool = (t.cloud.db.get(COLLECTIONS.contestPools, `${pinned}_2036-11-21`) as unknown as { qids: string[] }).qids;
    expect(pool).toHaveLength(6);
    const openExam = async (qid: string, title: string) => {
      const exam = { title, unitIds: [], opensAt: beijing('2036-11-21', 9), closesAt: beijing('2036-11-21', 12), durationMinutes: 20, passScore: 1, paper: { mode: 'fixed', questionIds: [qid] } };
      const saved = dataOf(await t.call<{ id: string }>('demo-admin', 'exam', 'saveExam', { exam }));
      dataOf(await t.call('demo-admin', 'exam', 'publishExam', { examId: saved.id }));
    };
    // An exam opens with one of the pool's questions on its paper: no later round serves it.
    await openExam(pool[0], '党代会测验');
    for (let i = 0; i < 2; i++) {
      t.cloud.clock.set(t.cloud.clock.now() + 60_000);
      const round = await playContest(t, 'demo-m-05', pinned, { stepMs: 5_000 });
      const served = contestRoundDoc(t, round.start.roundId).items.map((item) => item.qid);
      expect(new Set(served)).toEqual(new Set(pool.slice(1)));
    }
    // A second one leaves four: no round can be filled, and nothing is written.
    await openExam(pool[1], '党代会测验二');
    t.cloud.clock.set(t.cloud.clock.now() + 60_000);
    const rounds = t.cloud.db.count(COLLECTIONS.contestRounds, { contestId: pinned });
    await expect(quiz('demo-m-05', 'startContestRound', { contestId: pinned })).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(t.cloud.db.count(COLLECTIONS.contestRounds, { contestId: pinned })).toBe(rounds);
  });
});

describe('cost', () => {
  it('costs a fixed number of database operations per contest call', async () => {
    t.cloud.clock.set(beijing('2036-11-21', 10));
    await playContest(t, 'demo-m-03', whole); // the day's pool and the branch's counters exist from here on
    const cost = async (openid: string, action: string, payload: unknown) => {
      const { result, stats } = await t.invoke(openid, 'quiz', action, payload);
      expect(result).toMatchObject({ ok: true });
      return { reads: stats.reads, writes: stats.writes, data: (result as { data: unknown }).data };
    };
    const costs: Record<string, [number, number]> = {};
    for (const label of ['counting', 'counting again', 'practice']) {
      t.cloud.clock.set(t.cloud.clock.now() + 60_000);
      const start = await cost('demo-m-06', 'startContestRound', { contestId: whole });
      costs[`${label} start`] = [start.reads, start.writes];
      let q = (start.data as ContestQuestionRound).question;
      let servedAt = (start.data as ContestQuestionRound).servedAt;
      const roundId = (start.data as ContestQuestionRound).roundId;
      for (let i = 0; i < 5; i++) {
        t.cloud.clock.set(servedAt + 5_000);
        const a = await cost('demo-m-06', 'answerContest', contestAnswerFor(t, roundId, q));
        if (i === 0) costs[`${label} answer`] = [a.reads, a.writes];
        if (i === 4) costs[`${label} last answer`] = [a.reads, a.writes];
        q = (a.data as ContestAnswer).next ?? q;
        servedAt = (a.data as ContestAnswer).servedAt ?? servedAt;
      }
    }
    for (const board of ['units', 'today', 'total']) {
      const b = await cost('demo-m-06', 'getContestBoard', { contestId: whole, board });
      costs[`board ${board}`] = [b.reads, b.writes];
    }
    const list = await cost('demo-m-06', 'listContests', {});
    costs.listContests = [list.reads, list.writes];
    const figures = await cost('demo-admin', 'getContestFigures', { contestId: whole });
    costs.getContestFigures = [figures.reads, figures.writes];
    // Refusals write the member's flag record of the contest only (its insert too, on the first).
    const refused = async (label: string, action: string, payload: unknown, code: string) => {
      const { result, stats } = await t.invoke('demo-m-06', 'quiz', action, payload);
      expect(result).toMatchObject({ ok: false, code });
      costs[label] = [stats.reads, stats.writes];
    };
    t.cloud.clock.set(t.cloud.clock.now() + 60_000);
    const open = (await cost('demo-m-06', 'startContestRound', { contestId: whole })).data as ContestQuestionRound;
    t.cloud.clock.set(open.servedAt + 1_000);
    await refused('time-up too early, first flag', 'answerContest', { roundId: open.roundId, qid: open.question.qid }, 'FAILED_PRECONDITION');
    t.cloud.clock.set(open.servedAt + 30_000);
    await refused('late answer', 'answerContest', contestAnswerFor(t, open.roundId, open.question), 'FAILED_PRECONDITION');
    await refused('forged answer', 'answerContest', { ...contestAnswerFor(t, open.roundId, open.question), score: 75 }, 'INVALID_ARGUMENT');
    await refused('forged start', 'startContestRound', { contestId: whole, number: 1 }, 'INVALID_ARGUMENT');
    expect(costs).toEqual({
      'counting start': [7, 4],
      'counting answer': [2, 1],
      // 12 writes: the round's points marker set once the ledger took the award (functions/quiz/repair.ts).
      'counting last answer': [10, 12],
      'counting again start': [8, 4],
      'counting again answer': [2, 1],
      'counting again last answer': [10, 12],
      'practice start': [8, 4],
      'practice answer': [2, 1],
      'practice last answer': [3, 1],
      'board units': [7, 0],
      'board today': [7, 0],
      'board total': [7, 0],
      listContests: [4, 0],
      getContestFigures: [4, 0],
      // Identity and the round; the flag's update, and its insert on the member's first in the contest.
      'time-up too early, first flag': [2, 2],
      'late answer': [2, 1],
      // Identity and the round (or the contest) named, to file the flag under the contest when it is the caller's.
      'forged answer': [2, 1],
      'forged start': [2, 1],
    });
  });
});

describe('pools prepared ahead', () => {
  it('publishing a contest that opens today builds today’s pool; the timer builds tomorrow’s from 20:00', async () => {
    t.cloud.clock.set(beijing('2036-11-22', 19));
    const early = await published('demo-admin', { title: '提前出题的竞赛', opensAt: beijing('2036-11-22', 19), closesAt: beijing('2036-11-25', 9) });
    expect(t.cloud.db.get(COLLECTIONS.contestPools, `${early}_2036-11-22`)).toMatchObject({ day: '2036-11-22', qids: expect.any(Array) });
    await timer();
    expect(t.cloud.db.get(COLLECTIONS.contestPools, `${early}_2036-11-23`)).toBeUndefined();
    t.cloud.clock.set(beijing('2036-11-22', 20, 5));
    await timer();
    expect(t.cloud.db.get(COLLECTIONS.contestPools, `${early}_2036-11-23`)).toMatchObject({ day: '2036-11-23', qids: expect.any(Array) });
    // A contest that has not opened by tomorrow gets none yet.
    const later = await published('demo-admin', { title: '后天开始的竞赛', opensAt: beijing('2036-11-24', 9), closesAt: beijing('2036-11-26', 9) });
    await timer();
    expect(t.cloud.db.count(COLLECTIONS.contestPools, { contestId: later })).toBe(0);
  });
});

describe('the Beijing day boundary', () => {
  it('counts a round started at 23:59:59 for that day, and a round started at 00:00:00 as the next day’s first', async () => {
    const one = await published('demo-admin', { title: '一天一局的竞赛', countingRounds: 1, opensAt: beijing('2036-11-24', 9), closesAt: beijing('2036-11-28', 9) });
    t.cloud.clock.set(beijing('2036-11-25', 23, 59, 59));
    const late = await ok<ContestQuestionRound>('demo-m-23', 'startContestRound', { contestId: one });
    expect(late).toMatchObject({ day: '2036-11-25', number: 1, counting: true });
    t.cloud.clock.set(beijing('2036-11-26', 0, 0, 0));
    const lateDone = await playContest(t, 'demo-m-23', one, { stepMs: 5_000 });
    expect(lateDone.start.roundId).toBe(late.roundId);
    expect(lateDone.answers[4].summary).toMatchObject({ counting: true, contestTotal: 70 });
    const next = await playContest(t, 'demo-m-23', one, { stepMs: 5_000 });
    expect(next.start).toMatchObject({ day: '2036-11-26', number: 1, counting: true });
    expect(next.answers[4].summary).toMatchObject({ counting: true, contestTotal: 140 });
    const practice = await ok<ContestQuestionRound>('demo-m-23', 'startContestRound', { contestId: one });
    expect(practice).toMatchObject({ day: '2036-11-26', number: 2, counting: false });
    expect(t.cloud.db.get(COLLECTIONS.contestDayScores, `${one}_2036-11-25_demo-member-23`)).toMatchObject({ total: 70, rounds: 1 });
    expect(t.cloud.db.get(COLLECTIONS.contestDayScores, `${one}_2036-11-26_demo-member-23`)).toMatchObject({ total: 70, rounds: 1 });
  });
});

describe('after the close', () => {
  it('drafts a publicity post naming the winners who opted in and participation by unit, as plain text', async () => {
    await expect(quiz('demo-admin', 'draftContestReport', { contestId: whole })).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '竞赛结束后才能生成宣传稿' });
    t.cloud.clock.set(T0 + 7 * DAY + 60 * 60_000);
    await expect(quiz('demo-m-12', 'startContestRound', { contestId: whole })).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '竞赛已经结束' });
    await timer();
    const draft = await ok<{ postId: string; title: string; text: string }>('demo-admin', 'draftContestReport', { contestId: whole });
    expect(draft.title).toBe('知识竞赛｜党史知识竞赛');
    // 黄丽 (140) is first but did not opt in: her place is not mentioned; 马俊 did.
    expect(draft.text).toContain('第2名马俊（实验中学党支部，126分）');
    expect(draft.text).not.toContain('黄丽');
    expect(draft.text).not.toContain('朱敏');
    expect(draft.text).toContain('实验中学党支部30%（3/10人）');
    // The organiser reads plain paragraphs: no markup at all (the feed keeps the HTML).
    expect(draft.text).not.toMatch(/</);
    expect(t.cloud.db.get(COLLECTIONS.posts, draft.postId)).toMatchObject({ status: 'draft', source: { type: 'contest', id: whole } });
    await expect(quiz('demo-admin', 'cancelContest', { contestId: whole })).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
  });
});
