// reportQuestion (纠错): after seeing a question's explanation, a member reports an error in it.
// One report per member and question (a second one updates the note); it lands in the bank's
// organiser queue.

import type { ExamResponses } from '../../../core/contracts/exam';
import { COLLECTIONS } from '../../lib/collections';
import { getById, updateById } from '../../lib/db';
import { invalid, precondition } from '../../lib/errors';
import { requireMember } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { QuestionReportDoc } from '../model';
import { ownAttempt } from '../access';
import { reportId } from '../ids';
import { loadPinned } from '../pinned';
import { reviewReleased } from '../views';

export async function reportQuestion(input: { attemptId: string; qid: string; note: string }, ctx: ActionContext): Promise<ExamResponses['reportQuestion']> {
  const { db, clock, ids } = ctx.deps;
  const member = await requireMember(ctx);
  const attempt = await ownAttempt(db, member, input.attemptId);
  if (!attempt.paper.some((p) => p.qid === input.qid)) throw invalid('题目不在您的试卷上');
  if (attempt.status !== 'submitted' || !reviewReleased(attempt, clock.now())) throw precondition('公布答案后才能纠错');
  const id = reportId(ids, input.qid, member._id);
  const existing = await getById<QuestionReportDoc>(db, COLLECTIONS.questionReports, id);
  const now = new Date(clock.now());
  if (existing && existing.status === 'open') {
    await updateById(db, COLLECTIONS.questionReports, id, { note: input.note, createdAt: now });
    return { reportId: id };
  }
  const pinned = await loadPinned(db, attempt.source, [input.qid]);
  const doc: Omit<QuestionReportDoc, '_id'> = {
    orgId: member.orgId,
    questionId: input.qid,
    examId: attempt.examId,
    stem: pinned[input.qid].stem.slice(0, 200),
    memberId: member._id,
    memberName: member.name,
    unitId: member.unitId,
    note: input.note,
    status: 'open',
    reply: '',
    createdAt: now,
    resolvedAt: null,
    resolvedBy: null,
  };
  await db.collection(COLLECTIONS.questionReports).doc(id).set({ data: doc });
  // The bank shows how many open reports each question has.
  await updateById(db, COLLECTIONS.questions, input.qid, { openReports: db.command.inc(1) });
  return { reportId: id };
}
