// cancelCampaign: its creator or an org admin stops a campaign (it can be started again).

import type { CampaignSummary } from '../../../core/contracts/checkin';
import { beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { getById, updateWhere } from '../../lib/db';
import { forbidden, notFound } from '../../lib/errors';
import { managedUnits, requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { CampaignDoc } from '../model';
import { namesOf, summary } from '../campaign';

export async function cancelCampaign(input: { campaignId: string }, ctx: ActionContext): Promise<CampaignSummary> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const c = await getById<CampaignDoc>(db, COLLECTIONS.checkinCampaigns, input.campaignId);
  if (!c || c.orgId !== me.orgId) throw notFound('找不到该打卡活动');
  if (me.role !== 'org_admin' && c.createdBy !== me._id) throw forbidden('只有发起人或单位管理员可以取消活动');
  const now = clock.now();
  await updateWhere(db.collection(COLLECTIONS.checkinCampaigns).where({ _id: c._id, status: 'active' }), { status: 'cancelled', cancelledAt: now });
  const units = await managedUnits(db, me);
  return summary({ ...c, status: 'cancelled', cancelledAt: c.cancelledAt ?? now }, namesOf(units), beijingDayKey(now), me);
}
