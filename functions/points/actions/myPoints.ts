// myPoints: the caller's total, today's points by source against the day's caps, their streak of
// days with points. Four reads by _id (identity, total, today, rules), whatever the history.

import type { PointsResponses } from '../../../core/contracts/points';
import { currentStreak, POINT_SOURCES, rulesOn, SOURCE_LABELS } from '../../../core/domain/points';
import { beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { getById } from '../../lib/db';
import type { ActionContext } from '../../lib/router';
import { requireMember } from '../../org/ports';
import type { MemberDayDoc, TotalDoc } from '../model';
import { memberDayId } from '../ports';
import { readVersions, ruleText } from '../rules';

export async function myPoints(_input: object, ctx: ActionContext): Promise<PointsResponses['myPoints']> {
  const { db, clock } = ctx.deps;
  const member = await requireMember(ctx);
  const today = beijingDayKey(clock.now());
  const [total, day, versions] = await Promise.all([
    getById<TotalDoc>(db, COLLECTIONS.pointsTotals, member._id),
    getById<MemberDayDoc>(db, COLLECTIONS.pointsDays, memberDayId(member._id, today)),
    readVersions(db, member.orgId),
  ]);
  const { rules } = rulesOn(versions, today);
  return {
    total: total?.total ?? 0,
    today,
    todayTotal: day?.total ?? 0,
    bySource: POINT_SOURCES.map((source) => ({
      source,
      label: SOURCE_LABELS[source],
      rule: ruleText(source, rules[source]),
      earned: day?.bySource[source] ?? 0,
      cap: rules[source].cap,
    })),
    streak: total ? currentStreak(total, today) : 0,
    longestStreak: total?.longest ?? 0,
  };
}
