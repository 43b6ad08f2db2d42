// draftStageReport: once a campaign stage has ended, an organiser who sees the campaign drafts a
// post about it, seen from a unit (`unitId`, or their highest unit in the campaign): the stage's
// days, the attached activities falling in them with their figures over the unit's subtree, and
// the reports owed in the stage (asks of that stage or due within its days) by the units below —
// on time, late, missing (named). Written by the feed through its draft port as plain paragraphs
// (core/domain/campaign/stageDraft.ts), to edit and publish from 宣传文章管理. One draft per campaign,
// stage and organiser, owned by them; drafting again refreshes it until it is published.
// Reads: identity, the campaign, its units, the attached activities (one read per kind attached)
// and their figures (at most three), the stage's reports by id (one per 1000), the draft; one write.

import type { CampaignResponses } from '../../../core/contracts/campaign';
import { reportTiming } from '../../../core/domain/campaign/evaluation';
import { stageDraftParagraphs, stageDraftTitle, type StageReportFacts } from '../../../core/domain/campaign/stageDraft';
import { rowState } from '../../../core/domain/campaign/reports';
import { treeOrder } from '../../../core/domain/org/units';
import { beijingDayKey } from '../../../core/domain/time';
import { saveReportDraft } from '../../feed/ports';
import { COLLECTIONS } from '../../lib/collections';
import { AppError, invalid, precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { requireOrganiser } from '../../org/ports';
import { attachedActivities } from '../activities';
import { byIds, evalUnit } from '../evaluationData';
import { campaignAsNow, campaignUnits, loadCampaign, owingUnits, reportId, type ReportDoc } from '../model';
import { seenUnit } from '../reportScope';

export async function draftStageReport(
  input: { campaignId: string; stageKey: string; unitId?: string | null },
  ctx: ActionContext,
): Promise<CampaignResponses['draftStageReport']> {
  const { db, clock, ids } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const stored = await loadCampaign(db, input.campaignId);
  const units = await campaignUnits(db, stored);
  // Seen as the tree stands now: a moved unit's campaign belongs to the organisers of its new place.
  const campaign = await campaignAsNow(db, stored, units);
  const seen = seenUnit(me, campaign, units, input.unitId);
  const stage = campaign.stages.find((s) => s.key === input.stageKey);
  if (!stage) throw invalid('阶段：本次专项行动没有这个阶段');
  const now = clock.now();
  if (beijingDayKey(now) <= stage.endDay) throw precondition(`“${stage.name}”阶段结束后（${stage.endDay} 之后）才能生成阶段总结`);

  // The units below the one seen, in tree order (the missing are named in that order).
  const below = treeOrder(units.filter((u) => u._id !== seen._id && u.path.includes(seen._id)).map((u) => ({ ...evalUnit(u), doc: u }))).map((u) => u.doc);
  const asks = campaign.asks.filter((a) => a.stageKey === stage.key || (a.dueDay >= stage.startDay && a.dueDay <= stage.endDay));
  const owed = asks.map((ask) => ({ ask, units: owingUnits(campaign, ask, below) }));
  const [activities, reports] = await Promise.all([
    attachedActivities(db, campaign.orgId, campaign.attached, seen, units, now),
    byIds<ReportDoc>(db, COLLECTIONS.campaignReports, owed.flatMap(({ ask, units: us }) => us.map((u) => reportId(campaign._id, ask.key, u._id)))),
  ]);
  const byId = new Map(reports.map((r) => [r._id, r]));
  const closed = campaign.status === 'closed';
  const reportFacts = owed.map(({ ask, units: us }): StageReportFacts => {
    const f: StageReportFacts = { title: ask.title, dueDay: ask.dueDay, onTime: 0, late: 0, missing: 0, notDue: 0, missingUnits: [] };
    for (const u of us) {
      const r = byId.get(reportId(campaign._id, ask.key, u._id)) ?? null;
      const t = reportTiming({ state: rowState(r, ask.dueDay, now, closed), lateMinutes: r?.lateMinutes ?? null });
      f[t] += 1;
      if (t === 'missing') f.missingUnits.push(u.name);
    }
    return f;
  });
  // What was held in the stage: attached activities whose days meet the stage's (task lists have no days: as they stand).
  const inStage = activities.filter((a) => a.fromDay === null || a.toDay === null || (a.fromDay <= stage.endDay && a.toDay >= stage.startDay));
  const paragraphs = stageDraftParagraphs({
    unitName: seen.name,
    campaignTitle: campaign.title,
    stageName: stage.name,
    startDay: stage.startDay,
    endDay: stage.endDay,
    activities: inStage,
    reports: reportFacts,
  });
  const title = stageDraftTitle(campaign.title, stage.name);
  const unitId = seen.parentId === null ? null : seen._id;
  let draft: { postId: string; text: string };
  try {
    draft = await saveReportDraft(
      db,
      {
        // One draft per campaign, stage and organiser: each writes of the units they see.
        postId: ids.derive('post', `campaign|${campaign._id}|${stage.key}|${me._id}`),
        orgId: campaign.orgId,
        unitId,
        unitName: unitId ? seen.name : null,
        title,
        paragraphs,
        cover: null,
        images: [],
        tags: ['基层动态'],
        author: { id: me._id, name: me.name },
        source: { type: 'campaign', id: campaign._id },
      },
      now,
    );
  } catch (err) {
    if (err instanceof AppError && err.code === 'FAILED_PRECONDITION') throw precondition('这个阶段的总结已经发布');
    throw err;
  }
  return { postId: draft.postId, title, text: draft.text };
}
