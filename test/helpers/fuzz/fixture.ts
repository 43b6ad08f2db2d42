// The world the fuzzer aims at: the demo organisation plus, in two branches (实验中学 and
// 离退休干部, with the org admin's 机关 branch as a third), an open exam with attempts and a
// question report, published events with sign-ups, posts with comments and a submission,
// check-ins, challenges, daily quiz and contest rounds, a pending bind request and uploaded
// photos. Ids are read back from the store, so every id field of a payload can name a real object
// of this branch or another.
import { encodePng } from '../../../localcloud/png';
import type { ContextName } from '../../../core/contracts';
import type { TestCloud } from '../cloud';
import type { FuzzTargets } from './arbitrary';

export const ADMIN = 'demo-admin'; // org admin, 机关第一党支部
export const ORGANISER = 'demo-organiser'; // branch organiser, 实验中学党支部
export const MEMBER = 'demo-m-12'; // member, 实验中学党支部
export const STRANGER = 'o-fuzz-stranger'; // no roster entry
const RETIRED_ORGANISER = 'demo-m-22'; // branch organiser, 离退休干部党支部
const RETIRED_MEMBER = 'demo-member'; // member, 离退休干部党支部

/** A Beijing working morning, fixed so runs repeat. */
export const FUZZ_NOW = Date.UTC(2026, 10, 23, 2, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;

/** Which collection's ids a payload field names. */
const FIELD_COLLECTIONS: Record<string, string[]> = {
  memberId: ['members'],
  memberIds: ['members'],
  modelMemberId: ['members'],
  unitId: ['units'],
  unitIds: ['units'],
  parentId: ['units'],
  moveMembersTo: ['units'],
  examId: ['exams'],
  attemptId: ['examAttempts'],
  qid: ['questions'],
  questionId: ['questions'],
  questionIds: ['questions'],
  reportId: ['questionReports'],
  eventId: ['events'],
  postId: ['posts'],
  materialId: ['posts'],
  commentId: ['postComments'],
  challengeId: ['checkinChallenges'],
  roundId: ['quizRounds', 'contestRounds'],
  contestId: ['contests'],
  requestId: ['bindRequests'],
  cursor: [],
  token: [],
};

export interface Fixture extends FuzzTargets {
  /** Re-reads the ids from the store (objects the fuzzer created become targets too). */
  refresh(): void;
  /** Objects the known-failure examples name: `draftExam` (saved in 实验中学, not published). */
  named: Record<string, string>;
  /** Steps that did not answer ok (the fuzzing still runs; fewer real objects are aimed at). */
  warnings: string[];
}

export async function buildFixture(t: TestCloud): Promise<Fixture> {
  t.cloud.clock.set(FUZZ_NOW);
  const warnings: string[] = [];
  const step = async <T>(openid: string, fn: ContextName, action: string, payload: unknown = {}): Promise<T | null> => {
    const r = await t.call<T>(openid, fn, action, payload);
    if (r.ok) return r.data;
    warnings.push(`${fn}.${action} as ${openid}: ${r.code} ${r.message}`);
    return null;
  };
  const png = (n: number) => encodePng(1, 1, 0, Buffer.from([0, n]));
  const files = [await t.upload(`uploads/${MEMBER}/fuzz-a.png`, png(10)), await t.upload(`uploads/${RETIRED_MEMBER}/fuzz-b.png`, png(20)), await t.upload('exports/fuzz-c.xlsx', Buffer.from('PK\u0003\u0004 not really'))];

  // Exams: two per branch, open now: one submitted with its answers released and a question
  // report (reports need the review), one with an attempt in progress.
  await step(ADMIN, 'exam', 'installSeedBank');
  const examDraft = (unitIds: string[], releaseAnswers: string) => ({
    title: '模糊测试闭卷考试',
    unitIds,
    opensAt: FUZZ_NOW - MIN,
    closesAt: FUZZ_NOW + 3 * HOUR,
    durationMinutes: 60,
    paper: { mode: 'rules', rules: [{ type: 'single', tag: null, count: 2 }, { type: 'judge', tag: null, count: 2 }, { type: 'fill', tag: null, count: 1 }] },
    passScore: 4,
    releaseAnswers,
  });
  for (const [by, unitIds, taker] of [
    [ORGANISER, ['br-school'], MEMBER],
    [RETIRED_ORGANISER, ['br-retired'], RETIRED_MEMBER],
  ] as const) {
    for (const release of ['after_submit', 'after_close']) {
      const saved = await step<{ id: string }>(by, 'exam', 'saveExam', { exam: examDraft([...unitIds], release) });
      if (!saved) continue;
      await step(by, 'exam', 'publishExam', { examId: saved.id });
      const attempt = await step<{ attemptId: string; questions: Array<{ qid: string }> }>(taker, 'exam', 'startExam', { examId: saved.id });
      if (!attempt || release !== 'after_submit') continue;
      await step(taker, 'exam', 'submitAttempt', { attemptId: attempt.attemptId });
      await step(taker, 'exam', 'reportQuestion', { attemptId: attempt.attemptId, qid: attempt.questions[0].qid, note: '题目表述有误' });
    }
  }

  const named: Record<string, string> = {};
  const draft = await step<{ id: string }>(ORGANISER, 'exam', 'saveExam', { exam: examDraft(['br-school'], 'after_close') });
  if (draft) named.draftExam = draft.id;

  // Events: one per branch, sign-up open, with a sign-up each.
  const eventDraft = (unitIds: string[]) => ({
    kind: 'party_lecture',
    title: '专题党课',
    place: '报告厅',
    signupOpensAt: FUZZ_NOW - HOUR,
    signupClosesAt: FUZZ_NOW + 20 * HOUR,
    startsAt: FUZZ_NOW + 24 * HOUR,
    endsAt: FUZZ_NOW + 26 * HOUR,
    capacity: 5,
    unitIds,
  });
  for (const [by, unitIds, member] of [
    [ORGANISER, ['br-school'], MEMBER],
    [RETIRED_ORGANISER, ['br-retired'], RETIRED_MEMBER],
  ] as const) {
    const saved = await step<{ id: string }>(by, 'event', 'saveEvent', { event: eventDraft([...unitIds]) });
    if (!saved) continue;
    await step(by, 'event', 'publishEvent', { eventId: saved.id });
    await step(member, 'event', 'signUp', { eventId: saved.id });
  }

  // Feed: a published post per branch with a comment, and a member's submission.
  for (const [by, commenter] of [
    [ORGANISER, MEMBER],
    [RETIRED_ORGANISER, RETIRED_MEMBER],
  ] as const) {
    const saved = await step<{ id: string }>(by, 'feed', 'savePost', { post: { kind: 'report', title: '支部主题党日', body: '<p>全体党员参加。</p>' } });
    if (!saved) continue;
    await step(by, 'feed', 'publishPost', { postId: saved.id });
    await step(commenter, 'feed', 'addComment', { postId: saved.id, text: '向先进学习' });
  }
  await step(MEMBER, 'feed', 'submitPost', { kind: 'report', title: '我的学习体会', body: '<p>体会</p>' });

  // Check-ins and challenges in both branches; a bind request waiting in 实验中学.
  const entry = { title: '学习党史', minutes: 20 };
  await step(MEMBER, 'checkin', 'checkIn', { ...entry, share: true });
  await step(RETIRED_MEMBER, 'checkin', 'checkIn', { ...entry, share: true });
  const challenge = { title: '读书月活动', startDay: '2026-11-20', endDay: '2026-12-20', requiredDays: 10 };
  await step(ORGANISER, 'checkin', 'createChallenge', { ...challenge, unitIds: ['br-school'] });
  await step(RETIRED_ORGANISER, 'checkin', 'createChallenge', { ...challenge, unitIds: ['br-retired'] });
  await step('o-fuzz-newcomer', 'org', 'bindMember', { name: '新来的同志', inviteCode: 'SYZX02' });
  // A daily quiz round under way in each branch (answers aim at its id and questions).
  await step(MEMBER, 'quiz', 'startDaily');
  await step(RETIRED_MEMBER, 'quiz', 'startDaily');
  // A knowledge contest per branch, open, with a round under way; a draft in 实验中学.
  const contestDraft = (unitId: string) => ({
    title: '党史知识竞赛',
    opensAt: FUZZ_NOW - HOUR,
    closesAt: FUZZ_NOW + 48 * HOUR,
    questionsPerRound: 5,
    secondsPerQuestion: 20,
    countingRounds: 2,
    audienceUnitId: unitId,
  });
  for (const [by, unitId, member] of [
    [ORGANISER, 'br-school', MEMBER],
    [RETIRED_ORGANISER, 'br-retired', RETIRED_MEMBER],
  ] as const) {
    const saved = await step<{ contestId: string }>(by, 'quiz', 'saveContest', { contest: contestDraft(unitId) });
    if (!saved) continue;
    await step(by, 'quiz', 'publishContest', { contestId: saved.contestId });
    await step(member, 'quiz', 'startContestRound', { contestId: saved.contestId });
  }
  await step(ORGANISER, 'quiz', 'saveContest', { contest: { ...contestDraft('br-school'), title: '竞赛草稿' } });

  let byCollection = new Map<string, string[]>();
  const refresh = () => {
    byCollection = new Map();
    for (const name of t.cloud.db.listCollections()) {
      byCollection.set(
        name,
        t.cloud.db.find(name).map((d) => String(d._id)),
      );
    }
  };
  refresh();
  const all = () => [...byCollection.values()].flat();
  return {
    files,
    named,
    now: FUZZ_NOW,
    warnings,
    refresh,
    idsFor(field: string): string[] {
      const collections = FIELD_COLLECTIONS[field];
      if (collections === undefined) return /Ids?$/.test(field) ? all() : [];
      return collections.flatMap((c) => byCollection.get(c) ?? []);
    },
  };
}
