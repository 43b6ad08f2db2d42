// The campaign context's documents (docs/CAMPAIGNS.md, Data model) and the few reads every part of
// the context shares: a campaign by id, the units it reaches, and who may see or edit it.

import type { CampaignAsk, CampaignAttached, CampaignStage, ReportState } from '../../core/contracts/campaign';
import type { TaskListKind, TaskStatus } from '../../core/contracts/campaignTasks';
import { COLLECTIONS } from '../lib/collections';
import { getById } from '../lib/db';
import type { Database } from '../lib/db';
import { forbidden, notFound } from '../lib/errors';
import type { UnitDoc } from '../lib/model';
import { getUnit, mayManagePath, unitsUnder, type Caller } from '../org/ports';

export interface CampaignDoc {
  _id: string;
  orgId: string;
  /** The campaign's unit: it reaches this unit's subtree. */
  unitId: string;
  unitPath: string[];
  title: string;
  description: string;
  stages: CampaignStage[];
  asks: CampaignAsk[];
  attached: CampaignAttached;
  status: 'open' | 'closed';
  /** After close: reports still taken (marked late) or refused. */
  acceptLate: boolean;
  closedAt: Date | null;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface ReportFileDoc {
  fileID: string;
  name: string;
  size: number;
  ext: string;
}

export interface ReportHistoryDoc {
  at: Date;
  /** The organiser's name (shown to organisers only). */
  by: string;
  action: 'saved' | 'submitted' | 'returned' | 'accepted';
  reason: string | null;
}

/** `_id` = reportId(campaignId, askKey, unitId). */
export interface ReportDoc {
  _id: string;
  orgId: string;
  campaignId: string;
  askKey: string;
  unitId: string;
  unitPath: string[];
  parentUnitId: string | null;
  state: ReportState;
  text: string;
  files: ReportFileDoc[];
  gathered: string[];
  /** The end of the due day (23:59:59.999 Beijing) when it was last saved. */
  dueAt: Date;
  submittedAt: Date | null;
  lateMinutes: number | null;
  returnedReason: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  history: ReportHistoryDoc[];
  updatedAt: Date;
  version: number;
}

/** `_id` = `${campaignId}:${unitId}`. */
export interface AssessmentDoc {
  _id: string;
  orgId: string;
  campaignId: string;
  unitId: string;
  grade: 'excellent' | 'good' | 'fair' | 'poor' | null;
  text: string;
  byName: string;
  byMemberId: string;
  at: Date;
}

/** `_id` = `${campaignId}:${askKey}:${unitId}:${dayKey}`: one reminder per unit, ask and day. */
export interface ReminderDoc {
  _id: string;
  campaignId: string;
  askKey: string;
  unitId: string;
  day: string;
  at: Date;
  reminded: number;
}

export interface TaskListDoc {
  _id: string;
  orgId: string;
  unitId: string;
  unitPath: string[];
  kind: TaskListKind;
  title: string;
  public: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** The list's own counters (as TaskUnitDoc's), moved in the same transaction as its items. */
  total: number;
  done: number;
  openByDeadline: Record<string, number>;
}

export interface TaskPhotoDoc {
  fileID: string;
  public: boolean;
}

export interface TaskNoteDoc {
  noteId: string;
  kind: 'progress' | 'closeOut' | 'reopen';
  text: string;
  photos: TaskPhotoDoc[];
  at: Date;
  byMemberId: string;
  byName: string;
}

export interface TaskItemDoc {
  _id: string;
  orgId: string;
  listId: string;
  unitId: string;
  unitPath: string[];
  title: string;
  detail: string;
  ownerMemberId: string;
  ownerName: string;
  deadlineDay: string;
  status: TaskStatus;
  notes: TaskNoteDoc[];
  doneAt: Date | null;
  doneLate: boolean;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** `_id` = the unit's id: counters of the unit's own items (all its lists). */
export interface TaskUnitDoc {
  _id: string;
  orgId: string;
  unitPath: string[];
  lists: number;
  total: number;
  done: number;
  /** Items not done, by their deadline day: overdue is the sum of the days before today. */
  openByDeadline: Record<string, number>;
  updatedAt: Date;
}

/** One report per unit and ask: two organisers saving at once meet on this id. */
export function reportId(campaignId: string, askKey: string, unitId: string): string {
  return `${campaignId}:${askKey}:${unitId}`;
}

export function assessmentId(campaignId: string, unitId: string): string {
  return `${campaignId}:${unitId}`;
}

export async function loadCampaign(db: Database, campaignId: string): Promise<CampaignDoc> {
  const found = await getById<CampaignDoc>(db, COLLECTIONS.campaigns, campaignId);
  if (!found) throw notFound('找不到这个专项行动');
  return found;
}

/**
 * The campaign with its unit's path as the tree stands now. The path stored when it was set up goes
 * stale when its unit moves (the org context rewrites only its own documents); who may see, edit
 * and close a campaign is decided from where its unit stands, as for task lists, so the organisers
 * a moved unit left lose it and those of its new place gain it. `units`: the campaign's units when
 * already read (campaignUnits, where its unit is unless closed); otherwise, or for a closed unit,
 * one read. A unit no longer there keeps the stored path.
 */
export async function campaignAsNow(db: Database, campaign: CampaignDoc, units?: readonly UnitDoc[]): Promise<CampaignDoc> {
  const unit = units?.find((u) => u._id === campaign.unitId) ?? (await getUnit(db, campaign.unitId));
  return unit && unit.orgId === campaign.orgId ? { ...campaign, unitPath: unit.path } : campaign;
}

/** May the caller see the campaign at all: an organiser of any unit it reaches (or above its unit). */
export function maySeeCampaign(caller: Caller, campaign: Pick<CampaignDoc, 'orgId' | 'unitPath' | 'unitId'>, scopeUnits: readonly Pick<UnitDoc, 'path'>[]): boolean {
  if (caller.orgId !== campaign.orgId) return false;
  if (mayManagePath(caller, campaign.orgId, campaign.unitPath)) return true;
  // An organiser of a unit inside the campaign's subtree.
  return scopeUnits.some((u) => u.path.includes(campaign.unitId));
}

/** May the caller change or close the campaign: organisers of its unit (and above), the org admin. */
export function requireCampaignEditor(caller: Caller, campaign: Pick<CampaignDoc, 'orgId' | 'unitPath'>): void {
  if (!mayManagePath(caller, campaign.orgId, campaign.unitPath)) throw forbidden('只有发起单位的管理员可以修改这个专项行动');
}

/** Every open unit the campaign reaches (its unit first, tree order as stored). One read. */
export async function campaignUnits(db: Database, campaign: Pick<CampaignDoc, 'orgId' | 'unitId'>): Promise<UnitDoc[]> {
  return (await unitsUnder(db, campaign.orgId, [campaign.unitId])).filter((u) => u.status !== 'closed');
}

/** The units that owe an ask: every unit below the campaign's unit, or its direct children. */
export function owingUnits(campaign: Pick<CampaignDoc, 'unitId'>, ask: Pick<CampaignAsk, 'audience'>, units: readonly UnitDoc[]): UnitDoc[] {
  return units.filter((u) => u._id !== campaign.unitId && (ask.audience === 'all' || u.parentId === campaign.unitId));
}
