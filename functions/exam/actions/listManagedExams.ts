// listManagedExams: the organiser's exams, newest first, each with its phase, the units it names,
// and the audience and hand-ins among the units the organiser manages.

import type { ExamResponses, ManagedExamRow } from '../../../core/contracts/exam';
import { audienceReaches } from '../../../core/domain/org/units';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { mayManage, requireOrganiser, unitsOfOrg } from '../../org/ports';
import { afterCursor, keysetPage } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import { ALL_UNITS, type ExamDoc } from '../model';
import { examPhase } from '../phases';
import { statsOfExams } from '../statistics';

const PAGE = 20;

export async function listManagedExams(input: { cursor?: string | null }, ctx: ActionContext): Promise<ExamResponses['listManagedExams']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const _ = db.command;
  // One read for the organisation's units: names and member counts for the page, and for a unit
  // organiser which exams concern them — those naming a unit of their subtrees or one above them.
  const units = await unitsOfOrg(db, me.orgId);
  const visible = units.filter((u) => mayManage(me, u));
  const base: Record<string, unknown> = { orgId: me.orgId };
  if (me.role !== 'org_admin') {
    const above = new Set(visible.flatMap((u) => u.path));
    base.audience = _.in([...above, ALL_UNITS]);
  }
  const where = afterCursor(_, base, 'createdAt', input.cursor, true);
  const docs = await list<ExamDoc>(db.collection(COLLECTIONS.exams).where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(PAGE + 1));
  const { page, nextCursor } = keysetPage(docs, PAGE, (e) => [new Date(e.createdAt).getTime(), e._id]);
  const names = new Map(units.map((u) => [u._id, u.name]));
  const byId = new Map(units.map((u) => [u._id, u]));
  // The page's counters, all of them (20 exams of 60 branches already pass one read's 1,000).
  const stats = page.length ? await statsOfExams(db, page.map((e) => e._id)) : [];
  const now = clock.now();
  return {
    items: page.map((e): ManagedExamRow => {
      const mine = stats.filter((s) => {
        const u = byId.get(s.unitId);
        return s.examId === e._id && u !== undefined && mayManage(me, u);
      });
      return {
        id: e._id,
        title: e.title,
        kind: e.kind,
        parentId: e.parentId,
        status: e.status,
        phase: examPhase(e, now),
        opensAt: e.opensAt,
        closesAt: e.closesAt,
        unitNames: e.unitIds.length === 0 ? ['全体支部'] : e.unitIds.map((u) => names.get(u) ?? '').filter(Boolean),
        submitted: mine.reduce((n, s) => n + s.submitted, 0),
        audience: e.inviteOnly
          ? mine.reduce((n, s) => n + s.invited, 0)
          : visible.filter((u) => audienceReaches(e.audience, u.path, ALL_UNITS)).reduce((n, u) => n + u.memberCount, 0),
      };
    }),
    nextCursor,
  };
}
