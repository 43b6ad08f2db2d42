// Organiser views of check-ins: completion per branch for a day and its week, and a trend over
// 30 days or a campaign, read from the per-branch-per-day counters (never counting check-ins);
// one branch's roster for a day with the copyable list of who has not checked in; the xlsx export.

import type { BranchCompletion, CheckinResponses, DayRosterRow } from '../../../core/contracts/checkin';
import { addDays, beijingDayKey, formatBeijing } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { getById, list, type Database } from '../../lib/db';
import { notFound } from '../../lib/errors';
import { type Caller, managedUnits, membersOfUnit, requireManagedUnit, requireOrganiser } from '../../org/ports';
import type { UnitDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';
import { writeWorkbook } from '../../lib/xlsx';
import type { CampaignDoc, CheckinDoc } from '../model';
import { checkinId } from '../record';

/** The trend never reads more than this many days (a long campaign shows its last ones). */
const MAX_TREND_DAYS = 62;

async function managedBranches(db: Database, me: Caller): Promise<UnitDoc[]> {
  return (await managedUnits(db, me)).filter((u) => u.parentId !== null).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** Counters of the given branches and days: `${unitId}_${day}` → count (absent = 0). */
async function dailyCounts(db: Database, units: UnitDoc[], days: string[]): Promise<Map<string, number>> {
  const _ = db.command;
  const ids = units.flatMap((u) => days.map((d) => `${u._id}_${d}`));
  const out = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    for (const c of await list<{ _id: string; count: number }>(db.collection(COLLECTIONS.checkinDaily).where({ _id: _.in(chunk) }).limit(chunk.length))) {
      out.set(c._id, c.count);
    }
  }
  return out;
}

async function completionOf(db: Database, units: UnitDoc[], day: string): Promise<BranchCompletion[]> {
  const days = Array.from({ length: 7 }, (_, i) => addDays(day, i - 6));
  const count = await dailyCounts(db, units, days);
  return units.map((u) => ({
    unitId: u._id,
    unitName: u.name,
    members: u.memberCount,
    today: count.get(`${u._id}_${day}`) ?? 0,
    week: days.map((d) => ({ day: d, count: count.get(`${u._id}_${d}`) ?? 0 })),
  }));
}

export async function branchCompletion(input: { day?: string | null }, ctx: ActionContext): Promise<CheckinResponses['branchCompletion']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const day = input.day ?? beijingDayKey(clock.now());
  return { day, units: await completionOf(db, await managedBranches(db, me), day) };
}

interface DayRoster {
  rows: Array<DayRosterRow & { title: string | null; at: number | null; openid: string | null }>;
  missingText: string;
}

export async function dayRoster(db: Database, unit: UnitDoc, day: string): Promise<DayRoster> {
  // Leaders first, then pinyin order: the roster's listing key (org's sortKey) carries both.
  const members = await membersOfUnit(db, unit._id);
  const _ = db.command;
  const ids = members.map((m) => checkinId(m._id, day));
  const done = ids.length ? await list<CheckinDoc>(db.collection(COLLECTIONS.checkins).where({ _id: _.in(ids) }).limit(ids.length)) : [];
  const byMember = new Map(done.map((c) => [c.memberId, c]));
  const rows = members.map((m) => {
    const c = byMember.get(m._id);
    return {
      memberId: m._id,
      name: m.name,
      leader: m.leader === true,
      checkedIn: !!c,
      madeUp: c?.madeUp ?? false,
      minutes: c?.minutes ?? null,
      title: c?.title ?? null,
      at: c?.at ?? null,
      openid: m.openid,
    };
  });
  const missing = rows.filter((r) => !r.checkedIn).map((r) => r.name);
  return { rows, missingText: missing.length ? `${day} 尚未学习打卡（${missing.length}人）：${missing.join('、')}` : '' };
}

