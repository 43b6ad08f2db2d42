// Gaps of the daily quiz and contests closed after the first build (issue 16): a script sending
// made-up contest round ids cannot fill the flag collection with documents named by what it sent;
// the quiz timer gives back points a call lost between finishing a scored round and the award.
import type { ContestQuestionRound, ManagedContest } from '../../core/contracts';
import { COLLECTIONS } from '../../functions/lib/collections';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';
import { beijing, contestAnswerFor, contestRoundDoc, playContest } from '../helpers/contest';
import { playRound } from '../helpers/quiz';

let t: TestCloud;
const T0 = beijing('2036-12-08', 9);
const DAY = 86_400_000;

const quiz = <T>(openid: string, action: string, payload: unknown = {}) => t.call<T>(openid, 'quiz', action, payload);
const ok = async <T>(openid: string, action: string, payload: unknown = {}) => dataOf(await quiz<T>(openid, action, payload));

/** The abuse documents (contest flags and daily-quiz day records) that name a member. */
const abuseDocsOf = (memberId: string) =>
  [COLLECTIONS.contestFlags, COLLECTIONS.quizFlags].flatMap((name) => (t.cloud.db.find(name, { memberId }) as unknown as Array<{ _id: string; refused: number }>).map((d) => ({ name, ...d })));

const timer = () => t.cloud.invoke('quiz', { Type: 'Timer', TriggerName: 'preparePools' }, { openid: '' });
const POINTS = [COLLECTIONS.pointsLedger, COLLECTIONS.pointsDays, COLLECTIONS.pointsTotals, COLLECTIONS.pointsUnitDays];

/** Every points document as it is now; `restore` puts them back, as if a call died before its award. */
function pointsSnapshot(): { restore: () => void } {
  const saved = POINTS.map((name) => ({ name, docs: t.cloud.db.find(name) }));
  return {
    restore: () => {
      for (const { name, docs } of saved) {
        t.cloud.db.remove(name, {});
        for (const d of docs) t.cloud.db.insert(name, d);
      }
    },
  };
}
const ledgerOf = (memberId: string, source: string) => t.cloud.db.find(COLLECTIONS.pointsLedger, { memberId, source }) as unknown as Array<{ _id: string; awarded: number }>;
const totalOf = (memberId: string) => (t.cloud.db.get(COLLECTIONS.pointsTotals, memberId) as { total?: number } | undefined)?.total ?? 0;

async function published(over: Record<string, unknown> = {}): Promise<string> {
  const contest = {
    title: '党史知识竞赛',
    description: '学党史、知党情',
    opensAt: T0,
    closesAt: T0 + 5 * DAY,
    questionsPerRound: 5,
    secondsPerQuestion: null,
    countingRounds: 2,
    audienceUnitId: 'org-demo',
    tags: [],
    ...over,
  };
  const saved = await ok<ManagedContest>('demo-admin', 'saveContest', { contest });
  await ok<ManagedContest>('demo-admin', 'publishContest', { contestId: saved.contestId });
  return saved.contestId;
}

let whole: string;

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(T0 - 60 * 60_000);
  dataOf(await t.call('demo-admin', 'exam', 'installSeedBank', {}));
  whole = await published();
  t.cloud.clock.set(T0 + 60_000);
}, 60_000);
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

