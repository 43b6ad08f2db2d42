// bankSummary: the bank's counts by status, type and area tag, and its open error reports, read by
// indexed counts, not by listing.

import type { BankSummary, ExamResponses } from '../../../core/contracts/exam';
import { AREA_TAGS, QUESTION_TYPES } from '../../../core/domain/exam/questions';
import { COLLECTIONS } from '../../lib/collections';
import { count } from '../../lib/db';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';

export async function bankSummary(_input: object, ctx: ActionContext): Promise<ExamResponses['bankSummary']> {
  const { db } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const q = db.collection(COLLECTIONS.questions);
  const active = { orgId: me.orgId, status: 'active' };
  const [activeCount, retired, openReports, ...rest] = await Promise.all([
    count(q.where(active)),
    count(q.where({ orgId: me.orgId, status: 'retired' })),
    count(db.collection(COLLECTIONS.questionReports).where({ orgId: me.orgId, status: 'open' })),
    ...QUESTION_TYPES.map((type) => count(q.where({ ...active, type }))),
    ...AREA_TAGS.map((tag) => count(q.where({ ...active, tags: tag }))),
  ]);
  const byType = Object.fromEntries(QUESTION_TYPES.map((t, i) => [t, rest[i]])) as BankSummary['byType'];
  const byTag = AREA_TAGS.map((tag, i) => ({ tag, count: rest[QUESTION_TYPES.length + i] }));
  return { active: activeCount, retired, byType, byTag, openReports };
}
