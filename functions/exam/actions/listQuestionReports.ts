// listQuestionReports: the organiser queue of members' error reports (纠错), open or closed, newest
// first: an org admin's holds the organisation's, a unit organiser's those on exams their subtrees
// own (../access.ts, managedReport). A member's note (and the reply) may name the key, so on a
// question the organiser may not read the key of (docs/SECURITY.md, rule 2) both come empty.

import type { ExamResponses } from '../../../core/contracts/exam';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { requireOrganiser, unitsByIds } from '../../org/ports';
import { afterCursor, keysetPage } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import { heldKeys } from '../keys';
import type { QuestionReportDoc } from '../model';
import { ownedExams } from '../access';

const PAGE = 20;

export async function listQuestionReports(input: { status: 'open' | 'closed'; cursor?: string | null }, ctx: ActionContext): Promise<ExamResponses['listQuestionReports']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const _ = db.command;
  const base: Record<string, unknown> = { orgId: me.orgId, status: input.status === 'open' ? 'open' : _.in(['fixed', 'dismissed']) };
  // A unit organiser's queue: the reports on the exams their subtrees own (two more reads).
  const owned = me.role === 'org_admin' ? null : await ownedExams(db, me);
  if (owned) {
    if (owned.examIds.length === 0) return { items: [], nextCursor: null };
    base.examId = _.in(owned.examIds);
  }
  const where = afterCursor(_, base, 'createdAt', input.cursor, true);
  const docs = await list<QuestionReportDoc>(
    db.collection(COLLECTIONS.questionReports).where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(PAGE + 1),
  );
  const { page, nextCursor } = keysetPage(docs, PAGE, (d) => [new Date(d.createdAt).getTime(), d._id]);
  const unitName = new Map((owned?.units ?? []).map((u) => [u._id, u.name]));
  const unknown = [...new Set(page.map((d) => d.unitId))].filter((id) => !unitName.has(id));
  for (const u of await unitsByIds(db, unknown)) unitName.set(u._id, u.name);
  const held = await heldKeys(db, me, page.map((d) => d.questionId), clock.now(), 'bank');
  return {
    items: page.map((d) => {
      const keyHeld = held.get(d.questionId) ?? null;
      return {
        id: d._id,
        questionId: d.questionId,
        examId: d.examId,
        stem: d.stem,
        note: keyHeld ? '' : d.note,
        memberName: d.memberName,
        unitName: unitName.get(d.unitId) ?? '',
        status: d.status,
        reply: keyHeld ? '' : d.reply,
        createdAt: new Date(d.createdAt).getTime(),
        keyHeld,
      };
    }),
    nextCursor,
  };
}
