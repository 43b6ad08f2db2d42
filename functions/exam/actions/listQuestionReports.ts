// listQuestionReports: the organiser queue of members' error reports (纠错), open or closed, newest
// first.

import type { ExamResponses } from '../../../core/contracts/exam';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { requireOrganiser, unitsByIds } from '../../org/ports';
import { afterCursor, keysetPage } from '../../lib/paging';
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
  const { page, nextCursor } = keysetPage(docs, PAGE, (d) => [new Date(d.createdAt).getTime(), d._id]);
  const unitIds = [...new Set(page.map((d) => d.unitId))];
  const units = await unitsByIds(db, unitIds);
  const unitName = new Map(units.map((u) => [u._id, u.name]));
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
    nextCursor,
  };
}
