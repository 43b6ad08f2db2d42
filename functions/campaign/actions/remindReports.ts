// remindReports (提醒未报送): an organiser who sees an ask reminds the organisers of every unit
// below the unit seen that has not submitted it (pending, a draft, missing or returned), by
// subscribe message where they hold a credit; once per unit, ask and day, shared with the timer
// (./reminders.ts). The answer says honestly what happened: units concerned, reminded today,
// those whose organisers hold no credit, those with no organiser bound.
// Reads: identity, campaign, units, the ask's reports, the organisers, their credits. Writes per
// unit reminded: the marker and one credit per organiser reached.

import type { CampaignResponses } from '../../../core/contracts/campaign';
import { owesStill } from '../../../core/domain/campaign/reports';
import { precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { requireOrganiser, unitOrganisers } from '../../org/ports';
import { loadCampaign } from '../model';
import { remindUnits } from '../reminders';
import { askReports, askScope, statusRows } from '../reportScope';

export async function remindReports(
  input: { campaignId: string; askKey: string; unitId?: string | null },
  ctx: ActionContext,
): Promise<CampaignResponses['remindReports']> {
  const { db, clock } = ctx.deps;
  const caller = await requireOrganiser(ctx);
  const campaign = await loadCampaign(db, input.campaignId);
  const scope = await askScope(db, caller, campaign, input.askKey, input.unitId);
  if (campaign.status === 'closed' && !campaign.acceptLate) throw precondition('本次专项行动已停止接收报告，不再提醒');
  const reports = await askReports(db, campaign._id, scope.ask.key);
  const rows = statusRows(caller, scope, reports, clock.now());
  const owing = new Set(rows.filter((r) => owesStill(r.state)).map((r) => r.unitId));
  const units = scope.units.filter((u) => owing.has(u._id));
  if (units.length === 0) return { units: 0, reminded: 0, noCredit: 0, noOrganiser: 0 };
  const organisers = await unitOrganisers(db, campaign.orgId);
  const t = await remindUnits(ctx.deps, { campaign, ask: scope.ask, units, from: scope.seen.name, organisers });
  return { units: t.units, reminded: t.reminded, noCredit: t.noCredit, noOrganiser: t.noOrganiser };
}
