// The contests' part of the quiz timer, for one organisation: each running or upcoming contest's
// pool of today (if missing) and, from 20:00 Beijing time, of tomorrow, so the first rounds of a
// day find their questions chosen (a burst at the opening would otherwise have every first start
// read the bank); then the roll-ups of the running ones (./contestRollups.ts).

import { addDays, beijingDayKey, beijingDayStart } from '../../core/domain/time';
import type { Database } from '../lib/db';
import type { UnitDoc } from '../lib/model';
import { ensureContestPool } from './contestPool';
import { contestsForTimer, rollupContest } from './contestRollups';

export async function runContestJobs(db: Database, root: UnitDoc, units: UnitDoc[], now: number, withTomorrow: boolean, randomHex: () => string): Promise<{ pools: number; rollups: number }> {
  const today = beijingDayKey(now);
  const days = withTomorrow ? [today, addDays(today, 1)] : [today];
  let pools = 0;
  let rollups = 0;
  for (const c of await contestsForTimer(db, root._id, now)) {
    // A day the contest is open on at some moment: it opens before the day ends and closes after it begins.
    for (const day of days.filter((d) => c.opensAt < beijingDayStart(addDays(d, 1)) && c.closesAt > Math.max(now, beijingDayStart(d)))) {
      const pool = await ensureContestPool(db, c, day, now, Math.random, randomHex);
      if (pool.builtAt === now) pools += 1;
    }
    rollups += await rollupContest(db, c, units, root.treeVersion ?? 0, now);
  }
  return { pools, rollups };
}
