// submitAttempt: the member hands in. The last answers ride along; the close is graded on the
// server and settled by the database, so submitting twice (or fifty times at once) gives one
// graded result. After the deadline, the attempt closes with what was saved and late answers
// are refused.

import type { ExamResponses } from '../../../core/contracts/exam';
import { requireMember } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { precondition } from '../../lib/errors';
import { ownAttempt } from '../access';
import { checkAnswers, type AnswerInput } from '../answers';
import { awardPass, closeAttempt, GRACE_MS } from '../grading';
import { memberResult } from '../views';

export async function submitAttempt(input: { attemptId: string; answers: AnswerInput[] }, ctx: ActionContext): Promise<ExamResponses['submitAttempt']> {
  const { db, clock } = ctx.deps;
  const member = await requireMember(ctx);
  const attempt = await ownAttempt(db, member, input.attemptId);
  const extra = checkAnswers(attempt, input.answers);
  let closed = attempt;
  if (attempt.status === 'open') {
    const now = clock.now();
    // Past the deadline but within the grace: the page's own submit at 00:00 (answers in flight are
    // kept) is recorded as a close at the deadline. Past the grace: only what was saved counts.
    const late = now > attempt.deadline + GRACE_MS;
    closed = await closeAttempt(ctx, attempt, now > attempt.deadline ? 'deadline' : 'member', late ? {} : extra);
    if (late && input.answers.length > 0 && closed.closedBy === 'deadline') {
      // The attempt is graded with what was saved before the deadline; the late answers are not.
      throw precondition('考试时间已到，已按截止前保存的答案交卷，最后提交的答案未计入');
    }
  } else if (attempt.passed === true) {
    // A repeated submit: the pass's points, if the close's own award did not land (made once).
    await awardPass(ctx, attempt);
  }
  // Answers released on submit still hold the key of a question on another window open to them.
  return memberResult(ctx, member, closed, clock.now(), false);
}
