// updateCampaign: the organisers of a campaign's unit change its title, plan and attachments. The
// version read is the condition of the update, so of two editors saving from the same version
// exactly one wins and the other is told to refresh; a closed campaign stays as it closed.

import type { CampaignResponses } from '../../../core/contracts/campaign';
import { COLLECTIONS } from '../../lib/collections';
import { list, updateWhere } from '../../lib/db';
import { conflict, invalid, precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { requireOrganiser } from '../../org/ports';
import { checkAttached } from '../activities';
import { campaignFields, type CampaignFieldsInput } from '../campaignInput';
import { campaignAsNow, loadCampaign, requireCampaignEditor, type ReportDoc } from '../model';

const STALE = '已被其他管理员修改，请刷新后重试';
const CLOSED = '这个专项行动已结束，不能再修改';

export async function updateCampaign(input: CampaignFieldsInput & { campaignId: string; version: number }, ctx: ActionContext): Promise<CampaignResponses['updateCampaign']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  // Its unit as it stands now (one read): a moved unit's campaign is edited from its new place.
  const campaign = await campaignAsNow(db, await loadCampaign(db, input.campaignId));
  requireCampaignEditor(me, campaign);
  if (campaign.status === 'closed') throw precondition(CLOSED);
  if (campaign.version !== input.version) throw conflict(STALE);
  const fields = campaignFields(input);
  await checkAttached(db, me.orgId, { _id: campaign.unitId, path: campaign.unitPath }, fields.attached);

  // An ask some unit already reported on cannot be taken away: one read names the first such ask.
  const kept = new Set(fields.asks.map((a) => a.key));
  const removed = campaign.asks.filter((a) => !kept.has(a.key));
  if (removed.length > 0) {
    const _ = db.command;
    const reported = await list<ReportDoc>(
      db
        .collection(COLLECTIONS.campaignReports)
        .where({ campaignId: campaign._id, askKey: _.in(removed.map((a) => a.key)) })
        .field({ askKey: true })
        .limit(1),
    );
    const ask = removed.find((a) => a.key === reported[0]?.askKey);
    if (ask) throw invalid(`报告「${ask.title}」已有单位填报，不能删除`);
  }

  const version = campaign.version + 1;
  const updated = await updateWhere(db.collection(COLLECTIONS.campaigns).where({ _id: campaign._id, version: input.version, status: 'open' }), {
    ...fields,
    unitPath: campaign.unitPath,
    version,
    updatedAt: new Date(clock.now()),
  });
  if (updated === 0) {
    // Closed or changed since it was read: say which.
    const now = await loadCampaign(db, campaign._id);
    if (now.status === 'closed') throw precondition(CLOSED);
    throw conflict(STALE);
  }
  return { campaignId: campaign._id, version };
}
