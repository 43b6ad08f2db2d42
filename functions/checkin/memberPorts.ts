// What the check-in context tells the console's gap lists, member by member (rule 3): the days
// each member checked in, from their month documents — one read by id for a page of members.

import { COLLECTIONS } from '../lib/collections';
import { list, type Database } from '../lib/db';
import type { MonthDoc } from './model';

/**
 * memberId → the days checked in ('c') or made up ('m') within `months` (YYYY-MM), read from the
 * members' month documents by id: one read for at most 1000 member-months.
 */
export async function checkinDaysOf(db: Database, memberIds: string[], months: string[]): Promise<Map<string, Map<string, 'c' | 'm'>>> {
  const out = new Map<string, Map<string, 'c' | 'm'>>(memberIds.map((m) => [m, new Map()]));
  const ids = memberIds.flatMap((m) => months.map((month) => `${m}_${month}`)).slice(0, 1000);
  if (ids.length === 0) return out;
  const _ = db.command;
  const docs = await list<MonthDoc>(db.collection(COLLECTIONS.checkinMonths).where({ _id: _.in(ids) }).limit(ids.length));
  for (const doc of docs) {
    const month = doc._id.slice(doc._id.length - 7);
    const days = out.get(doc.memberId);
    if (!days) continue;
    for (const [d, mark] of Object.entries(doc.days ?? {})) days.set(`${month}-${d}`, mark);
  }
  return out;
}
