// exportEvaluation: the 四落实 evaluation workbook of a campaign, seen from a unit (`unitId`, inside
// the caller's subtree and the campaign's; by default the caller's highest unit in it): 汇总 with
// one row per unit (the unit seen first, then every unit below it in tree order) under 人员, 时间,
// 内容 and 效果 with each unit's assessment, one sheet per unit below with the same headings as
// blocks, and 说明. Built from roll-ups and counters (./evaluationData.ts), never by scanning
// members; written to storage under an unguessable folder and answered as a temporary link.
// Writes nothing to the database. docs/CAMPAIGNS.md, "Evaluation".

import type { CampaignResponses } from '../../../core/contracts/campaign';
import { evaluateUnits } from '../../../core/domain/campaign/evaluation';
import { evaluationSheets } from '../../../core/domain/campaign/evaluationSheets';
import { beijingDayKey } from '../../../core/domain/time';
import type { ActionContext } from '../../lib/router';
import { writeWorkbook } from '../../lib/xlsx';
import { requireOrganiser } from '../../org/ports';
import { gatherEvaluation } from '../evaluationData';
import { campaignAsNow, campaignUnits, loadCampaign } from '../model';
import { seenUnit } from '../reportScope';

export async function exportEvaluation(input: { campaignId: string; unitId?: string | null }, ctx: ActionContext): Promise<CampaignResponses['exportEvaluation']> {
  const { db, clock, storage, ids } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const stored = await loadCampaign(db, input.campaignId);
  const units = await campaignUnits(db, stored);
  // Seen as the tree stands now: a moved unit's campaign belongs to the organisers of its new place.
  const campaign = await campaignAsNow(db, stored, units);
  const seen = seenUnit(me, campaign, units, input.unitId);
  const now = clock.now();
  const { facts, period } = await gatherEvaluation(db, { campaign, seen, units, now });
  const rows = evaluateUnits(facts);
  const sheets = evaluationSheets(rows, {
    campaignTitle: campaign.title,
    period: period.toDay === null ? `${period.fromDay} 起（尚未开始）` : `${period.fromDay} 至 ${period.toDay}`,
  });
  const bytes = await writeWorkbook(sheets);
  // An unguessable folder per export, no member id: an export's fileID is known only to whoever made it.
  const fileID = await storage.upload(`exports/campaign/${ids.random(16)}/evaluation-${beijingDayKey(now)}.xlsx`, bytes);
  return { fileID, url: await storage.tempUrl(fileID), units: rows.length - 1 };
}
