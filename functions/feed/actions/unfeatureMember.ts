// unfeatureMember: an organiser takes a member of a unit they manage off the 先进典型 page.

import type { FeedResponses } from '../../../core/contracts/feed';
import { COLLECTIONS } from '../../lib/collections';
import { getById } from '../../lib/db';
import { notFound } from '../../lib/errors';
import { requireManagedUnit, requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { ModelDoc } from '../model';

export async function unfeatureMember(input: { memberId: string }, ctx: ActionContext): Promise<FeedResponses['unfeatureMember']> {
  const { db } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const model = await getById<ModelDoc>(db, COLLECTIONS.featuredMembers, input.memberId);
  if (!model || model.orgId !== me.orgId) throw notFound('这位党员不在先进典型中');
  await requireManagedUnit(db, me, model.unitId);
  const res = (await db.collection(COLLECTIONS.featuredMembers).doc(model._id).remove()) as { stats?: { removed?: number } };
  return { removed: (res.stats?.removed ?? 0) === 1 };
}
