// Closing an attempt, the one place an attempt is graded: by the member, at the deadline (with a
// grace for answers in flight) or by an organiser; the winner of a close moves the counters.

import { DEADLINE_GRACE_MS as GRACE_MS, gradePaper, type AnswerValue } from '../../core/domain/exam';
import { COLLECTIONS } from '../lib/collections';
import { getById, updateWhere } from '../lib/db';
import { notFound, precondition } from '../lib/errors';
import type { ActionContext } from '../lib/router';
import { getMember } from '../org/ports';
import { awardPoints } from '../points/ports';
import { takerId } from './ids';
import type { AttemptDoc, BestResult, TakerDoc } from './model';
import { bestDelta, incStats, questionDelta } from './statistics';

export { GRACE_MS };

/**
 * Grade and close an open attempt with what it holds plus `extra` answers. The close is a
 * conditional update on (status open, rev): of any number of concurrent closes exactly one wins
 * and updates the counters; the others read the result. Returns the closed attempt.
 */
export async function closeAttempt(
  ctx: ActionContext,
  start: AttemptDoc,
  closedBy: 'member' | 'deadline' | 'organiser',
  extra: Record<string, AnswerValue> = {},
  reason?: { by: string; reason: string },
): Promise<AttemptDoc> {
  const { db, clock } = ctx.deps;
  let attempt = start;
  for (let round = 0; round < 6; round++) {
    if (attempt.status === 'submitted') return attempt;
    const now = clock.now();
    const answers = { ...attempt.answers, ...extra };
    const grade = gradePaper(attempt.paper, attempt.key, answers, attempt.terms);
    const submittedAt = Math.min(now, attempt.deadline);
    const seconds = Math.max(0, Math.round((submittedAt - attempt.startedAt) / 1000));
    const passed = grade.score >= attempt.terms.passScore;
    const perQuestion: AttemptDoc['perQuestion'] = {};
    for (const [qid, g] of Object.entries(grade.perQuestion)) perQuestion[qid] = { earned: g.earned, correct: g.correct };
    const update: Record<string, unknown> = {
      status: 'submitted',
      answers: db.command.set(answers),
      score: grade.score,
      total: grade.total,
      passed,
      correctCount: grade.correctCount,
      answeredCount: grade.answeredCount,
      perQuestion: db.command.set(perQuestion),
      submittedAt,
      seconds,
      closedBy,
    };
    if (reason) update.log = db.command.push([{ at: now, by: reason.by, action: 'force_submit', reason: reason.reason }]);
    const won = await updateWhere(
      db.collection(COLLECTIONS.examAttempts).where({ _id: attempt._id, status: 'open', rev: attempt.rev }),
      update,
    );
    if (won === 1) {
      const closed: AttemptDoc = { ...attempt, ...(update as object), answers, perQuestion, status: 'submitted' } as AttemptDoc;
      await afterClose(ctx, closed);
      if (closed.passed === true) await awardPass(ctx, closed);
      return closed;
    }
    const fresh = await getById<AttemptDoc>(db, COLLECTIONS.examAttempts, attempt._id);
    if (!fresh) throw notFound('找不到这次答题记录');
    attempt = fresh;
  }
  throw new Error(`attempt ${start._id} kept changing while closing`);
}

function better(a: BestResult, b: BestResult | null): boolean {
  if (!b) return true;
  if (a.score !== b.score) return a.score > b.score;
  return a.seconds < b.seconds;
}

/**
 * The winner of a close updates the member's standing and the branch counters. The standing is
 * written only if the taker document is still the version read (`v`, which a regrade bumps too,
 * ./regrade.ts), so the counters move by the difference from what is really stored.
 */
async function afterClose(ctx: ActionContext, a: AttemptDoc): Promise<void> {
  const { db } = ctx.deps;
  const _ = db.command;
  const tid = takerId(a.examId, a.memberId);
  const result: BestResult = { attemptId: a._id, score: a.score ?? 0, passed: a.passed === true, seconds: a.seconds ?? 0, submittedAt: a.submittedAt ?? 0 };
  for (let round = 0; round < 6; round++) {
    const taker = await getById<TakerDoc & { v?: number }>(db, COLLECTIONS.examTakers, tid);
    const before = taker?.best ?? null;
    let after: BestResult | null = before;
    if (before && before.attemptId === a._id) after = result; // a reopened attempt replaces its own result
    else if (better(result, before)) after = result;
    const takerUpdate: Record<string, unknown> = { lastSubmittedAt: result.submittedAt, best: _.set(after), v: (taker?.v ?? 0) + 1 };
    const v = taker?.v === undefined ? _.exists(false) : taker.v;
    let won = await updateWhere(db.collection(COLLECTIONS.examTakers).where({ _id: tid, openAttemptId: a._id, v }), { ...takerUpdate, openAttemptId: null });
    if (won === 0) won = await updateWhere(db.collection(COLLECTIONS.examTakers).where({ _id: tid, v }), takerUpdate);
    if (won === 1 || !taker) {
      await incStats(db, a.examId, a.unitId, a.orgId, { ...bestDelta(before, after, a.total), q: questionDelta(a.perQuestion, 1) });
      return;
    }
  }
  throw new Error(`taker ${tid} kept changing while closing ${a._id}`);
}

/**
 * Points for passing, after the close committed: ref is the exam, so only its first pass earns. A
 * failed award is logged, not thrown: the close is done and the deadline sweep closes many in one
 * run; the member's next submit of the same attempt asks again (./actions/submitAttempt.ts).
 */
export async function awardPass(ctx: ActionContext, a: AttemptDoc): Promise<void> {
  try {
    const member = await getMember(ctx.deps.db, a.memberId);
    if (!member) return;
    await awardPoints(ctx.deps.db, { orgId: a.orgId, memberId: a.memberId, unitId: member.unitId, unitPath: member.unitPath, source: 'exam', ref: a.examId, asked: 1, at: a.submittedAt ?? ctx.deps.clock.now() });
  } catch (err) {
    ctx.deps.log.error(`points for passing ${a.examId} (attempt ${a._id}) not awarded`, err instanceof Error ? err.message : err);
  }
}

/** An open attempt past its deadline (and the grace) is closed first; anything else is returned as is. */
export async function settle(ctx: ActionContext, attempt: AttemptDoc): Promise<AttemptDoc> {
  if (attempt.status === 'open' && ctx.deps.clock.now() > attempt.deadline + GRACE_MS) return closeAttempt(ctx, attempt, 'deadline');
  return attempt;
}

/** Refuses a closed or expired attempt; an expired one is closed on the way with what it held. */
export async function assertOpen(ctx: ActionContext, attempt: AttemptDoc): Promise<void> {
  if (attempt.status !== 'open') throw precondition('考试已交卷');
  if ((await settle(ctx, attempt)).status !== 'open') throw precondition('考试时间已到，系统已按已保存的答案自动交卷');
}
