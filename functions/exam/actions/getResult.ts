// getResult: score and pass/fail right after submitting; the correct answers, explanations and
// the review of each question only once they are released (after the window closes by default).

import type { ExamResponses } from '../../../core/contracts/exam';
import { precondition } from '../../lib/errors';
import { requireMember } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { ownAttempt } from '../access';
import { settle } from '../grading';
import { memberResult } from '../views';

export async function getResult(input: { attemptId: string }, ctx: ActionContext): Promise<ExamResponses['getResult']> {
  const { db, clock } = ctx.deps;
  const member = await requireMember(ctx);
  const attempt = await settle(ctx, await ownAttempt(db, member, input.attemptId));
  if (attempt.status !== 'submitted') throw precondition('这次答题还没有交卷');
  return memberResult(ctx, member, attempt, clock.now());
}