describe('answerContest with made-up round ids', () => {
  it('20 made-up round ids are refused as not found and leave at most one abuse document for the member', async () => {
    const round = await ok<ContestQuestionRound>('demo-m-05', 'startContestRound', { contestId: whole });
    const q = contestAnswerFor(t, round.roundId, round.question);
    for (let i = 0; i < 20; i++) {
      await expect(quiz('demo-m-05', 'answerContest', { ...q, roundId: `made${i}up_${i}_2036-12-08_1` })).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    const docs = abuseDocsOf('demo-member-05');
    expect(docs).toHaveLength(1);
    expect(docs[0].refused).toBe(20);
    // No document is named by what the script sent.
    expect(docs[0]._id).not.toMatch(/made/);
    expect(t.cloud.db.find(COLLECTIONS.contestFlags, {}).some((d) => String(d._id).includes('made'))).toBe(false);
  });

  it('still files a refusal on the member’s own round under that round’s contest', async () => {
    const round = await ok<ContestQuestionRound>('demo-m-05', 'startContestRound', { contestId: whole });
    const q = contestAnswerFor(t, round.roundId, round.question);
    const served = contestRoundDoc(t, round.roundId).items.map((i) => i.qid);
    const elsewhere = (t.cloud.db.find(COLLECTIONS.questions, {}) as unknown as Array<{ _id: string }>).map((x) => x._id).find((id) => !served.includes(id));
    await expect(quiz('demo-m-05', 'answerContest', { ...q, qid: elsewhere })).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(t.cloud.db.get(COLLECTIONS.contestFlags, `${whole}_demo-member-05`)).toMatchObject({ refused: 1 });
  });
});

describe('points lost between a finished round and its award', () => {
  it('the quiz timer awards a scored daily round and a counting contest round whose award was lost, once', async () => {
    t.cloud.clock.set(T0 + 2 * 60 * 60_000);
    const before = pointsSnapshot();
    const daily = await playRound(t, 'demo-m-06');
    const contest = await playContest(t, 'demo-m-06', whole);
    const dailyPoints = daily.answers[daily.answers.length - 1].summary?.points ?? 0;
    const contestPoints = contest.answers[contest.answers.length - 1].summary?.points ?? 0;
    expect(dailyPoints).toBeGreaterThan(0);
    expect(contestPoints).toBeGreaterThan(0);
    const total = totalOf('demo-member-06');
    expect(total).toBe(dailyPoints + contestPoints);

    // The calls died after the rounds committed and before their awards: no entry, no total, no marker.
    before.restore();
    t.cloud.db.update(COLLECTIONS.quizRounds, { _id: daily.start.roundId }, { $set: { pointsAwarded: false } });
    t.cloud.db.update(COLLECTIONS.contestRounds, { _id: contest.start.roundId }, { $set: { pointsAwarded: false } });
    expect(ledgerOf('demo-member-06', 'quiz')).toHaveLength(0);
    expect(totalOf('demo-member-06')).toBe(0);

    t.cloud.clock.set(t.cloud.clock.now() + 10 * 60_000);
    await expect(timer()).resolves.toMatchObject({ result: { ok: true } });
    expect(ledgerOf('demo-member-06', 'quiz')).toEqual([expect.objectContaining({ awarded: dailyPoints })]);
    expect(ledgerOf('demo-member-06', 'contest')).toEqual([expect.objectContaining({ awarded: contestPoints })]);
    expect(totalOf('demo-member-06')).toBe(total);
    expect(t.cloud.db.get(COLLECTIONS.quizRounds, daily.start.roundId)).toMatchObject({ pointsAwarded: true });
    expect(t.cloud.db.get(COLLECTIONS.contestRounds, contest.start.roundId)).toMatchObject({ pointsAwarded: true });

    // Once: the next run finds nothing to give back.
    t.cloud.clock.set(t.cloud.clock.now() + 10 * 60_000);
    await expect(timer()).resolves.toMatchObject({ result: { ok: true } });
    expect(ledgerOf('demo-member-06', 'quiz')).toHaveLength(1);
    expect(ledgerOf('demo-member-06', 'contest')).toHaveLength(1);
    expect(totalOf('demo-member-06')).toBe(total);
  });

  it('a round whose award went through carries its marker, so the timer leaves it', async () => {
    t.cloud.clock.set(T0 + 5 * 60 * 60_000);
    const daily = await playRound(t, 'demo-m-12');
    expect(t.cloud.db.get(COLLECTIONS.quizRounds, daily.start.roundId)).toMatchObject({ scored: true, pointsAwarded: true });
    const practice = await playRound(t, 'demo-m-12');
    expect(t.cloud.db.get(COLLECTIONS.quizRounds, practice.start.roundId)).not.toHaveProperty('pointsAwarded');
  });
});
