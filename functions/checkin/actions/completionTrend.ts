// completionTrend: daily completion over 30 days or a challenge, for one branch or all managed ones.

import type { CheckinResponses } from '../../../core/contracts/checkin';
import { addDays, beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { getById } from '../../lib/db';
import { notFound } from '../../lib/errors';
import { requireManagedUnit, requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { ChallengeDoc } from '../model';
import { dailyCounts, managedBranches, MAX_TREND_DAYS } from '../completion';

export async function completionTrend(
  input: { unitId?: string | null; challengeId?: string | null },
  ctx: ActionContext,
): Promise<CheckinResponses['completionTrend']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const today = beijingDayKey(clock.now());
  const units = input.unitId ? [await requireManagedUnit(db, me, input.unitId)] : await managedBranches(db, me);
  let from = addDays(today, -29);
  let to = today;
  if (input.challengeId) {
    const c = await getById<ChallengeDoc>(db, COLLECTIONS.checkinChallenges, input.challengeId);
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

