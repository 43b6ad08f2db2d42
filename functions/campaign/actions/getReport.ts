// getReport: one unit's report for one ask, as the organisers of the unit or above read it: the
// text, the files with temporary links, the reports of the units below it gathered into it (their
// names and states), the history of each step, and what the caller may do (edit: organisers of
// the unit; review: organisers of its parent or above). A unit with nothing saved yet answers an
// empty report (state 'none'). Reads: identity, campaign, unit, report, and when it gathers any,
// the gathered reports and their units.

import type { CampaignResponses, ReportState } from '../../../core/contracts/campaign';
import { COLLECTIONS } from '../../lib/collections';
import { getById, list } from '../../lib/db';
import { notFound } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { getUnit, mayManage, requireOrganiser, unitsByIds } from '../../org/ports';
import { loadCampaign, owingUnits, reportId, type ReportDoc } from '../model';
import { findAsk, mayReviewPath } from '../reportScope';

export async function getReport(input: { campaignId: string; askKey: string; unitId: string }, ctx: ActionContext): Promise<CampaignResponses['getReport']> {
  const { db, storage } = ctx.deps;
  const _ = db.command;
  const caller = await requireOrganiser(ctx);
  const campaign = await loadCampaign(db, input.campaignId);
  const unit = await getUnit(db, input.unitId);
  // Someone else's unit, or one outside the campaign, reads as not there: it tells nothing.
  if (!unit || unit.orgId !== caller.orgId || campaign.orgId !== caller.orgId || !mayManage(caller, unit)) throw notFound('找不到这份报告');
  const ask = findAsk(campaign, input.askKey);
  if (!unit.path.includes(campaign.unitId) || owingUnits(campaign, ask, [unit]).length === 0) throw notFound('这个组织不需要报送这份报告');

  const id = reportId(campaign._id, ask.key, unit._id);
  const report = await getById<ReportDoc>(db, COLLECTIONS.campaignReports, id);
  // Every reader manages the unit (above included); editing also needs the report open to change
  // (nothing sent, or returned) and the campaign still taking reports.
  const taking = campaign.status === 'open' || campaign.acceptLate;
  // Review: organisers of the parent or above, while the report waits for it.
  const reviewer = mayReviewPath(caller, unit.orgId, unit.path);
  if (!report) {
    return {
      reportId: null,
      campaignId: campaign._id,
      askKey: ask.key,
      unitId: unit._id,
      unitName: unit.name,
      state: 'none',
      version: 0,
      text: '',
      files: [],
      gathered: [],
      dueDay: ask.dueDay,
      submittedAt: null,
      lateMinutes: null,
      returnedReason: null,
      history: [],
      mayEdit: taking,
      mayReview: false,
    };
  }

  let gathered: CampaignResponses['getReport']['gathered'] = [];
  if (report.gathered.length > 0) {
    const docs = await list<Pick<ReportDoc, '_id' | 'unitId' | 'state'>>(
      db.collection(COLLECTIONS.campaignReports).where({ _id: _.in(report.gathered) }).field({ _id: true, unitId: true, state: true }).limit(report.gathered.length),
    );
    const names = new Map((await unitsByIds(db, [...new Set(docs.map((d) => d.unitId))], caller.orgId)).map((u) => [u._id, u.name]));
    const byId = new Map(docs.map((d) => [d._id, d]));
    gathered = report.gathered.flatMap((gid) => {
      const d = byId.get(gid);
      return d ? [{ reportId: gid, unitName: names.get(d.unitId) ?? '', state: d.state as ReportState }] : [];
    });
  }
  // getTempFileURL takes 50 ids at a time; a report holds at most 10.
  const urls = report.files.length > 0 ? await storage.tempUrls(report.files.map((f) => f.fileID)) : new Map<string, string>();
  return {
    reportId: report._id,
    campaignId: campaign._id,
    askKey: ask.key,
    unitId: unit._id,
    unitName: unit.name,
    state: report.state,
    version: report.version,
    text: report.text,
    files: report.files.map((f) => ({ ...f, url: urls.get(f.fileID) || null })),
    gathered,
    dueDay: ask.dueDay,
    submittedAt: report.submittedAt ? new Date(report.submittedAt).getTime() : null,
    lateMinutes: report.lateMinutes,
    returnedReason: report.returnedReason,
    history: report.history.map((h) => ({ at: new Date(h.at).getTime(), by: h.by, action: h.action, reason: h.reason })),
    mayEdit: taking && (report.state === 'draft' || report.state === 'returned'),
    mayReview: reviewer && report.state === 'submitted',
  };
}
