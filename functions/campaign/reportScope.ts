// What the report actions share: where an organiser looks at an ask from (the unit seen), the
// rows of the units below it that owe the ask, and who may review a unit's report. Reads: the
// campaign, the campaign's units (one query), the ask's reports (one query); the caller's
// identity is read by the action.

import type { AssessmentView, CampaignAsk, ReportStatusRow } from '../../core/contracts/campaign';
import { rowState } from '../../core/domain/campaign/reports';
import { COLLECTIONS } from '../lib/collections';
import { list, type Database } from '../lib/db';
import { forbidden, notFound } from '../lib/errors';
import type { UnitDoc } from '../lib/model';
import { mayManage, mayManagePath, scopeIds, type Caller } from '../org/ports';
import { byIds } from './evaluationData';
import { assessmentId, campaignAsNow, campaignUnits, maySeeCampaign, owingUnits, type AssessmentDoc, type CampaignDoc, type ReportDoc } from './model';

export interface AskScope {
  campaign: CampaignDoc;
  ask: CampaignAsk;
  /** Every open unit the campaign reaches (its unit first). */
  units: UnitDoc[];
  seen: UnitDoc;
}

export function findAsk(campaign: CampaignDoc, askKey: string): CampaignAsk {
  const ask = campaign.asks.find((a) => a.key === askKey);
  if (!ask) throw notFound('找不到这项报告要求');
  return ask;
}

/**
 * The unit a campaign is seen from: `unitId` when given (inside the campaign and the caller's
 * subtrees), else the campaign's unit for an organiser of it or above, else the caller's highest
 * scope unit inside the campaign. NOT_FOUND when the caller may not see the campaign at all.
 * `campaign` must carry its unit's path as it stands now (campaignAsNow).
 */
export function seenUnit(caller: Caller, campaign: CampaignDoc, units: readonly UnitDoc[], unitId: string | null | undefined): UnitDoc {
  const scopes = scopeIds(caller);
  const scopeUnits = units.filter((u) => scopes.includes(u._id));
  if (!maySeeCampaign(caller, campaign, scopeUnits)) throw notFound('找不到这个专项行动');
  if (unitId) {
    const unit = units.find((u) => u._id === unitId);
    if (!unit) throw notFound('这个组织不在本次专项行动的范围内');
    if (!mayManage(caller, unit)) throw forbidden('该组织不在您的管理范围内');
    return unit;
  }
  const top = units.find((u) => u._id === campaign.unitId);
  if (top && mayManagePath(caller, campaign.orgId, campaign.unitPath)) return top;
  const highest = [...scopeUnits].sort((a, b) => a.path.length - b.path.length)[0];
  if (!highest) throw notFound('找不到这个专项行动');
  return highest;
}

/**
 * The ask, the campaign's units and the unit seen: one read of the units (the campaign is given),
 * one more when the campaign's unit is closed. `campaign` in the answer carries its unit's path as
 * it stands now (campaignAsNow), so a moved unit's campaign is seen from its new place.
 */
export async function askScope(db: Database, caller: Caller, stored: CampaignDoc, askKey: string, unitId: string | null | undefined): Promise<AskScope> {
  const ask = findAsk(stored, askKey);
  const units = await campaignUnits(db, stored);
  const campaign = await campaignAsNow(db, stored, units);
  return { campaign, ask, units, seen: seenUnit(caller, campaign, units, unitId) };
}

/** The units owing the ask strictly below `seen`, in tree order. */
export function owingBelow(scope: Pick<AskScope, 'campaign' | 'ask' | 'units' | 'seen'>): UnitDoc[] {
  const { campaign, ask, units, seen } = scope;
  return owingUnits(campaign, ask, units).filter((u) => u._id !== seen._id && u.path.includes(seen._id));
}

/** Every report of one ask (at most one per unit; a campaign reaches at most 1000 units). One read. */
export async function askReports(db: Database, campaignId: string, askKey: string): Promise<Map<string, ReportDoc>> {
  const docs = await list<ReportDoc>(db.collection(COLLECTIONS.campaignReports).where({ campaignId, askKey }).limit(1000));
  return new Map(docs.map((r) => [r.unitId, r]));
}

/**
 * The assessments of these units in the campaign, by their derived ids: one read for up to 1000
 * units (a campaign reaches at most 1000), keyed by unit.
 */
export async function assessmentsOf(db: Database, campaignId: string, unitIds: readonly string[]): Promise<Map<string, AssessmentView>> {
  const docs = await byIds<AssessmentDoc>(db, COLLECTIONS.campaignAssessments, unitIds.map((id) => assessmentId(campaignId, id)));
  return new Map(docs.map((a) => [a.unitId, { grade: a.grade, text: a.text, byName: a.byName, at: new Date(a.at).getTime() }]));
}

/** May the caller review (accept or return) the report of a unit with this path: an organiser of its parent or above. */
export function mayReviewPath(caller: Caller, orgId: string, unitPath: readonly string[]): boolean {
  return unitPath.length > 1 && mayManagePath(caller, orgId, unitPath.slice(0, -1));
}

/**
 * The rows of the units below `seen` that owe the ask, with their report's state (not ordered), and
 * each unit's assessment where the caller may review the row (organisers of its parent or above).
 */
export function statusRows(
  caller: Caller,
  scope: AskScope,
  reports: ReadonlyMap<string, ReportDoc>,
  now: number,
  assessments: ReadonlyMap<string, AssessmentView> = new Map(),
): ReportStatusRow[] {
  const closed = scope.campaign.status === 'closed';
  return owingBelow(scope).map((u) => {
    const r = reports.get(u._id) ?? null;
    const mayReview = mayReviewPath(caller, u.orgId, u.path);
    return {
      unitId: u._id,
      unitName: u.name,
      depth: u.path.length - scope.seen.path.length,
      parentUnitId: u.parentId,
      reportId: r?._id ?? null,
      state: rowState(r, scope.ask.dueDay, now, closed),
      lateMinutes: r?.lateMinutes ?? null,
      submittedAt: r?.submittedAt ? new Date(r.submittedAt).getTime() : null,
      returnedReason: r?.state === 'returned' ? r.returnedReason : null,
      fileCount: r?.files.length ?? 0,
      mayReview,
      assessment: mayReview ? (assessments.get(u._id) ?? null) : null,
    };
  });
}
