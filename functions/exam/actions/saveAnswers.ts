// saveAnswers: answers are saved as the member goes, so nothing is lost to a closed app or a lost
// network. Only questions on the member's own paper, only while the attempt is open and before
// its deadline; each answer is checked against the question's shape.

import type { ExamResponses } from '../../../core/contracts/exam';
import { isAnswered } from '../../../core/domain/exam';
import { COLLECTIONS } from '../../lib/collections';
import { updateWhere } from '../../lib/db';
import { precondition } from '../../lib/errors';
import { requireMember } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { ownAttempt } from '../access';
import { checkAnswers, type AnswerInput } from '../answers';
import { assertOpen } from '../grading';

export async function saveAnswers(input: { attemptId: string; answers: AnswerInput[] }, ctx: ActionContext): Promise<ExamResponses['saveAnswers']> {
  const { db, clock } = ctx.deps;
  const member = await requireMember(ctx);
  const attempt = await ownAttempt(db, member, input.attemptId);
  const values = checkAnswers(attempt, input.answers);
  await assertOpen(ctx, attempt);

  const _ = db.command;
  const answers: Record<string, unknown> = {};
  for (const [qid, v] of Object.entries(values)) answers[qid] = _.set(v);
  const data: Record<string, unknown> = { rev: _.inc(1), answers };
  const saved = await updateWhere(db.collection(COLLECTIONS.examAttempts).where({ _id: attempt._id, status: 'open' }), data);
  if (saved === 0) throw precondition('考试已交卷，答案未保存');
  const now = clock.now();
  const merged = { ...attempt.answers, ...values };
  const answeredCount = attempt.paper.filter((p) => isAnswered(attempt.key[p.qid], merged[p.qid])).length;
  return { savedAt: now, serverNow: now, deadline: attempt.deadline, answeredCount };
}