export async function branchDayRoster(input: { unitId: string; day?: string | null }, ctx: ActionContext): Promise<CheckinResponses['branchDayRoster']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const unit = await requireManagedUnit(db, me, input.unitId);
  const day = input.day ?? beijingDayKey(clock.now());
  const roster = await dayRoster(db, unit, day);
  return {
    day,
    unitId: unit._id,
    unitName: unit.name,
    rows: roster.rows.map(({ memberId, name, leader, checkedIn, madeUp, minutes }) => ({ memberId, name, leader, checkedIn, madeUp, minutes })),
    missingText: roster.missingText,
    leaders: { total: roster.rows.filter((r) => r.leader).length, done: roster.rows.filter((r) => r.leader && r.checkedIn).length },
  };
}

export async function completionTrend(
  input: { unitId?: string | null; campaignId?: string | null },
  ctx: ActionContext,
): Promise<CheckinResponses['completionTrend']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const today = beijingDayKey(clock.now());
  const units = input.unitId ? [await requireManagedUnit(db, me, input.unitId)] : await managedBranches(db, me);
  let from = addDays(today, -29);
  let to = today;
  if (input.campaignId) {
    const c = await getById<CampaignDoc>(db, COLLECTIONS.checkinCampaigns, input.campaignId);
    if (!c || c.orgId !== me.orgId) throw notFound('找不到该打卡活动');
    from = c.startDay;
    to = c.endDay < today ? c.endDay : today;
    if (to < from) to = from;
    if (addDays(from, MAX_TREND_DAYS - 1) < to) from = addDays(to, -(MAX_TREND_DAYS - 1));
  }
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  const count = await dailyCounts(db, units, days);
  return {
    from,
    to,
    members: units.reduce((n, u) => n + u.memberCount, 0),
    days: days.map((d) => ({ day: d, count: units.reduce((n, u) => n + (count.get(`${u._id}_${d}`) ?? 0), 0) })),
  };
}

const rate = (done: number, members: number) => (members > 0 ? Math.round((done / members) * 1000) / 10 : null);

export async function exportCompletion(input: { unitId?: string | null; day?: string | null }, ctx: ActionContext): Promise<CheckinResponses['exportCompletion']> {
  const { db, clock, storage } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const day = input.day ?? beijingDayKey(clock.now());
  const units = input.unitId ? [await requireManagedUnit(db, me, input.unitId)] : await managedBranches(db, me);
  const roster: Array<Array<string | number | null>> = [['支部', '姓名', '状态', '学习内容', '时长（分钟）', '打卡时间']];
  for (const unit of units) {
    for (const r of (await dayRoster(db, unit, day)).rows) {
      roster.push([unit.name, r.name, r.checkedIn ? (r.madeUp ? '补卡' : '已打卡') : '未打卡', r.title, r.minutes, r.at === null ? null : formatBeijing(r.at)]);
    }
  }
  const completion = await completionOf(db, units, day);
  const weekDays = completion[0]?.week.map((w) => w.day) ?? Array.from({ length: 7 }, (_, i) => addDays(day, i - 6));
  const perUnit: Array<Array<string | number | null>> = [['支部', '人数', ...weekDays.map((d) => d.slice(5)), `${day.slice(5)} 完成率（%）`]];
  for (const u of completion) perUnit.push([u.unitName, u.members, ...u.week.map((w) => w.count), rate(u.today, u.members)]);
  const bytes = await writeWorkbook([
    { name: '打卡名单', rows: roster, widths: [16, 10, 8, 30, 12, 18] },
    { name: '近7天', rows: perUnit, widths: [16, 8, ...weekDays.map(() => 8), 16] },
  ]);
  const stamp = formatBeijing(clock.now()).replace(/[-: ]/g, '');
  const scope = units.length === 1 ? units[0].name : '全部支部';
  const fileName = `学习打卡-${scope}-${day}.xlsx`.replace(/[\\/:*?"<>|]/g, '');
  const fileID = await storage.upload(`exports/checkin/${day}/${stamp}-${me._id}.xlsx`, bytes);
  return { fileID, url: await storage.tempUrl(fileID), fileName };
}
