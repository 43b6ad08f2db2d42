// The organiser queue of members' error reports (纠错): open reports newest first, and closing one
// as fixed (the organiser edited the question) or dismissed, with a reply the member can read.

import type { ExamResponses } from '../../../core/contracts/exam';
import { COLLECTIONS } from '../../lib/collections';
import { getById, list, updateById, updateWhere } from '../../lib/db';
import { notFound } from '../../lib/errors';
import { requireOrganiser, unitsByIds } from '../../org/ports';
import { afterCursor, encodeKeyset } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import type { QuestionReportDoc } from '../model';

const PAGE = 20;

export async function listQuestionReports(input: { status: 'open' | 'closed'; cursor?: string | null }, ctx: ActionContext): Promise<ExamResponses['listQuestionReports']> {
  const { db } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const _ = db.command;
  const base = { orgId: me.orgId, status: input.status === 'open' ? 'open' : _.in(['fixed', 'dismissed']) };
  const where = afterCursor(_, base, 'createdAt', input.cursor, true);
  const docs = await list<QuestionReportDoc>(
    db.collection(COLLECTIONS.questionReports).where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(PAGE + 1),
  );
  const page = docs.slice(0, PAGE);
  const unitIds = [...new Set(page.map((d) => d.unitId))];
  const units = await unitsByIds(db, unitIds);
  const unitName = new Map(units.map((u) => [u._id, u.name]));
  const last = page[page.length - 1];
  return {
    items: page.map((d) => ({
      id: d._id,
      questionId: d.questionId,
      stem: d.stem,
      note: d.note,
      memberName: d.memberName,
      unitName: unitName.get(d.unitId) ?? '',
      status: d.status,
      reply: d.reply,
      createdAt: new Date(d.createdAt).getTime(),
    })),
    nextCursor: docs.length > PAGE && last ? encodeKeyset([new Date(last.createdAt).getTime(), last._id]) : null,
  };
}

export async function resolveQuestionReport(
  input: { reportId: string; resolution: 'fixed' | 'dismissed'; reply: string },
  ctx: ActionContext,
): Promise<ExamResponses['resolveQuestionReport']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const report = await getById<QuestionReportDoc>(db, COLLECTIONS.questionReports, input.reportId);
  if (!report || report.orgId !== me.orgId) throw notFound('找不到这条纠错');
  const closed = await updateWhere(db.collection(COLLECTIONS.questionReports).where({ _id: report._id, status: 'open' }), {
    status: input.resolution,
    reply: input.reply,
    resolvedAt: new Date(clock.now()),
    resolvedBy: me._id,
  });
  if (closed === 1) await updateById(db, COLLECTIONS.questions, report.questionId, { openReports: db.command.inc(-1) });
  return { reportId: report._id, status: input.resolution };
}
