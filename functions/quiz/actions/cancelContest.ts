// cancelContest: a draft, or a published contest before its close, is withdrawn; members no longer
// see it and its rounds stop. What was played stays recorded. An ended contest keeps its result.

import type { QuizResponses } from '../../../core/contracts/quiz';
import { COLLECTIONS } from '../../lib/collections';
import { getById, updateWhere } from '../../lib/db';
import { conflict, precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { requireOrganiser } from '../../org/ports';
import { contestForOrganiser, managedView } from '../contestAccess';
import type { ContestDoc } from '../contestModel';

export async function cancelContest(input: { contestId: string }, ctx: ActionContext): Promise<QuizResponses['cancelContest']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const now = clock.now();
  const c = await contestForOrganiser(db, me, input.contestId);
  if (c.status === 'cancelled') return managedView(c, now);
  if (c.status === 'published' && now >= c.closesAt) throw precondition('竞赛已经结束，不能取消');
  const n = await updateWhere(db.collection(COLLECTIONS.contests).where({ _id: c._id, status: c.status, rev: c.rev }), { status: 'cancelled', rev: c.rev + 1, updatedAt: now });
  if (n === 0) {
    const again = await getById<ContestDoc>(db, COLLECTIONS.contests, c._id);
    if (again && again.status === 'cancelled') return managedView(again, now);
    throw conflict('竞赛刚被修改过，请刷新后再试');
  }
  return managedView({ ...c, status: 'cancelled', rev: c.rev + 1, updatedAt: now }, now);
}
