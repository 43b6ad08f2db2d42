// getResult: score and pass/fail right after submitting; the correct answers, explanations and
// the review of each question only once they are released (after the window closes by default).

import type { ExamResponses } from '../../../core/contracts/exam';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { precondition } from '../../lib/errors';
import { requireMember } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { AttemptDoc, QuestionReportDoc } from '../model';
import { ownAttempt, paperPinned, resultView, reviewReleased, settle } from '../shared';

export async function getResult(input: { attemptId: string }, ctx: ActionContext): Promise<ExamResponses['getResult']> {
  const { db, clock } = ctx.deps;
  const member = await requireMember(ctx);
  const attempt = await settle(ctx, await ownAttempt(db, member, input.attemptId));
  if (attempt.status !== 'submitted') throw precondition('这次答题还没有交卷');
  const now = clock.now();
  if (!reviewReleased(attempt, now)) return resultView(attempt, null, now);
  return resultView(attempt, await paperPinned(db, attempt), now, await reportedQids(ctx, attempt));
}

/** Questions of this paper the member has already reported (one report per member and question). */
export async function reportedQids(ctx: ActionContext, attempt: AttemptDoc): Promise<Set<string>> {
  const { db, ids } = ctx.deps;
  const _ = db.command;
  const reportIds = attempt.paper.map((p) => ids.derive('qr', `${p.qid}|${attempt.memberId}`));
  const docs = await list<QuestionReportDoc>(
    db.collection(COLLECTIONS.questionReports).where({ _id: _.in(reportIds) }).limit(reportIds.length),
  );
  return new Set(docs.map((d) => d.questionId));
}
