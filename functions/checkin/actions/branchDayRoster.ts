// branchDayRoster: one branch's members for a day, who has checked in and who has not, leaders first.

import type { CheckinResponses } from '../../../core/contracts/checkin';
import { beijingDayKey } from '../../../core/domain/time';
import { requireManagedUnit, requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { dayRoster } from '../completion';

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
