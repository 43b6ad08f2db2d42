// What the points context tells the console's member page (rule 3): a member's total and the
// points of a period's days, two reads by id.

import { COLLECTIONS } from '../lib/collections';
import { getById, list, type Database } from '../lib/db';
import type { MemberDayDoc, TotalDoc } from './model';
import { memberDayId } from './ports';

export async function memberPointsOf(db: Database, memberId: string, days: string[]): Promise<{ total: number; inPeriod: number }> {
  const _ = db.command;
  const ids = days.slice(0, 1000).map((d) => memberDayId(memberId, d));
  const [total, dayDocs] = await Promise.all([
    getById<TotalDoc>(db, COLLECTIONS.pointsTotals, memberId),
    ids.length ? list<MemberDayDoc>(db.collection(COLLECTIONS.pointsDays).where({ _id: _.in(ids) }).field({ total: true }).limit(ids.length)) : Promise.resolve([]),
  ]);
  return { total: total?.total ?? 0, inPeriod: dayDocs.reduce((n, d) => n + (d.total ?? 0), 0) };
}
