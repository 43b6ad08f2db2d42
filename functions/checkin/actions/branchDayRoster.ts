// branchDayRoster: one branch's members for a day, who has checked in and who has not, leaders first.
// Entries never bound to WeChat are marked apart: they cannot check in until they bind, so the
// copied nudge leaves them out (the page offers them an invitation instead).

import type { CheckinResponses } from '../../../core/contracts/checkin';
import { dayWords, nudgeText } from '../../../core/domain/nudge';
import { addDays, beijingDayKey, beijingDayStart } from '../../../core/domain/time';
import { requireManagedUnit, requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { dayRoster } from '../completion';

/** Today's (or a coming day's) text asks for the check-in by the day's end; a past day's only lists. */
function missingTextOf(day: string, today: string, names: string[], now: number): string {
  if (names.length === 0) return '';
  if (day < today) return `${dayWords(day)}未学习打卡（${names.length}人）：${names.join('、')}`;
  return nudgeText({ activity: 'checkin', title: '学习打卡', deadline: beijingDayStart(addDays(day, 1)), names, now });
}

export async function branchDayRoster(input: { unitId: string; day?: string | null }, ctx: ActionContext): Promise<CheckinResponses['branchDayRoster']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const unit = await requireManagedUnit(db, me, input.unitId);
  const now = clock.now();
  const today = beijingDayKey(now);
  const day = input.day ?? today;
  const roster = await dayRoster(db, unit, day);
  const waiting = roster.rows.filter((r) => r.bound && !r.checkedIn).map((r) => r.name);
  return {
    day,
    unitId: unit._id,
    unitName: unit.name,
    rows: roster.rows.map(({ memberId, name, leader, checkedIn, madeUp, minutes, bound }) => ({ memberId, name, leader, checkedIn, madeUp, minutes, bound })),
    missingText: missingTextOf(day, today, waiting, now),
    leaders: { total: roster.rows.filter((r) => r.leader).length, done: roster.rows.filter((r) => r.leader && r.checkedIn).length },
  };
}
