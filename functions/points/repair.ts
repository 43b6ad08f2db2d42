// Repair of the units' day counters. An award commits the member's entry, day and total together
// and then increments their unit's day counter in a separate write (a whole unit earns against that
// one document at once). A crash between the two leaves the counter short. Each timer run sums the
// member-day documents of the recent days per unit (one aggregate per organisation, day and 1,000
// units: one document per member who earned, never the ledger); a difference is noted on the counter and
// repaired only if the next run finds the same counter and the same sums at least a minute later
// (so no award was in flight), by a conditional update on the values read.

import { COLLECTIONS } from '../lib/collections';
import { insert, isDuplicateKeyError, updateWhere, type Database } from '../lib/db';
import type { Deps } from '../lib/deps';
import { organisationRoots } from '../org/ports';
import type { UnitDayDoc } from './model';
import { forRecentDays } from '../lib/rollupSchedule';
import { listAllByKey, READ_CEILING } from '../lib/paging';
import { unitDayId } from './unitDays';

/** A counter must stay wrong this long, unchanged, before it is repaired (awards take milliseconds). */
export const UNIT_DAY_CHECK_MS = 60_000;

export async function repairUnitDays(deps: Deps, budgetMs = 6_000): Promise<{ checked: number; repaired: number; done: boolean }> {
  const now = deps.clock.now();
  return forRecentDays(await organisationRoots(deps.db), now, budgetMs, (orgId, day) => repairDay(deps, orgId, day, now));
}

async function repairDay(deps: Deps, orgId: string, day: string, now: number): Promise<{ checked: number; repaired: number }> {
  const { db, log } = deps;
  const _ = db.command;
  // Both sides whole, however many units: a unit missing from one side would be "repaired" to 0
  // (or noted against a sum it did not read), so each is read in pages and a read that cannot be
  // completed throws before anything is written.
  const counted = await memberDaySums(db, orgId, day);
  const counters = new Map((await listAllByKey<UnitDayDoc>(db, COLLECTIONS.pointsUnitDays, { orgId, day }, 'unitId')).map((d) => [d.unitId, d]));
  let repaired = 0;
  for (const unitId of new Set([...counted.keys(), ...counters.keys()])) {
    const want = counted.get(unitId) ?? { points: 0, members: 0 };
    const doc = counters.get(unitId);
    if (!doc) {
      // The unit's first award of the day died before creating its counter: create it at 0 with
      // the difference noted (an increment still in flight lands on it and the next run compares).
      if (want.points > 0) await createNoted(db, { _id: unitDayId(unitId, day), orgId, unitId, day, points: 0, members: 0, check: { at: now, points: 0, members: 0, countedPoints: want.points, countedMembers: want.members } });
      continue;
    }
    const unchanged = db.collection(COLLECTIONS.pointsUnitDays).where({ _id: doc._id, points: doc.points, members: doc.members });
    if (doc.points === want.points && doc.members === want.members) {
      if (doc.check) await updateWhere(unchanged, { check: _.remove() });
      continue;
    }
    const seen = doc.check;
    const confirmed = seen !== undefined && seen.points === doc.points && seen.members === doc.members && seen.countedPoints === want.points && seen.countedMembers === want.members;
    if (confirmed && now - seen.at >= UNIT_DAY_CHECK_MS) {
      const fix = { points: _.inc(want.points - doc.points), members: _.inc(want.members - doc.members), check: _.remove() };
      if ((await updateWhere(unchanged, fix)) === 1) {
        repaired++;
        log.info(`points unit day ${doc._id}: repaired from ${doc.points}/${doc.members} to ${want.points}/${want.members}`);
      }
    } else if (!confirmed) {
      await updateWhere(unchanged, { check: { at: now, points: doc.points, members: doc.members, countedPoints: want.points, countedMembers: want.members } });
    }
  }
  return { checked: counted.size, repaired };
}

/** The pages of one group a read returns at most; past it the day is not repaired (fail safe). */
const MAX_SUM_PAGES = 50;

/**
 * The sums of the organisation's member days of `day` per unit, in keyset pages of the unit ids
 * (one aggregate returns at most 1,000 groups): each page groups the units after the last one seen.
 */
async function memberDaySums(db: Database, orgId: string, day: string): Promise<Map<string, { points: number; members: number }>> {
  const _ = db.command;
  const $ = _.aggregate;
  const sums = new Map<string, { points: number; members: number }>();
  let after: string | null = null;
  for (let page = 0; page < MAX_SUM_PAGES; page++) {
    const res: unknown = await db
      .collection(COLLECTIONS.pointsDays)
      .aggregate()
      .match(after === null ? { orgId, day } : { orgId, day, unitId: _.gt(after) })
      .group({ _id: '$unitId', points: $.sum('$total'), members: $.sum(1) })
      .sort({ _id: 1 })
      .limit(READ_CEILING)
      .end();
    const rows: Array<{ _id: string; points: number; members: number }> = (res as { list: Array<{ _id: string; points: number; members: number }> }).list;
    for (const r of rows) sums.set(r._id, { points: r.points, members: r.members });
    if (rows.length < READ_CEILING) return sums;
    after = rows[rows.length - 1]._id;
  }
  throw new Error(`points repair ${orgId} ${day}: more than ${MAX_SUM_PAGES * READ_CEILING} units; not repaired`);
}

async function createNoted(db: Database, doc: UnitDayDoc): Promise<void> {
  try {
    await insert(db, COLLECTIONS.pointsUnitDays, { ...doc });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
}
