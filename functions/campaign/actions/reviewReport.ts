// reviewReport: the organisers of the level above a unit (its parent's organisers, those above,
// the org admin) accept its submitted report or return it with a reason; the unit's own organisers
// cannot review their own report unless they also manage the parent. Only a submitted report is
// reviewed (a draft: FAILED_PRECONDITION); one reviewed already answers CONFLICT, as does the
// loser of two reviewers at once, who meet on a conditional update of its state and version. A
// report of a unit no longer in the campaign (moved out of its subtree, or gone) reads as not there,
// as getReport has it: its new parent's organisers cannot read it, so they do not decide on it.
// Reads: identity, report, unit, campaign. One write.

import type { CampaignResponses } from '../../../core/contracts/campaign';
import { COLLECTIONS } from '../../lib/collections';
import { getById, updateWhere } from '../../lib/db';
import { conflict, forbidden, invalid, notFound, precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { getUnit, mayManage, requireOrganiser } from '../../org/ports';
import { loadCampaign, type ReportDoc, type ReportHistoryDoc } from '../model';
import { mayReviewPath } from '../reportScope';

/** Same bound as saveReport's: a report keeps its last steps. */
const HISTORY_MAX = 50;

export async function reviewReport(
  input: { reportId: string; decision: 'accept' | 'return'; reason: string },
  ctx: ActionContext,
): Promise<CampaignResponses['reviewReport']> {
  const { db, clock } = ctx.deps;
  const caller = await requireOrganiser(ctx);
  const report = await getById<ReportDoc>(db, COLLECTIONS.campaignReports, input.reportId);
  if (!report || report.orgId !== caller.orgId) throw notFound('找不到这份报告');
  // The unit as it is now: a unit moved within the campaign since it saved answers to its new parent.
  const [unit, campaign] = await Promise.all([getUnit(db, report.unitId), loadCampaign(db, report.campaignId)]);
  if (!unit || !unit.path.includes(campaign.unitId)) throw notFound('找不到这份报告');
  if (!mayReviewPath(caller, report.orgId, unit.path)) {
    if (mayManage(caller, unit)) throw forbidden('本单位的报告由上级组织审核');
    throw notFound('找不到这份报告');
  }
  if (input.decision === 'return' && input.reason.trim() === '') throw invalid('请填写退回原因');
  // Reviewed already (perhaps a moment ago by another reviewer): the same answer as losing the race.
  if (report.state === 'accepted' || report.state === 'returned') throw conflict(`这份报告已经审核过了（${report.state === 'accepted' ? '已通过' : '已退回'}），请刷新后查看`);
  if (report.state !== 'submitted') throw precondition('这份报告还没有报送，不能审核');

  const at = new Date(clock.now());
  const state = input.decision === 'accept' ? 'accepted' : 'returned';
  const reason = input.decision === 'return' ? input.reason.trim() : null;
  const step: ReportHistoryDoc = { at, by: caller.name, action: state, reason };
  const n = await updateWhere(db.collection(COLLECTIONS.campaignReports).where({ _id: report._id, state: 'submitted', version: report.version }), {
    state,
    returnedReason: reason,
    reviewedBy: caller.name,
    reviewedAt: at,
    history: [...report.history, step].slice(-HISTORY_MAX),
    updatedAt: at,
    version: report.version + 1,
  });
  if (n !== 1) throw conflict('这份报告刚刚已被其他管理员审核，请刷新后查看');
  return { reportId: report._id, state };
}
