// The quiz timer (the function's one trigger, every 10 minutes): for every organisation, today's
// pool if it is missing and, from 20:00 Beijing time, tomorrow's, so the morning's first rounds
// find their pool ready — the daily quiz's and each running contest's; then today's and
// yesterday's roll-ups, the daily quiz's and the contests'; then the points of rounds whose call
// died before their award (./repair.ts). Stops when its time is spent; the next run goes on.

import { addDays, beijingDayKey, beijingHour } from '../../core/domain/time';
import type { Deps } from '../lib/deps';
import { organisationRoots, unitsOfOrg } from '../org/ports';
import { ensurePool } from './pool';
import { runContestJobs } from './contestTimer';
import { repairAwards } from './repair';
import { rollupDay } from './rollups';

/** From this Beijing hour on, the timer prepares tomorrow's pools. */
export const PREPARE_FROM_HOUR = 20;

export async function runQuizTimer(deps: Deps, budgetMs = 20_000): Promise<{ organisations: number; pools: number; rollups: number; repaired: number; done: boolean }> {
  const { db, clock, ids, log } = deps;
  const started = Date.now();
  const now = clock.now();
  const today = beijingDayKey(now);
  const days = beijingHour(now) >= PREPARE_FROM_HOUR ? [today, addDays(today, 1)] : [today];
  const roots = await organisationRoots(db);
  let pools = 0;
  let rollups = 0;
  let repaired = 0;
  for (const root of roots) {
    if (Date.now() - started > budgetMs) return { organisations: roots.length, pools, rollups, repaired, done: false };
    for (const day of days) {
      const pool = await ensurePool(db, root._id, day, now, 'timer', Math.random, () => ids.random(12));
      if (pool.builtAt === now) pools += 1;
    }
    const units = await unitsOfOrg(db, root._id);
    for (const day of [today, addDays(today, -1)]) rollups += await rollupDay(db, root._id, units, root.treeVersion ?? 0, day, now);
    const contests = await runContestJobs(db, root, units, now, days.length > 1, () => ids.random(12));
    pools += contests.pools;
    rollups += contests.rollups;
    repaired += await repairAwards(db, log, root._id, units, now);
  }
  return { organisations: roots.length, pools, rollups, repaired, done: true };
}
