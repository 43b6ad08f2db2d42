// closeCampaign: the organisers of a campaign's unit end it, saying whether reports still come in
// (each marked late) or are refused. Closing a closed campaign again changes only that choice.

import type { CampaignResponses } from '../../../core/contracts/campaign';
import { COLLECTIONS } from '../../lib/collections';
import { updateWhere } from '../../lib/db';
import type { ActionContext } from '../../lib/router';
import { requireOrganiser } from '../../org/ports';
import { campaignAsNow, loadCampaign, requireCampaignEditor } from '../model';

export async function closeCampaign(input: { campaignId: string; acceptLate: boolean }, ctx: ActionContext): Promise<CampaignResponses['closeCampaign']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  // Its unit as it stands now (one read): a moved unit's campaign is closed from its new place.
  const campaign = await campaignAsNow(db, await loadCampaign(db, input.campaignId));
  requireCampaignEditor(me, campaign);
  const _ = db.command;
  const now = new Date(clock.now());
  const campaigns = db.collection(COLLECTIONS.campaigns);
  // The close itself only while open, so closedAt is the first close's; when it was closed
  // already (or another organiser closed it meanwhile), only the choice on late reports changes.
  let closed = 0;
  if (campaign.status === 'open') {
    closed = await updateWhere(campaigns.where({ _id: campaign._id, status: 'open' }), { status: 'closed', closedAt: now, acceptLate: input.acceptLate, version: _.inc(1), updatedAt: now });
  }
  if (closed === 0 && (campaign.status === 'open' || campaign.acceptLate !== input.acceptLate)) {
    await updateWhere(campaigns.where({ _id: campaign._id, status: 'closed' }), { acceptLate: input.acceptLate, version: _.inc(1), updatedAt: now });
  }
  return { campaignId: campaign._id, status: 'closed', acceptLate: input.acceptLate };
}
