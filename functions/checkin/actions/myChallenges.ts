// myChallenges: a member's challenges (running, upcoming, ended in the last 30 days) with their progress.

import type { CheckinResponses } from '../../../core/contracts/checkin';
import { challengeStanding } from '../../../core/domain/checkin';
import { addDays, beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { getUnit, requireMember } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { ChallengeDoc } from '../model';
import { ALL_BRANCHES, checkedDays, SHOWN_AFTER_END_DAYS, summary } from '../challenge';

export async function myChallenges(_input: object, ctx: ActionContext): Promise<CheckinResponses['myChallenges']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const me = await requireMember(ctx);
  const today = beijingDayKey(clock.now());
  const docs = (
    await list<ChallengeDoc>(
      db
        .collection(COLLECTIONS.checkinChallenges)
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
      return { ...summary(c, names, today), doneDays: done, standing: challengeStanding(c, done, today, days.has(today)) };
    })
    .sort((a, b) => (a.endDay < today ? 1 : 0) - (b.endDay < today ? 1 : 0) || a.startDay.localeCompare(b.startDay));
}
