// getAttempt: resume a running attempt (the paper without answers, the saved answers, the
// deadline and the server's clock), or the result of a closed one. An attempt found past its
// deadline is closed here with what was saved.

import type { ExamResponses } from '../../../core/contracts/exam';
import { requireMember } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { ownAttempt } from '../access';
import { settle } from '../grading';
import { paperPinned } from '../pinned';
import { attemptView, memberResult } from '../views';

export async function getAttempt(input: { attemptId: string }, ctx: ActionContext): Promise<ExamResponses['getAttempt']> {
  const { db, clock } = ctx.deps;
  const member = await requireMember(ctx);
  const attempt = await settle(ctx, await ownAttempt(db, member, input.attemptId));
  const now = clock.now();
  if (attempt.status === 'open') return attemptView(attempt, await paperPinned(db, attempt), now);
  return memberResult(ctx, member, attempt, now);
}
