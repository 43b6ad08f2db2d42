// reportStatus: one ask of a campaign, per unit below the unit seen: pending, a draft, missing,
// submitted (late by how long), returned with its reason, accepted — late first, what needs the
// organiser at the top — with the totals and each unit's written assessment (on the rows the
// caller may review), and the assessment of the unit seen, which its own organisers read as
// feedback from the level above (docs/CAMPAIGNS.md, "Evaluation"). Fixed reads whatever the tree's
// size: identity, the campaign, its units (one query), the ask's reports (one query), the
// assessments of the rows' units and the unit seen (one read by their derived ids); pinned at 500
// units in test/integration/campaign-reports-reads.test.ts.

import type { CampaignResponses } from '../../../core/contracts/campaign';
import { orderRows, totalsOf } from '../../../core/domain/campaign/reports';
import type { ActionContext } from '../../lib/router';
import { requireOrganiser } from '../../org/ports';
import { loadCampaign } from '../model';
import { askReports, askScope, assessmentsOf, owingBelow, statusRows } from '../reportScope';

export async function reportStatus(
  input: { campaignId: string; askKey: string; unitId?: string | null },
  ctx: ActionContext,
): Promise<CampaignResponses['reportStatus']> {
  const { db, clock } = ctx.deps;
  const caller = await requireOrganiser(ctx);
  const campaign = await loadCampaign(db, input.campaignId);
  const scope = await askScope(db, caller, campaign, input.askKey, input.unitId);
  const reports = await askReports(db, campaign._id, scope.ask.key);
  // At most 1000 ids: the campaign's units (the seen unit and those below it) are at most 1000.
  const assessments = await assessmentsOf(db, campaign._id, [scope.seen._id, ...owingBelow(scope).map((u) => u._id)]);
  const rows = orderRows(statusRows(caller, scope, reports, clock.now(), assessments));
  return {
    askKey: scope.ask.key,
    title: scope.ask.title,
    dueDay: scope.ask.dueDay,
    closed: campaign.status === 'closed',
    rows,
    // The caller manages the unit seen (askScope): its own organisers, or those above it.
    seenAssessment: assessments.get(scope.seen._id) ?? null,
    totals: totalsOf(rows),
  };
}
