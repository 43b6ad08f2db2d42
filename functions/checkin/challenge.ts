// Challenges (打卡活动) as the actions share them: limits, the summary an organiser or member sees,
// and each member's checked days counted from their month documents (progress is never stored).

import type { ChallengeSummary } from '../../core/contracts/checkin';
import { monthsBetween, type ChallengeStanding } from '../../core/domain/checkin';
import { COLLECTIONS } from '../lib/collections';
import { list, type Database } from '../lib/db';
import { type Caller } from '../org/ports';
import type { UnitDoc } from '../lib/model';
import type { ChallengeDoc, MonthDoc } from './model';

export const ALL_BRANCHES = 'ALL';
export const MAX_CHALLENGE_DAYS = 366;
/** Members still see a challenge this many days after it ended. */
export const SHOWN_AFTER_END_DAYS = 30;

export function summary(c: ChallengeDoc, names: Map<string, string>, today: string, me?: Caller): ChallengeSummary {
  const out: ChallengeSummary = {
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

export const namesOf = (units: UnitDoc[]) => new Map(units.map((u) => [u._id, u.name]));

/** Each member's checked days inside [from, to], from their month documents (`_id in`, chunked). */
export async function checkedDays(db: Database, memberIds: string[], from: string, to: string): Promise<Map<string, Set<string>>> {
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

export function emptyCounts(): Record<ChallengeStanding, number> {
  return { upcoming: 0, completed: 0, on_track: 0, behind: 0, missed: 0 };
}
