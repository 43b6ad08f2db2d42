// The objects of branch A the matrix aims at, built through the actions themselves (nothing is
// seeded but the demo roster; A is first moved under a new committee with its own organiser), and small builders for the rows that need a fresh object for
// each permitted caller (publishing, cancelling, reviewing, closing change what the next caller sees).

import type { ContextName } from '../../../core/contracts';
import { beijingDayKey } from '../../../core/domain/time';
import { dataOf, type TestCloud } from '../cloud';
import { COLLECTIONS } from '../../../functions/lib/collections';
import { grantAdmin, rootUnit } from '../../../scripts/lib/setup';
import { CALLERS, FOREIGN_ORG, MEMBER_IDS } from './types';

export const A = 'br-retired';
const ADMIN = CALLERS.admin;
const ORGANISER = CALLERS.organiser;
const MEMBER = CALLERS.member;
const DAY = 86_400_000;

/** A string only the open exam's answer key carries (its question's explanation): no taker may see it while the window is open. */
export const KEY_MARK = '钥匙解析-甲7Q';
export const OPEN_QUESTION = { type: 'single', stem: '矩阵测试：开放考试的题', options: ['甲', '乙'], answer: [1], explanation: KEY_MARK };

export interface Fixture {
  t: TestCloud;
  ok<T = Record<string, unknown>>(openid: string, fn: ContextName, action: string, payload?: unknown): Promise<T>;
  /** The fixed paper's question of the open exam (its explanation is KEY_MARK). */
  questionId: string;
  /** A bank question on no paper. */
  spareQuestionId: string;
  /** Published, open for an hour, for A; keys released after close. */
  examId: string;
  /** A draft for A by A's organiser. */
  draftExamId: string;
  /** A's member's open attempt of `examId`. */
  attemptId: string;
  /** A's member's submitted attempt of an exam that releases its review on submit. */
  submittedAttemptId: string;
  submittedQuestionId: string;
  /** A's member's report on `submittedQuestionId`. */
  reportId: string;
  challengeId: string;
  /** Published for A, signing up open; A's member is signed up. */
  eventId: string;
  /** A draft event for A by A's organiser. */
  draftEventId: string;
  /** Published by A's organiser for A; A's member commented on it. */
  postId: string;
  commentId: string;
  /** A pending bind request to A. */
  bindRequestId: string;
  /** A unit inside A. */
  subUnitId: string;
  /** A member of A featured as a model. */
  featuredMemberId: string;
  /**
   * A sheet uploaded as `openid` for an import of `context`: through the context's upload ticket
   * when it issues one to them, else to a path of their own (the refused callers get no ticket).
   */
  upload(openid: string, context: ContextName, name: string, text: string): Promise<string>;
  newExam(opts?: { draft?: boolean; releaseAnswers?: 'after_close' | 'after_submit' }): Promise<string>;
  newOpenAttempt(): Promise<string>;
  newSubmittedAttempt(): Promise<string>;
  newEvent(opts?: { draft?: boolean; approval?: boolean }): Promise<string>;
  /** An event of A with `openid` signed up (pending when `approval`). */
  newSignedUpEvent(openid: string, approval?: boolean): Promise<string>;
  newPost(opts?: { draft?: boolean }): Promise<string>;
  /** A member's submission, pending review. */
  newSubmission(): Promise<string>;
  newSubUnit(): Promise<string>;
  newBindRequest(): Promise<string>;
  newChallenge(): Promise<string>;
  unique(prefix: string): string;
}

