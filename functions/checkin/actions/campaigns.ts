// Campaigns (打卡活动): an organiser sets a themed run of days, its audience and the days each
// member should check in. Progress is never stored: it is counted from the members' month
// documents (a few reads by _id per member), so a check-in costs nothing more for a campaign.

import type { CampaignSummary, CheckinResponses } from '../../../core/contracts/checkin';
import { campaignLength, campaignStanding, CAMPAIGN_STANDING_TEXT, monthsBetween, type CampaignStanding } from '../../../core/domain/checkin';
import { addDays, beijingDayKey } from '../../../core/domain/time';
import { audienceReaches, audienceTouches } from '../../../core/domain/units';
import { COLLECTIONS } from '../../lib/collections';
import { getById, insert, isDuplicateKeyError, list, updateWhere, type Database } from '../../lib/db';
import { forbidden, invalid, notFound, precondition } from '../../lib/errors';
import { type Caller, getUnit, managedUnits, membersOfUnit, requireManagedUnit, requireMember, requireOrganiser } from '../../org/ports';
import type { UnitDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';
import type { CampaignDoc, MonthDoc } from '../model';

export const ALL_BRANCHES = 'ALL';
const MAX_CAMPAIGN_DAYS = 366;
/** Members still see a campaign this many days after it ended. */
const SHOWN_AFTER_END_DAYS = 30;

function summary(c: CampaignDoc, names: Map<string, string>, today: string, me?: Caller): CampaignSummary {
  const out: CampaignSummary = {
    id: c._id,
    title: c.title,
    description: c.description,
    startDay: c.startDay,
    endDay: c.endDay,
    requiredDays: c.requiredDays,
    audienceNames: c.audience.includes(ALL_BRANCHES) ? [] : c.audience.flatMap((id) => names.get(id) ?? []),
    unitIds: c.audience.includes(ALL_BRANCHES) ? [] : c.audience,
    status: c.status,
    createdByName: c.createdByName,
    today,
  };
  if (me) out.canCancel = c.status === 'active' && (me.role === 'org_admin' || c.createdBy === me._id);
  return out;
}

const namesOf = (units: UnitDoc[]) => new Map(units.map((u) => [u._id, u.name]));

interface CreateInput {
  title: string;
  description: string;
  startDay: string;
  endDay: string;
  requiredDays: number;
  unitIds: string[];
}

export async function createCampaign(input: CreateInput, ctx: ActionContext): Promise<CampaignSummary> {
  const { db, clock, ids } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const today = beijingDayKey(clock.now());
  if (input.endDay < input.startDay) throw invalid('结束日期不能早于开始日期');
  if (input.endDay < today) throw invalid('结束日期已经过去，请重新选择');
  const length = campaignLength(input);
  if (length > MAX_CAMPAIGN_DAYS) throw invalid(`活动最长${MAX_CAMPAIGN_DAYS}天`);
  if (input.requiredDays > length) throw invalid(`达标天数不能超过活动天数（${length}天）`);
  const units = await managedUnits(db, me);
  const branches = new Map(units.filter((u) => u.parentId !== null && u.status === 'active').map((u) => [u._id, u]));
  let audience: string[];
  if (input.unitIds.length === 0) {
    if (me.role !== 'org_admin') throw forbidden('只有单位管理员可以面向全单位发起活动，请选择支部');
    audience = [ALL_BRANCHES];
  } else {
    audience = [...new Set(input.unitIds)];
    const foreign = audience.find((id) => !branches.has(id));
    if (foreign) throw forbidden('只能为自己管理的支部发起活动');
  }
  // The id derives from the creator and the campaign's title and dates: a double tap or a retry
  // finds the one already written. After a cancellation the same campaign may be started again:
  // the next id in the series is used.
  for (let n = 0; n < 20; n++) {
    const id = ids.derive('cmp', `${me._id}|${input.title}|${input.startDay}|${input.endDay}${n ? `|${n}` : ''}`);
    const doc: CampaignDoc = {
      _id: id,
      orgId: me.orgId,
      title: input.title,
      description: input.description,
      startDay: input.startDay,
      endDay: input.endDay,
      requiredDays: input.requiredDays,
      audience,
      status: 'active',
      createdBy: me._id,
      createdByName: me.name,
      createdAt: clock.now(),
      cancelledAt: null,
    };
    try {
      await insert(db, COLLECTIONS.checkinCampaigns, { ...doc });
      return summary(doc, namesOf(units), today, me);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    const existing = await getById<CampaignDoc>(db, COLLECTIONS.checkinCampaigns, id);
    if (existing && existing.status === 'active') return summary(existing, namesOf(units), today, me);
  }
  throw precondition('相同的活动已取消多次，请换一个活动名称');
}

export async function cancelCampaign(input: { campaignId: string }, ctx: ActionContext): Promise<CampaignSummary> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const c = await getById<CampaignDoc>(db, COLLECTIONS.checkinCampaigns, input.campaignId);
  if (!c || c.orgId !== me.orgId) throw notFound('找不到该打卡活动');
  if (me.role !== 'org_admin' && c.createdBy !== me._id) throw forbidden('只有发起人或单位管理员可以取消活动');
  const now = clock.now();
  await updateWhere(db.collection(COLLECTIONS.checkinCampaigns).where({ _id: c._id, status: 'active' }), { status: 'cancelled', cancelledAt: now });
  const units = await managedUnits(db, me);
  return summary({ ...c, status: 'cancelled', cancelledAt: c.cancelledAt ?? now }, namesOf(units), beijingDayKey(now), me);
}

/** Campaigns an organiser sees: the whole organisation's, or those reaching one of their branches. */
export async function listCampaigns(_input: object, ctx: ActionContext): Promise<CampaignSummary[]> {
  const { db, clock } = ctx.deps;
  const today = beijingDayKey(clock.now());
  const me = await requireOrganiser(ctx);
  const units = await managedUnits(db, me);
  const docs = await list<CampaignDoc>(db.collection(COLLECTIONS.checkinCampaigns).where({ orgId: me.orgId }).orderBy('createdAt', 'desc').limit(100));
  return docs
    .filter((c) => me.role === 'org_admin' || audienceTouches(c.audience, units, ALL_BRANCHES))
    .map((c) => summary(c, namesOf(units), today, me));
}

/** Each member's checked days inside [from, to], from their month documents (`_id in`, chunked). */
async function checkedDays(db: Database, memberIds: string[], from: string, to: string): Promise<Map<string, Set<string>>> {
  const _ = db.command;
  const months = to < from ? [] : monthsBetween(from, to);
  const ids = memberIds.flatMap((m) => months.map((month) => `${m}_${month}`));
  const out = new Map<string, Set<string>>(memberIds.map((m) => [m, new Set<string>()]));
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    for (const doc of await list<MonthDoc>(db.collection(COLLECTIONS.checkinMonths).where({ _id: _.in(chunk) }).limit(chunk.length))) {
      const month = doc._id.slice(doc._id.length - 7);
      for (const dd of Object.keys(doc.days)) {
        const day = `${month}-${dd}`;
        if (day >= from && day <= to) out.get(doc.memberId)?.add(day);
      }
    }
  }
  return out;
}

