// cancelChallenge: its creator or an org admin stops a challenge (it can be started again).

import type { ChallengeSummary } from '../../../core/contracts/checkin';
import { beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { getById, updateWhere } from '../../lib/db';
import { forbidden, notFound } from '../../lib/errors';
import { managedUnits, requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { ChallengeDoc } from '../model';
import { namesOf, summary } from '../challenge';

export async function cancelChallenge(input: { challengeId: string }, ctx: ActionContext): Promise<ChallengeSummary> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const c = await getById<ChallengeDoc>(db, COLLECTIONS.checkinChallenges, input.challengeId);
  if (!c || c.orgId !== me.orgId) throw notFound('找不到该打卡活动');
  if (me.role !== 'org_admin' && c.createdBy !== me._id) throw forbidden('只有发起人或单位管理员可以取消活动');
  const now = clock.now();
  await updateWhere(db.collection(COLLECTIONS.checkinChallenges).where({ _id: c._id, status: 'active' }), { status: 'cancelled', cancelledAt: now });
  const units = await managedUnits(db, me);
  return summary({ ...c, status: 'cancelled', cancelledAt: c.cancelledAt ?? now }, namesOf(units), beijingDayKey(now), me);
}
