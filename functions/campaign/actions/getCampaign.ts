// getCampaign: a campaign as an organiser of a unit it reaches sees it, from one unit of its
// subtree — the stages, the asks and their totals, the attached activities counted over that
// unit's subtree. A fixed number of reads whatever the subtree's size: the caller, the campaign,
// its units (one subtree query), the attached activities (one per kind) and their counters
// (one per kind but events, whose counters are on the event), and the reports' summary.

import type { CampaignResponses } from '../../../core/contracts/campaign';
import { currentStage } from '../../../core/domain/campaign/campaign';
import { beijingDayKey } from '../../../core/domain/time';
import { forbidden, invalid, notFound } from '../../lib/errors';
import type { UnitDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';
import { getUnit, mayManage, mayManagePath, requireOrganiser, scopeIds } from '../../org/ports';
import { attachedActivities } from '../activities';
import { campaignUnits, loadCampaign, maySeeCampaign } from '../model';
import { reportSummary } from '../reportSummary';

export async function getCampaign(input: { campaignId: string; unitId?: string | null }, ctx: ActionContext): Promise<CampaignResponses['getCampaign']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const stored = await loadCampaign(db, input.campaignId);
  if (stored.orgId !== me.orgId) throw notFound('找不到这个专项行动');
  const units = await campaignUnits(db, stored);
  // The campaign's unit, even once closed (its units are the open ones), as it stands now: a
  // moved unit's campaign is seen and edited by the organisers of its new place, not its old one.
  const top = units.find((u) => u._id === stored.unitId) ?? (await getUnit(db, stored.unitId));
  if (!top) throw notFound('找不到发起这个专项行动的组织');
  const campaign = { ...stored, unitPath: top.path };
  const scopes = scopeIds(me);
  const scopeUnits = units.filter((u) => scopes.includes(u._id));
  if (!maySeeCampaign(me, campaign, scopeUnits)) throw forbidden('这个专项行动不面向您管理的组织');
  const mayEdit = mayManagePath(me, campaign.orgId, campaign.unitPath);

  // Seen from: the unit asked for (in the campaign's subtree and the caller's), else the caller's
  // highest scope unit inside the campaign's subtree, or the campaign's unit when they manage it.
  let seen: UnitDoc;
  if (input.unitId) {
    const asked = input.unitId === top._id ? top : units.find((u) => u._id === input.unitId);
    if (!asked) throw invalid('所选组织不在这个专项行动的范围内');
    if (!mayManage(me, asked)) throw forbidden('该组织不在您的管理范围内');
    seen = asked;
  } else {
    seen = mayEdit ? top : [...scopeUnits].sort((a, b) => a.path.length - b.path.length)[0];
  }

  const now = clock.now();
  const [activities, reports] = await Promise.all([
    attachedActivities(db, campaign.orgId, campaign.attached, seen, units, now),
    reportSummary({ db, campaign, seen, units, now }),
  ]);
  return {
    campaignId: campaign._id,
    version: campaign.version,
    title: campaign.title,
    description: campaign.description,
    unitId: campaign.unitId,
    unitName: top.name,
    status: campaign.status,
    acceptLate: campaign.acceptLate,
    stages: campaign.stages,
    asks: campaign.asks,
    attached: campaign.attached,
    activities,
    currentStage: campaign.status === 'open' ? currentStage(campaign.stages, beijingDayKey(now)) : null,
    seenFrom: { unitId: seen._id, unitName: seen.name },
    mayEdit,
    askTotals: reports.askTotals,
    ownReports: reports.ownReports,
  };
}