export async function buildFixture(t: TestCloud): Promise<Fixture> {
  let n = 0;
  const unique = (prefix: string) => `${prefix}${++n}`;
  const ok = async <T = Record<string, unknown>>(openid: string, fn: ContextName, action: string, payload: unknown = {}) =>
    dataOf(await t.call<T>(openid, fn, action, payload));
  const now = () => t.cloud.clock.now();

  // A second organisation and its admin, seeded: no action creates an organisation.
  await t.db.collection(COLLECTIONS.units).add({ data: { ...rootUnit(FOREIGN_ORG, '矩阵外单位', new Date(now())) } });
  await grantAdmin(t.db, { openid: CALLERS.foreignAdmin, orgId: FOREIGN_ORG, name: '外单位管理员' });

  // A committee above A, organised by 陈静 (moved into it from 机关第一党支部).
  const upper = (await ok<{ unit: { id: string } }>(ADMIN, 'org', 'createUnit', { parentId: 'org-demo', name: '矩阵老干部工委', kind: 'committee' })).unit.id;
  await ok(ADMIN, 'org', 'moveUnit', { unitId: A, parentId: upper });
  await ok(ADMIN, 'org', 'moveMember', { memberId: MEMBER_IDS.upperOrganiser, unitId: upper });
  await ok(ADMIN, 'org', 'setMemberRole', { memberId: MEMBER_IDS.upperOrganiser, role: 'unit_organiser', unitIds: [upper] });

  await ok(ADMIN, 'exam', 'installSeedBank');
  const question = (stem: string, explanation: string, right: string) => ({ type: 'single', stem, options: ['甲', right], answer: [1], explanation });
  const questionId = (await ok<{ id: string }>(ADMIN, 'exam', 'saveQuestion', { question: OPEN_QUESTION })).id;
  const spareQuestionId = (await ok<{ id: string }>(ADMIN, 'exam', 'saveQuestion', { question: question('矩阵测试：备用题', '备用解析', '乙') })).id;
  const submittedQuestionId = (await ok<{ id: string }>(ADMIN, 'exam', 'saveQuestion', { question: question('矩阵测试：交卷即公布的题', '交卷后解析', '乙') })).id;

  const newExam: Fixture['newExam'] = async (opts = {}) => {
    const qid = opts.releaseAnswers === 'after_submit' ? submittedQuestionId : questionId;
    const exam = {
      title: unique('矩阵考试'),
      unitIds: [A],
      opensAt: now() - 60_000,
      closesAt: now() + 3_600_000,
      durationMinutes: 30,
      paper: { mode: 'fixed', questionIds: [qid] },
      passScore: 1,
      // A released review must be final: one attempt where it comes on submit.
      maxAttempts: opts.releaseAnswers === 'after_submit' ? 1 : 5,
      releaseAnswers: opts.releaseAnswers ?? 'after_close',
    };
    const { id } = await ok<{ id: string }>(ORGANISER, 'exam', 'saveExam', { exam });
    if (!opts.draft) await ok(ORGANISER, 'exam', 'publishExam', { examId: id });
    return id;
  };
  const start = async (examId: string) => (await ok<{ attemptId: string }>(MEMBER, 'exam', 'startExam', { examId })).attemptId;
  const newOpenAttempt = async () => start(await newExam());
  const newSubmittedAttempt = async () => {
    const attemptId = await start(await newExam({ releaseAnswers: 'after_submit' }));
    await ok(MEMBER, 'exam', 'submitAttempt', { attemptId, answers: [{ qid: submittedQuestionId, choice: [0] }] });
    return attemptId;
  };

  const newEvent: Fixture['newEvent'] = async (opts = {}) => {
    const event = {
      kind: 'party_day',
      title: unique('矩阵活动'),
      place: '支部活动室',
      signupOpensAt: now() - 60_000,
      signupClosesAt: now() + 2 * DAY,
      startsAt: now() + 3 * DAY,
      endsAt: now() + 3 * DAY + 7_200_000,
      capacity: 0,
      approval: opts.approval ?? false,
      unitIds: [A],
    };
    const { id } = await ok<{ id: string }>(ORGANISER, 'event', 'saveEvent', { event });
    if (!opts.draft) await ok(ORGANISER, 'event', 'publishEvent', { eventId: id });
    return id;
  };
  const newSignedUpEvent = async (openid: string, approval = false) => {
    const eventId = await newEvent({ approval });
    await ok(openid, 'event', 'signUp', { eventId });
    return eventId;
  };

  const newPost: Fixture['newPost'] = async (opts = {}) => {
    const post = { kind: 'notice', title: unique('矩阵通知'), body: '<p>请按时参加组织生活。</p>', unitId: A };
    const { id } = await ok<{ id: string }>(ORGANISER, 'feed', 'savePost', { post });
    if (!opts.draft) await ok(ORGANISER, 'feed', 'publishPost', { postId: id });
    return id;
  };
  const newSubmission = async () =>
    (await ok<{ postId: string }>(MEMBER, 'feed', 'submitPost', { kind: 'report', title: unique('矩阵投稿'), body: '<p>支部学习心得。</p>' })).postId;

  const newSubUnit = async () =>
    (await ok<{ unit: { id: string } }>(ORGANISER, 'org', 'createUnit', { parentId: A, name: unique('矩阵小组'), kind: 'group' })).unit.id;

  const newBindRequest = async () => {
    const name = unique('申请人');
    await ok(`authz-binder-${n}`, 'org', 'bindMember', { name, inviteCode: 'LTGB03' });
    const { items } = await ok<{ items: Array<{ id: string; name: string }> }>(ADMIN, 'org', 'listBindRequests', { unitId: A });
    const found = items.find((r) => r.name === name);
    if (!found) throw new Error(`bind request of ${name} not listed`);
    return found.id;
  };

  const newChallenge = async () => {
    const today = beijingDayKey(now());
    const challenge = { title: unique('矩阵打卡'), startDay: today, endDay: beijingDayKey(now() + 6 * DAY), requiredDays: 3, unitIds: [A] };
    return (await ok<{ id: string }>(ORGANISER, 'checkin', 'createChallenge', challenge)).id;
  };

  const upload = async (openid: string, context: ContextName, name: string, text: string) => {
    const ticket = await t.call<{ cloudPath: string }>(openid, context, 'uploadTicket', { purpose: 'sheet', name });
    const cloudPath = ticket.ok ? ticket.data.cloudPath : `uploads/${openid}/${unique('f')}-${name}`;
    return t.upload(cloudPath, Buffer.from(text, 'utf8'));
  };

  const examId = await newExam();
  const draftExamId = await newExam({ draft: true });
  const attemptId = await start(examId);
  const submittedAttemptId = await newSubmittedAttempt();
  const { reportId } = await ok<{ reportId: string }>(MEMBER, 'exam', 'reportQuestion', { attemptId: submittedAttemptId, qid: submittedQuestionId, note: '选项表述有误' });
  const eventId = await newSignedUpEvent(MEMBER);
  const draftEventId = await newEvent({ draft: true });
  const postId = await newPost();
  const { comment } = await ok<{ comment: { id: string } | null }>(MEMBER, 'feed', 'addComment', { postId, text: '学习了，很受教育' });
  if (!comment) throw new Error('fixture comment was held by the content check');
  const featuredMemberId = 'demo-member-23';
  await ok(ORGANISER, 'feed', 'featureMember', { memberId: featuredMemberId, honour: '优秀党员', intro: '' });

  return {
    t,
    ok,
    questionId,
    spareQuestionId,
    examId,
    draftExamId,
    attemptId,
    submittedAttemptId,
    submittedQuestionId,
    reportId,
    challengeId: await newChallenge(),
    eventId,
    draftEventId,
    postId,
    commentId: comment.id,
    bindRequestId: await newBindRequest(),
    subUnitId: await newSubUnit(),
    featuredMemberId,
    upload,
    newExam,
    newOpenAttempt,
    newSubmittedAttempt,
    newEvent,
    newSignedUpEvent,
    newPost,
    newSubmission,
    newSubUnit,
    newBindRequest,
    newChallenge,
    unique,
  };
}
