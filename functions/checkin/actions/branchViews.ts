// Organiser views of check-ins: completion per branch for a day and its week, read from the
// per-branch-per-day counters (one query for all branches and days, never counting check-ins),
// and one branch's roster for a day with the copyable list of who has not checked in.

import type { CheckinResponses } from '../../../core/contracts/checkin';
import { addDays, beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { managedUnits, requireManagedUnit, requireOrganiser } from '../../lib/identity';
import type { MemberDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';
import type { CheckinDoc } from '../model';
import { checkinId } from '../record';

export async function branchCompletion(input: { day?: string | null }, ctx: ActionContext): Promise<CheckinResponses['branchCompletion']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const day = input.day ?? beijingDayKey(clock.now());
  const units = (await managedUnits(db, me)).filter((u) => u.kind === 'branch').sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const days = Array.from({ length: 7 }, (_, i) => addDays(day, i - 6));
  const _ = db.command;
  const ids = units.flatMap((u) => days.map((d) => `${u._id}_${d}`));
  const counters: Array<{ _id: string; count: number }> = [];
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    counters.push(...(await list<{ _id: string; count: number }>(db.collection(COLLECTIONS.checkinDaily).where({ _id: _.in(chunk) }).limit(chunk.length))));
  }
  const count = new Map(counters.map((c) => [c._id, c.count]));
  return {
    day,
    units: units.map((u) => ({
      unitId: u._id,
      unitName: u.name,
      members: u.memberCount,
      today: count.get(`${u._id}_${day}`) ?? 0,
      week: days.map((d) => ({ day: d, count: count.get(`${u._id}_${d}`) ?? 0 })),
    })),
  };
}

export async function branchDayRoster(input: { unitId: string; day?: string | null }, ctx: ActionContext): Promise<CheckinResponses['branchDayRoster']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const unit = await requireManagedUnit(db, me, input.unitId);
  const day = input.day ?? beijingDayKey(clock.now());
  const members = await list<MemberDoc>(db.collection(COLLECTIONS.members).where({ unitId: unit._id }).orderBy('name', 'asc').limit(1000));
  const _ = db.command;
  const ids = members.map((m) => checkinId(m._id, day));
  const done = ids.length ? await list<CheckinDoc>(db.collection(COLLECTIONS.checkins).where({ _id: _.in(ids) }).limit(ids.length)) : [];
  const byMember = new Map(done.map((c) => [c.memberId, c]));
  const rows = members.map((m) => {
    const c = byMember.get(m._id);
    return { memberId: m._id, name: m.name, checkedIn: !!c, madeUp: c?.madeUp ?? false, minutes: c?.minutes ?? null };
  });
  const missing = rows.filter((r) => !r.checkedIn).map((r) => r.name);
  return {
    day,
    unitId: unit._id,
    unitName: unit.name,
    rows,
    missingText: missing.length ? `${day} 尚未学习打卡（${missing.length}人）：${missing.join('、')}` : '',
  };
}
