// Gaps of the daily quiz and contests closed after the first build (issue 16): a script sending
// made-up contest round ids cannot fill the flag collection with documents named by what it sent;
// the quiz timer gives back points a call lost between finishing a scored round and the award.
import type { ContestQuestionRound, ManagedContest } from '../../core/contracts';
import { COLLECTIONS } from '../../functions/lib/collections';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';
import { beijing, contestAnswerFor, contestRoundDoc } from '../helpers/contest';

let t: TestCloud;
const T0 = beijing('2036-12-08', 9);
const DAY = 86_400_000;

const quiz = <T>(openid: string, action: string, payload: unknown = {}) => t.call<T>(openid, 'quiz', action, payload);
const ok = async <T>(openid: string, action: string, payload: unknown = {}) => dataOf(await quiz<T>(openid, action, payload));

/** The abuse documents (contest flags and daily-quiz day records) that name a member. */
const abuseDocsOf = (memberId: string) =>
  [COLLECTIONS.contestFlags, COLLECTIONS.quizFlags].flatMap((name) => (t.cloud.db.find(name, { memberId }) as unknown as Array<{ _id: string; refused: number }>).map((d) => ({ name, ...d })));

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
