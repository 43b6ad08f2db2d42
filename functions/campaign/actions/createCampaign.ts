// createCampaign: an organiser sets up a campaign (专项行动) over a unit of their subtree — its
// stages, the reports the units below owe, the activities attached — as one document.

import type { CampaignResponses } from '../../../core/contracts/campaign';
import { COLLECTIONS } from '../../lib/collections';
import { insert, isDuplicateKeyError } from '../../lib/db';
import { precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { requireManagedUnit, requireOrganiser, scopeIds } from '../../org/ports';
import { checkAttached } from '../activities';
import { campaignFields, type CampaignFieldsInput } from '../campaignInput';
import type { CampaignDoc } from '../model';

export async function createCampaign(input: CampaignFieldsInput & { unitId?: string | null }, ctx: ActionContext): Promise<CampaignResponses['createCampaign']> {
  const { db, clock, ids } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const fields = campaignFields(input);
  // FORBIDDEN outside the caller's subtrees, before anything else is read.
  const unit = await requireManagedUnit(db, me, input.unitId ?? scopeIds(me)[0]);
  if (unit.status === 'closed') throw precondition('该组织已撤销，不能发起专项行动');
  await checkAttached(db, me.orgId, unit, fields.attached);

  // The id derives from the creator, the unit, the title and the first day: a double tap or a
  // retry meets the campaign already written and answers it.
  const campaignId = ids.derive('cpg', `${me._id}|${unit._id}|${fields.title}|${fields.stages[0].startDay}`);
  const now = new Date(clock.now());
  const doc: CampaignDoc = {
    _id: campaignId,
    orgId: me.orgId,
    unitId: unit._id,
    unitPath: unit.path,
    ...fields,
    status: 'open',
    acceptLate: true,
    closedAt: null,
    createdBy: me._id,
    createdByName: me.name,
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
  try {
    await insert(db, COLLECTIONS.campaigns, { ...doc });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
  return { campaignId };
}
