// reportStatus: one ask of a campaign, per unit below the unit seen: pending, a draft, missing,
// submitted (late by how long), returned with its reason, accepted — late first, what needs the
// organiser at the top — with the totals. Fixed reads whatever the tree's size: identity, the
// campaign, its units (one query), the ask's reports (one query); pinned at 500 units in
// test/integration/campaign-reports-reads.test.ts.

import type { CampaignResponses } from '../../../core/contracts/campaign';
import { orderRows, totalsOf } from '../../../core/domain/campaign/reports';
import type { ActionContext } from '../../lib/router';
import { requireOrganiser } from '../../org/ports';
import { loadCampaign } from '../model';
import { askReports, askScope, statusRows } from '../reportScope';

export async function reportStatus(
  input: { campaignId: string; askKey: string; unitId?: string | null },
  ctx: ActionContext,
): Promise<CampaignResponses['reportStatus']> {
  const { db, clock } = ctx.deps;
  const caller = await requireOrganiser(ctx);
  const campaign = await loadCampaign(db, input.campaignId);
  const scope = await askScope(db, caller, campaign, input.askKey, input.unitId);
  const reports = await askReports(db, campaign._id, scope.ask.key);
  const rows = orderRows(statusRows(caller, scope, reports, clock.now()));
  return {
    askKey: scope.ask.key,
    title: scope.ask.title,
    dueDay: scope.ask.dueDay,
    closed: campaign.status === 'closed',
    rows,
    seenAssessment: null,
    totals: totalsOf(rows),
  };
}
