// Repair of the branches' daily counters. A check-in writes its document (with the member's summary
// and month, one transaction) and then increments its branch's counter for the day in a separate
// write, because a whole branch checks in against that one document at once and a transaction on it
// would let one caller through at a time. A crash or the time limit between the two leaves the
// counter short. Each timer run counts the check-ins of the recent days per branch (one aggregate
// per organisation, day and 1,000 branches); a difference is noted on the counter, and repaired only
// if the next run finds the same counter and the same count a minute later (so no call was in
// flight), with a conditional update on the counter read. Both sides are read whole, in keyset pages
// of unit ids: a branch missing from one side would be "repaired" to 0 (or noted against a count it
// did not read), so a read that cannot be completed throws before anything is written.

import { COLLECTIONS } from '../lib/collections';
import { insert, isDuplicateKeyError, updateWhere, type Database } from '../lib/db';
import type { Deps } from '../lib/deps';
import { organisationRoots } from '../org/ports';
import type { DailyDoc } from './model';
import { forRecentDays } from '../lib/rollupSchedule';
import { listAllByKey, READ_CEILING } from '../lib/paging';

/** A count must stay wrong this long, unchanged, before it is repaired (in-flight calls take milliseconds). */
export const DAILY_CHECK_MS = 60_000;

/** Today and the closed days a make-up can still change are checked. */
export async function repairDailyCounts(deps: Deps, budgetMs = 6_000): Promise<{ checked: number; repaired: number; done: boolean }> {
  const now = deps.clock.now();
  return forRecentDays(await organisationRoots(deps.db), now, budgetMs, (orgId, day) => repairDay(deps, orgId, day, now));
}

async function repairDay(deps: Deps, orgId: string, day: string, now: number): Promise<{ checked: number; repaired: number }> {
  const { db, log } = deps;
  const _ = db.command;
  const counted = await checkinCounts(db, orgId, day);
  const counters = new Map((await listAllByKey<DailyDoc>(db, COLLECTIONS.checkinDaily, { orgId, day }, 'unitId')).map((d) => [d.unitId, d]));
  let repaired = 0;
  for (const unitId of new Set([...counted.keys(), ...counters.keys()])) {
    const want = counted.get(unitId) ?? 0;
    const doc = counters.get(unitId);
    if (!doc) {
      // The branch's first check-in of the day died before creating its counter: create it at 0
      // with the difference noted (an increment still in flight lands on it and clears the note).
      if (want > 0) await createNoted(db, { _id: `${unitId}_${day}`, unitId, orgId, day, count: 0, check: { at: now, count: 0, counted: want } });
      continue;
    }
    const unchanged = db.collection(COLLECTIONS.checkinDaily).where({ _id: doc._id, count: doc.count });
    if (doc.count === want) {
      if (doc.check) await updateWhere(unchanged, { check: _.remove() });
      continue;
    }
    const seen = doc.check;
    const confirmed = seen !== undefined && seen.count === doc.count && seen.counted === want;
    if (confirmed && now - seen.at >= DAILY_CHECK_MS) {
      if ((await updateWhere(unchanged, { count: _.inc(want - doc.count), check: _.remove() })) === 1) {
        repaired++;
        log.info(`checkin daily ${doc._id}: count repaired from ${doc.count} to ${want}`);
      }
    } else if (!confirmed) {
      await updateWhere(unchanged, { check: { at: now, count: doc.count, counted: want } });
    }
  }
  return { checked: counted.size, repaired };
}

/** The pages of one group a read returns at most; past it the day is not repaired (fail safe). */
const MAX_COUNT_PAGES = 50;

/**
 * The organisation's check-ins of `day` counted per branch, in keyset pages of the unit ids (one
 * aggregate returns at most 1,000 groups): each page groups the branches after the last one seen.
 */
async function checkinCounts(db: Database, orgId: string, day: string): Promise<Map<string, number>> {
  const _ = db.command;
  const $ = _.aggregate;
  const counts = new Map<string, number>();
  let after: string | null = null;
  for (let page = 0; page < MAX_COUNT_PAGES; page++) {
    const res: unknown = await db
      .collection(COLLECTIONS.checkins)
      .aggregate()
      .match(after === null ? { orgId, day } : { orgId, day, unitId: _.gt(after) })
      .group({ _id: '$unitId', n: $.sum(1) })
      .sort({ _id: 1 })
      .limit(READ_CEILING)
      .end();
    const rows = (res as { list: Array<{ _id: string; n: number }> }).list;
    for (const r of rows) counts.set(r._id, r.n);
    if (rows.length < READ_CEILING) return counts;
    after = rows[rows.length - 1]._id;
  }
  throw new Error(`checkin daily repair ${orgId} ${day}: more than ${MAX_COUNT_PAGES * READ_CEILING} branches; not repaired`);
}

async function createNoted(db: Database, doc: DailyDoc): Promise<void> {
  try {
    await insert(db, COLLECTIONS.checkinDaily, { ...doc });
  } catch (err) {
    // Created meanwhile by a check-in: the next run compares it.
    if (!isDuplicateKeyError(err)) throw err;
  }
}