function emptyCounts(): Record<CampaignStanding, number> {
  return { upcoming: 0, completed: 0, on_track: 0, behind: 0, missed: 0 };
}

export async function campaignProgress(input: { campaignId: string; unitId: string }, ctx: ActionContext): Promise<CheckinResponses['campaignProgress']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const unit = await requireManagedUnit(db, me, input.unitId);
  const c = await getById<CampaignDoc>(db, COLLECTIONS.checkinCampaigns, input.campaignId);
  if (!c || c.orgId !== me.orgId || !audienceReaches(c.audience, unit.path, ALL_BRANCHES)) throw notFound('找不到该支部的这个打卡活动');
  const today = beijingDayKey(clock.now());
  const members = await membersOfUnit(db, unit._id, 'name');
  const to = c.endDay < today ? c.endDay : today;
  const days = await checkedDays(db, members.map((m) => m._id), c.startDay, to);
  const counts = emptyCounts();
  const rows = members.map((m) => {
    const done = days.get(m._id) ?? new Set<string>();
    const standing = campaignStanding(c, done.size, today, done.has(today));
    counts[standing]++;
    return { memberId: m._id, name: m.name, doneDays: done.size, standing };
  });
  const behind = rows.filter((r) => r.standing === 'behind' || r.standing === 'missed');
  const units = await managedUnits(db, me);
  return {
    campaign: summary(c, namesOf(units), today, me),
    unitId: unit._id,
    unitName: unit.name,
    today,
    rows,
    counts,
    behindText: behind.length
      ? `「${c.title}」进度落后（${behind.length}人）：${behind.map((r) => `${r.name}（${r.doneDays}/${c.requiredDays}天，${CAMPAIGN_STANDING_TEXT[r.standing]}）`).join('、')}`
      : '',
  };
}

export async function myCampaigns(_input: object, ctx: ActionContext): Promise<CheckinResponses['myCampaigns']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const me = await requireMember(ctx);
  const today = beijingDayKey(clock.now());
  const docs = (
    await list<CampaignDoc>(
      db
        .collection(COLLECTIONS.checkinCampaigns)
        .where({ orgId: me.orgId, audience: _.in([...me.unitPath, ALL_BRANCHES]), endDay: _.gte(addDays(today, -SHOWN_AFTER_END_DAYS)) })
        .orderBy('endDay', 'asc')
        .limit(20),
    )
  ).filter((c) => c.status === 'active');
  if (docs.length === 0) return [];
  const from = docs.reduce((min, c) => (c.startDay < min ? c.startDay : min), docs[0].startDay);
  const days = (await checkedDays(db, [me._id], from, today)).get(me._id) ?? new Set<string>();
  const unit = await getUnit(db, me.unitId);
  const names = new Map(unit ? [[unit._id, unit.name]] : []);
  return docs
    .map((c) => {
      const done = [...days].filter((d) => d >= c.startDay && d <= c.endDay).length;
      return { ...summary(c, names, today), doneDays: done, standing: campaignStanding(c, done, today, days.has(today)) };
    })
    .sort((a, b) => (a.endDay < today ? 1 : 0) - (b.endDay < today ? 1 : 0) || a.startDay.localeCompare(b.startDay));
}
