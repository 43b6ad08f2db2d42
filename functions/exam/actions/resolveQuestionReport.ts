// resolveQuestionReport: close a member's error report as fixed (the organiser edited the question)
// or dismissed, with a reply the member can read. Only an organiser whose queue holds the report
// closes it (../access.ts, managedReport).

import type { ExamResponses } from '../../../core/contracts/exam';
import { COLLECTIONS } from '../../lib/collections';
import { updateById, updateWhere } from '../../lib/db';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { managedReport } from '../access';

export async function resolveQuestionReport(
  input: { reportId: string; resolution: 'fixed' | 'dismissed'; reply: string },
  ctx: ActionContext,
): Promise<ExamResponses['resolveQuestionReport']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const report = await managedReport(db, me, input.reportId);
  const closed = await updateWhere(db.collection(COLLECTIONS.questionReports).where({ _id: report._id, status: 'open' }), {
    status: input.resolution,
    reply: input.reply,
    resolvedAt: new Date(clock.now()),
    resolvedBy: me._id,
  });
  if (closed === 1) await updateById(db, COLLECTIONS.questions, report.questionId, { openReports: db.command.inc(-1) });
  return { reportId: report._id, status: input.resolution };
}
