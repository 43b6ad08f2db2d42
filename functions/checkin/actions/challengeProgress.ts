// challengeProgress: each member's days and standing in one unit, for its organisers.

import type { CheckinResponses } from '../../../core/contracts/checkin';
import { challengeStanding, CHALLENGE_STANDING_TEXT } from '../../../core/domain/checkin';
import { beijingDayKey } from '../../../core/domain/time';
import { audienceReaches } from '../../../core/domain/org/units';
import { COLLECTIONS } from '../../lib/collections';
import { getById } from '../../lib/db';
import { notFound } from '../../lib/errors';
import { managedUnits, membersOfUnit, requireManagedUnit, requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { ChallengeDoc } from '../model';
import { ALL_BRANCHES, checkedDays, emptyCounts, namesOf, summary } from '../challenge';

export async function challengeProgress(input: { challengeId: string; unitId: string }, ctx: ActionContext): Promise<CheckinResponses['challengeProgress']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const unit = await requireManagedUnit(db, me, input.unitId);
  const c = await getById<ChallengeDoc>(db, COLLECTIONS.checkinChallenges, input.challengeId);
  if (!c || c.orgId !== me.orgId || !audienceReaches(c.audience, unit.path, ALL_BRANCHES)) throw notFound('找不到该支部的这个打卡活动');
  const today = beijingDayKey(clock.now());
  const members = await membersOfUnit(db, unit._id, 'name');
  const to = c.endDay < today ? c.endDay : today;
  const days = await checkedDays(db, members.map((m) => m._id), c.startDay, to);
  const counts = emptyCounts();
  const rows = members.map((m) => {
    const done = days.get(m._id) ?? new Set<string>();
    const standing = challengeStanding(c, done.size, today, done.has(today));
    counts[standing]++;
    return { memberId: m._id, name: m.name, doneDays: done.size, standing };
  });
  const behind = rows.filter((r) => r.standing === 'behind' || r.standing === 'missed');
  const units = await managedUnits(db, me);
  return {
    challenge: summary(c, namesOf(units), today, me),
    unitId: unit._id,
    unitName: unit.name,
    today,
    rows,
    counts,
    behindText: behind.length
      ? `「${c.title}」进度落后（${behind.length}人）：${behind.map((r) => `${r.name}（${r.doneDays}/${c.requiredDays}天，${CHALLENGE_STANDING_TEXT[r.standing]}）`).join('、')}`
      : '',
  };
}
