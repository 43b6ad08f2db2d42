// saveReport: the organisers of a unit keep a draft of its report for one ask, or submit it to
// the level above. Refused, naming the field and writing nothing: a unit that does not owe the
// ask, a campaign that stopped taking reports, a report already sent (until it is returned), an
// attachment not the caller's own upload, over 20 MB or not pdf/Word/Excel/picture by its bytes,
// a gathered report that is not of a unit below or not sent. One report per unit and ask, by its
// deterministic id: the first save is an insert (two organisers at once: one wins, the other is
// told to reload), later ones a conditional update on the version read.
// Reads: identity, campaign, unit, report; when it gathers any, the gathered reports and their
// units (as they stand now: a unit moved away from this one is no longer below it, whatever path
// its report was saved with).

import type { CampaignResponses, ReportState } from '../../../core/contracts/campaign';
import { dueInstant, lateMinutesAt } from '../../../core/domain/campaign/reports';
import { COLLECTIONS } from '../../lib/collections';
import { getById, insert, isDuplicateKeyError, list, updateWhere } from '../../lib/db';
import { conflict, invalid, notFound, precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { requireManagedUnit, requireOrganiser, unitsByIds } from '../../org/ports';
import { checkAttachments } from '../attachments';
import { loadCampaign, owingUnits, reportId, type ReportDoc, type ReportHistoryDoc } from '../model';
import { findAsk } from '../reportScope';

interface Input {
  campaignId: string;
  askKey: string;
  unitId: string;
  text: string;
  files: Array<{ fileID: string; name: string }>;
  gathered: string[];
  submit: boolean;
  version?: number | null;
}

/** A report's history keeps its last steps; repeated draft saves by one organiser make one entry. */
const HISTORY_MAX = 50;

export async function saveReport(input: Input, ctx: ActionContext): Promise<CampaignResponses['saveReport']> {
  const { db, clock, storage } = ctx.deps;
  const _ = db.command;
  const caller = await requireOrganiser(ctx);
  const campaign = await loadCampaign(db, input.campaignId);
  if (campaign.orgId !== caller.orgId) throw notFound('找不到这个专项行动');
  const unit = await requireManagedUnit(db, caller, input.unitId);
  const ask = findAsk(campaign, input.askKey);
  if (!unit.path.includes(campaign.unitId) || unit.status === 'closed' || owingUnits(campaign, ask, [unit]).length === 0) {
    throw invalid(`${unit.name}不需要报送「${ask.title}」`);
  }
  if (campaign.status === 'closed' && !campaign.acceptLate) throw precondition('本次专项行动已停止接收报告');

  const id = reportId(campaign._id, ask.key, unit._id);
  const existing = await getById<ReportDoc>(db, COLLECTIONS.campaignReports, id);
  if (existing && (existing.state === 'submitted' || existing.state === 'accepted')) throw precondition('报告已报送，如需修改请联系上级退回');
  if (existing && (input.version === null || input.version === undefined)) throw conflict('这份报告已有其他管理员保存过，请刷新后再修改');
  if (existing && input.version !== existing.version) throw conflict('这份报告刚刚被其他管理员修改过，请刷新后再修改');

  const files = await checkAttachments(storage, { openid: ctx.openid, context: 'campaign', purpose: 'document' }, input.files, existing?.files ?? []);
  const gathered = [...new Set(input.gathered)];
  if (gathered.length > 0) {
    const docs = await list<Pick<ReportDoc, '_id' | 'unitId' | 'state' | 'campaignId'>>(
      db.collection(COLLECTIONS.campaignReports).where({ _id: _.in(gathered) }).field({ _id: true, unitId: true, state: true, campaignId: true }).limit(gathered.length),
    );
    const byId = new Map(docs.map((d) => [d._id, d]));
    const units = new Map((await unitsByIds(db, [...new Set(docs.map((d) => d.unitId))], caller.orgId)).map((u) => [u._id, u]));
    const unknown = gathered.find((g) => {
      const d = byId.get(g);
      const below = d ? units.get(d.unitId) : undefined;
      return !d || !below || d.campaignId !== campaign._id || below._id === unit._id || !below.path.includes(unit._id);
    });
    if (unknown) throw invalid(`汇总的报告中有一份不是${unit.name}下级组织在本次专项行动中的报告，请刷新后重新选择`);
    const notSent = docs.find((d) => d.state !== 'submitted' && d.state !== 'accepted');
    if (notSent) throw invalid(`汇总的报告中，${units.get(notSent.unitId)?.name ?? '下级组织'}的报告还没有报送，不能汇总`);
  }

  const now = clock.now();
  const at = new Date(now);
  const closedAt = campaign.status === 'closed' && campaign.closedAt ? new Date(campaign.closedAt).getTime() : null;
  const state: ReportState = input.submit ? 'submitted' : existing?.state === 'returned' ? 'returned' : 'draft';
  const step: ReportHistoryDoc = { at, by: caller.name, action: input.submit ? 'submitted' : 'saved', reason: null };
  const history = [...(existing?.history ?? [])];
  const last = history[history.length - 1];
  if (step.action === 'saved' && last?.action === 'saved' && last.by === step.by) history[history.length - 1] = step;
  else history.push(step);
  // How late is settled by the first submission: a report returned for revision and sent again
  // keeps the lateness it came with, so a late return does not make an on-time unit late.
  const firstSubmit = existing?.submittedAt == null;
  const lateMinutes = input.submit
    ? firstSubmit
      ? lateMinutesAt(ask.dueDay, now, closedAt)
      : existing.lateMinutes
    : (existing?.lateMinutes ?? null);
  const fields = {
    state,
    text: input.text,
    files,
    gathered,
    dueAt: new Date(dueInstant(ask.dueDay)),
    submittedAt: input.submit ? at : (existing?.submittedAt ?? null),
    lateMinutes,
    returnedReason: input.submit ? null : (existing?.returnedReason ?? null),
    history: history.slice(-HISTORY_MAX),
    updatedAt: at,
  };

  if (!existing) {
    const doc: ReportDoc = {
      _id: id,
      orgId: campaign.orgId,
      campaignId: campaign._id,
      askKey: ask.key,
      unitId: unit._id,
      unitPath: unit.path,
      parentUnitId: unit.parentId,
      ...fields,
      reviewedBy: null,
      reviewedAt: null,
      version: 1,
    };
    try {
      await insert(db, COLLECTIONS.campaignReports, doc);
    } catch (err) {
      if (isDuplicateKeyError(err)) throw conflict('另一位管理员刚刚保存了这份报告，请刷新后再修改');
      throw err;
    }
    return { reportId: id, state, version: 1, lateMinutes };
  }
  const version = existing.version + 1;
  const n = await updateWhere(db.collection(COLLECTIONS.campaignReports).where({ _id: id, version: existing.version, state: existing.state }), {
    ...fields,
    unitPath: unit.path,
    parentUnitId: unit.parentId,
    version,
  });
  if (n !== 1) throw conflict('这份报告刚刚被其他管理员修改过，请刷新后再修改');
  return { reportId: id, state, version, lateMinutes };
}
