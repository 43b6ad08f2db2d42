// Check-in completion the organiser views share: the branches an organiser sees, their per-day
// counters, a day's completion per branch and one branch's roster for a day (read from the
// per-branch-per-day counters and the day's check-ins, never counting history).

import type { BranchCompletion, DayRosterRow } from '../../core/contracts/checkin';
import { addDays } from '../../core/domain/time';
import { COLLECTIONS } from '../lib/collections';
import { list, type Database } from '../lib/db';
import { type Caller, managedUnits, membersOfUnit } from '../org/ports';
import type { UnitDoc } from '../lib/model';
import type { CheckinDoc } from './model';
import { checkinId } from './record';

/** The trend never reads more than this many days (a long challenge shows its last ones). */
export const MAX_TREND_DAYS = 62;

export async function managedBranches(db: Database, me: Caller): Promise<UnitDoc[]> {
  return (await managedUnits(db, me)).filter((u) => u.parentId !== null).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** Counters of the given branches and days: `${unitId}_${day}` → count (absent = 0). */
export async function dailyCounts(db: Database, units: UnitDoc[], days: string[]): Promise<Map<string, number>> {
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

export async function completionOf(db: Database, units: UnitDoc[], day: string): Promise<BranchCompletion[]> {
  const days = Array.from({ length: 7 }, (_, i) => addDays(day, i - 6));
  const count = await dailyCounts(db, units, days);
  return units.map((u) => ({
    unitId: u._id,
    unitName: u.name,
    members: u.memberCount,
    bound: u.boundCount,
    today: count.get(`${u._id}_${day}`) ?? 0,
    week: days.map((d) => ({ day: d, count: count.get(`${u._id}_${d}`) ?? 0 })),
  }));
}

export interface DayRoster {
  rows: Array<DayRosterRow & { title: string | null; at: number | null; openid: string | null }>;
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
      bound: !!m.openid,
      title: c?.title ?? null,
      at: c?.at ?? null,
      openid: m.openid,
    };
  });
  return { rows };
}

/** A share in percent with one decimal, or null when there is nobody to count. */
export const rate = (done: number, members: number) => (members > 0 ? Math.round((done / members) * 1000) / 10 : null);
