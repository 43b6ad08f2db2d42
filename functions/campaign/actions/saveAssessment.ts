// saveAssessment: the written assessment (评价等次 and 书面评价) of one unit in a campaign, by the
// organisers of the level above it — those who manage its parent unit (the campaign's unit's
// organisers for its direct children, organisers higher up and the org admin for any unit below
// them). Never of one's own unit: an organiser who manages the unit but not its parent is told
// 不能评价本单位. One document per campaign and unit (deterministic id), replaced whole by each save,
// so two organisers saving at once leave one complete assessment, never a mix. Goes into the
// evaluation workbook. Reads: identity, the campaign, its units; one write.

import type { CampaignResponses } from '../../../core/contracts/campaign';
import type { Grade } from '../../../core/domain/campaign/evaluation';
import { COLLECTIONS } from '../../lib/collections';
import { forbidden, invalid, notFound } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { mayManage, mayManagePath, requireOrganiser } from '../../org/ports';
import { assessmentId, campaignAsNow, campaignUnits, loadCampaign, type AssessmentDoc } from '../model';
import { seenUnit } from '../reportScope';

export async function saveAssessment(
  input: { campaignId: string; unitId: string; grade?: Grade | null; text: string },
  ctx: ActionContext,
): Promise<CampaignResponses['saveAssessment']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const text = input.text.trim();
  const grade = input.grade ?? null;
  if (!grade && text === '') throw invalid('请选择评价等次或填写评价');
  const stored = await loadCampaign(db, input.campaignId);
  const units = await campaignUnits(db, stored);
  // Seen as the tree stands now: a moved unit's campaign belongs to the organisers of its new place.
  const campaign = await campaignAsNow(db, stored, units);
  // The caller must see the campaign at all (NOT_FOUND otherwise, as every campaign action).
  seenUnit(me, campaign, units, null);
  const unit = units.find((u) => u._id === input.unitId);
  if (!unit) throw notFound('这个组织不在本次专项行动的范围内');
  if (!mayManage(me, unit)) throw forbidden('该组织不在您的管理范围内');
  if (unit.path.length < 2 || !mayManagePath(me, unit.orgId, unit.path.slice(0, -1))) throw forbidden('不能评价本单位，请由上级组织评价');
  const doc: Omit<AssessmentDoc, '_id'> = {
    orgId: campaign.orgId,
    campaignId: campaign._id,
    unitId: unit._id,
    grade,
    text,
    byName: me.name,
    byMemberId: me._id,
    at: new Date(clock.now()),
  };
  await db.collection(COLLECTIONS.campaignAssessments).doc(assessmentId(campaign._id, unit._id)).set({ data: doc });
  return { unitId: unit._id, grade, text };
}
