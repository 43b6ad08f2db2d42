// reportSwitch: leaving the exam screen (onHide) and coming back (onShow) are counted and logged
// on the attempt. Past the exam's tolerance the attempt is flagged for the organiser: it is never
// failed silently.

import type { ExamResponses } from '../../../core/contracts/exam';
import { COLLECTIONS } from '../../lib/collections';
import { updateWhere } from '../../lib/db';
import { precondition } from '../../lib/errors';
import { requireMember } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { ownAttempt } from '../access';
import { assertOpen } from '../grading';
import { takerId } from '../ids';
import { incStats } from '../statistics';

const LOG_LIMIT = 100;

export async function reportSwitch(input: { attemptId: string; kind: 'hide' | 'show' }, ctx: ActionContext): Promise<ExamResponses['reportSwitch']> {
  const { db, clock } = ctx.deps;
  const member = await requireMember(ctx);
  const attempt = await ownAttempt(db, member, input.attemptId);
  await assertOpen(ctx, attempt);
  const _ = db.command;
  const tolerance = attempt.terms.switchTolerance;
  const count = attempt.switchCount + (input.kind === 'hide' ? 1 : 0);
  const flag = count > tolerance && !attempt.flagged;
  const data: Record<string, unknown> = {};
  if (input.kind === 'hide') data.switchCount = _.inc(1);
  if (attempt.switchLog.length < LOG_LIMIT) data.switchLog = _.push([{ at: clock.now(), kind: input.kind }]);
  if (flag) data.flagged = true;
  if (Object.keys(data).length > 0) {
    const n = await updateWhere(db.collection(COLLECTIONS.examAttempts).where({ _id: attempt._id, status: 'open' }), data);
    if (n === 0) throw precondition('考试已交卷');
  }
  if (flag) {
    // The member is flagged once per exam, whatever the number of attempts.
    const first = await updateWhere(db.collection(COLLECTIONS.examTakers).where({ _id: takerId(attempt.examId, attempt.memberId), flagged: false }), { flagged: true });
    if (first === 1) await incStats(db, attempt.examId, attempt.unitId, attempt.orgId, { flagged: 1 });
  }
  return { switchCount: count, flagged: attempt.flagged || flag, switchTolerance: tolerance };
}
