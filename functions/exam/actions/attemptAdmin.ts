// Organiser interventions on attempts, each with a reason that is kept: extra time (补时) for one
// member or a batch, reopening a closed attempt, and force-submitting a running one. Only for
// members of branches the organiser manages.

import type { ExamResponses } from '../../../core/contracts/exam';
import { COLLECTIONS } from '../../lib/collections';
import { getById, insert, isDuplicateKeyError, updateById, updateWhere } from '../../lib/db';
import { forbidden, notFound, precondition } from '../../lib/errors';
import { type Caller, getUnit, mayManage, mayManagePath, membersByIds, requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { AttemptDoc, TakerDoc } from '../model';
import { closeAttempt, examForOrganiser, incStats, resultView, takerId } from '../shared';

export async function grantExtraTime(
  input: { examId: string; memberIds: string[]; minutes: number; reason: string },
  ctx: ActionContext,
): Promise<ExamResponses['grantExtraTime']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const exam = await examForOrganiser(db, me, input.examId, 'view');
  if (exam.status !== 'published') throw precondition('考试尚未发布');
  const _ = db.command;
  const ids = [...new Set(input.memberIds)];
  const members = await membersByIds(db, ids);
  if (members.length !== ids.length || members.some((m) => m.orgId !== me.orgId)) throw notFound('名单中找不到所选党员');
  if (members.some((m) => !mayManagePath(me, m.orgId, m.unitPath))) throw forbidden('只能为您管理的组织的党员补时');
  const now = clock.now();
  const entry = { at: now, by: me._id, minutes: input.minutes, reason: input.reason };
  let updated = 0;
  for (const m of members) {
    const tid = takerId(exam._id, m._id);
    const data = { extraMinutes: _.inc(input.minutes), extraLog: _.push([entry]) };
    let n = await updateById(db, COLLECTIONS.examTakers, tid, data);
    if (n === 0) {
      if (exam.inviteOnly) throw precondition(`${m.name}不在补考名单中`);
      const fresh: TakerDoc = {
        _id: tid,
        examId: exam._id,
        orgId: exam.orgId,
        unitId: m.unitId,
        memberId: m._id,
        name: m.name,
        invited: false,
        attemptsUsed: 0,
        openAttemptId: null,
        best: null,
        lastSubmittedAt: null,
        extraMinutes: input.minutes,
        extraLog: [entry],
        flagged: false,
        createdAt: new Date(now),
      };
      try {
        await insert(db, COLLECTIONS.examTakers, { ...fresh });
        n = 1;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        n = await updateById(db, COLLECTIONS.examTakers, tid, data);
      }
    }
    // A running attempt gets the time now; a later start reads it from the taker document.
    const taker = await getById<TakerDoc>(db, COLLECTIONS.examTakers, tid);
    if (taker?.openAttemptId) {
      await updateWhere(db.collection(COLLECTIONS.examAttempts).where({ _id: taker.openAttemptId, status: 'open' }), {
        deadline: _.inc(input.minutes * 60_000),
        log: _.push([{ at: now, by: me._id, action: 'extra_time', reason: input.reason, minutes: input.minutes }]),
      });
    }
    updated += n;
  }
  return { updated };
}

async function managedAttempt(ctx: ActionContext, me: Caller, id: string): Promise<AttemptDoc> {
  const attempt = await getById<AttemptDoc>(ctx.deps.db, COLLECTIONS.examAttempts, id);
  if (!attempt || attempt.orgId !== me.orgId) throw notFound('找不到这次答题记录');
  // The unit the attempt was taken in (history stays there, even if the member moved since).
  const unit = me.role === 'org_admin' ? null : await getUnit(ctx.deps.db, attempt.unitId);
  if (me.role !== 'org_admin' && (!unit || !mayManage(me, unit))) throw forbidden('只能处理您管理的组织的答题记录');
  return attempt;
}

export async function reopenAttempt(input: { attemptId: string; minutes: number; reason: string }, ctx: ActionContext): Promise<ExamResponses['reopenAttempt']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const attempt = await managedAttempt(ctx, me, input.attemptId);
  if (attempt.status !== 'submitted') throw precondition('这次答题仍在进行中');
  const tid = takerId(attempt.examId, attempt.memberId);
  const taker = await getById<TakerDoc>(db, COLLECTIONS.examTakers, tid);
  if (taker?.openAttemptId) throw precondition('该党员有正在进行的答题');
  const _ = db.command;
  const now = clock.now();
  const deadline = now + input.minutes * 60_000;
  const n = await updateWhere(db.collection(COLLECTIONS.examAttempts).where({ _id: attempt._id, status: 'submitted' }), {
    status: 'open',
    deadline,
    rev: _.inc(1),
    previous: _.push([{ score: attempt.score, submittedAt: attempt.submittedAt, closedBy: attempt.closedBy }]),
    log: _.push([{ at: now, by: me._id, action: 'reopen', reason: input.reason, minutes: input.minutes }]),
  });
  if (n !== 1) throw precondition('这次答题的状态刚刚发生了变化，请刷新');
  const claimed = await updateWhere(db.collection(COLLECTIONS.examTakers).where({ _id: tid, openAttemptId: null }), { openAttemptId: attempt._id });
  if (claimed !== 1) await updateById(db, COLLECTIONS.examTakers, tid, { openAttemptId: attempt._id });
  // Its answers will be graded again: take them out of the per-question counts until then.
  const q: Record<string, { n: number; c: number }> = {};
  for (const [qid, g] of Object.entries(attempt.perQuestion)) q[qid] = { n: -1, c: g.correct ? -1 : 0 };
  await incStats(db, attempt.examId, attempt.unitId, attempt.orgId, { q });
  return { attemptId: attempt._id, deadline };
}

export async function forceSubmit(input: { attemptId: string; reason: string }, ctx: ActionContext): Promise<ExamResponses['forceSubmit']> {
  const me = await requireOrganiser(ctx);
  const attempt = await managedAttempt(ctx, me, input.attemptId);
  if (attempt.status !== 'open') throw precondition('这次答题已经交卷');
  const closed = await closeAttempt(ctx, attempt, 'organiser', {}, { by: me._id, reason: input.reason });
  // The organiser sees the score, never the member's review (no answer key in this response).
  return resultView(closed, null, ctx.deps.clock.now());
}
