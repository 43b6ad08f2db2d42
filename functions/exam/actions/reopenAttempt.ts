// reopenAttempt: an organiser reopens a member's closed attempt for some minutes, with a reason
// that is kept; its earlier result stays on record and it is graded again when it closes.

import type { ExamResponses } from '../../../core/contracts/exam';
import { COLLECTIONS } from '../../lib/collections';
import { getById, updateById, updateWhere } from '../../lib/db';
import { precondition } from '../../lib/errors';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { managedAttempt } from '../access';
import { takerId } from '../ids';
import type { TakerDoc } from '../model';
import { incStats, questionDelta } from '../statistics';

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
  await incStats(db, attempt.examId, attempt.unitId, attempt.orgId, { q: questionDelta(attempt.perQuestion, -1) });
  return { attemptId: attempt._id, deadline };
}
