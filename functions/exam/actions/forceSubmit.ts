// forceSubmit: an organiser hands in a member's running attempt, with a reason that is kept.

import type { ExamResponses } from '../../../core/contracts/exam';
import { precondition } from '../../lib/errors';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { managedAttempt } from '../access';
import { closeAttempt } from '../grading';
import { resultView } from '../views';

export async function forceSubmit(input: { attemptId: string; reason: string }, ctx: ActionContext): Promise<ExamResponses['forceSubmit']> {
  const me = await requireOrganiser(ctx);
  const attempt = await managedAttempt(ctx, me, input.attemptId);
  if (attempt.status !== 'open') throw precondition('这次答题已经交卷');
  const closed = await closeAttempt(ctx, attempt, 'organiser', {}, { by: me._id, reason: input.reason });
  // The organiser sees the score, never the member's review (no answer key in this response).
  return resultView(closed, null, ctx.deps.clock.now());
}
