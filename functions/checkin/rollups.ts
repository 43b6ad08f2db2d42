// Closed-day roll-ups of check-ins: for every unit and every day that is over, the check-ins of
// the unit's whole subtree, written by the check-in timer from the per-unit-per-day counters.
// A roll-up read for a period then touches one document per day for the unit (plus a live
// aggregate of today's counters), however big its subtree — bounded by days + units, not by
// days × units. Nothing is written at check-in time beyond the unit's own counter, so no upper
// unit's document is written by every member of a province.
//
// Freshness: each organisation's root gets a roll-up document for every computed day, carrying
// the tree version it was computed under (`treeVersion` on the root unit, raised when a unit
// moves). A day whose root document is missing or from an older tree is read from the leaf
// counters instead, so a reader is never wrong, only slower until the timer catches up.
//
// The timer reads the units, the day's counters and the day's roll-ups whole, in pages of 1,000 by
// unit id (an organisation may pass the 1,000 documents one read returns): a counter left unread
// would be rolled up as 0, and a roll-up left unread rewritten needlessly or left stale.

import { COLLECTIONS } from '../lib/collections';
import { getById, type Database } from '../lib/db';
import type { Deps } from '../lib/deps';
import type { UnitDoc } from '../lib/model';
import { listAllByKey } from '../lib/paging';
import { runRollupSchedule } from '../lib/rollupSchedule';
import type { RollupDoc, RollupRunDoc } from './model';
import { organisationRoots, unitsOfOrg } from '../org/ports';

export { BACKFILL_DAYS_PER_RUN, HISTORY_DAYS, RECHECK_DAYS } from '../lib/rollupSchedule';
/** Documents written at once (small plans allow 20 to 100 concurrent database requests). */
const WRITE_BATCH = 10;

export const rollupId = (unitId: string, day: string) => `${unitId}_${day}`;

/**
 * Each unit's subtree total from the units' own counts: a unit's count is added to every unit on
 * its path (itself and each unit above it). Counts of units no longer in the tree are dropped.
 */
export function subtreeSums(units: ReadonlyArray<{ _id: string; path: readonly string[] }>, own: ReadonlyMap<string, number>): Map<string, number> {
  const paths = new Map(units.map((u) => [u._id, u.path]));
  const sums = new Map<string, number>();
  for (const [unitId, n] of own) {
    for (const id of paths.get(unitId) ?? []) sums.set(id, (sums.get(id) ?? 0) + n);
  }
  return sums;
}

/** Recomputes one organisation's roll-ups for one day; writes only the documents that change. */
export async function rollupDay(db: Database, orgId: string, units: UnitDoc[], tree: number, day: string, now: number): Promise<number> {
  const own = new Map<string, number>();
  for (const c of await listAllByKey<{ _id: string; unitId: string; count: number }>(db, COLLECTIONS.checkinDaily, { orgId, day }, 'unitId')) {
    own.set(c.unitId, (own.get(c.unitId) ?? 0) + c.count);
  }
  const sums = subtreeSums(units, own);
  sums.set(orgId, sums.get(orgId) ?? 0); // the root's document marks the day as computed
  const existing = new Map((await listAllByKey<RollupDoc>(db, COLLECTIONS.checkinRollups, { orgId, day }, 'unitId')).map((d) => [d.unitId, d]));
  // A unit that had a count under an older tree and has none now is set to 0, not left stale.
  for (const unitId of existing.keys()) if (!sums.has(unitId)) sums.set(unitId, 0);
  const changed = [...sums].filter(([unitId, count]) => {
    const old = existing.get(unitId);
    return !(old && old.count === count && old.tree === tree);
  });
  for (let i = 0; i < changed.length; i += WRITE_BATCH) {
    await Promise.all(
      changed.slice(i, i + WRITE_BATCH).map(([unitId, count]) => {
        const doc: Omit<RollupDoc, '_id'> = { unitId, orgId, day, count, tree, at: now };
        return db.collection(COLLECTIONS.checkinRollups).doc(rollupId(unitId, day)).set({ data: doc });
      }),
    );
  }
  return changed.length;
}

/** The timer's roll-up step for every organisation (functions/lib/rollupSchedule.ts). */
export async function runRollups(deps: Deps, budgetMs = 6_000): Promise<{ organisations: number; days: number; writes: number; done: boolean }> {
  const { db, clock } = deps;
  const now = clock.now();
  return runRollupSchedule(
    {
      roots: await organisationRoots(db),
      unitsOf: (orgId) => unitsOfOrg(db, orgId),
      rollupDay: (orgId, units, tree, day) => rollupDay(db, orgId, units, tree, day, now),
      readRun: (orgId) => getById<RollupRunDoc>(db, COLLECTIONS.checkinRollupRuns, orgId),
      writeRun: async (orgId, run) => {
        const doc: Omit<RollupRunDoc, '_id'> = { orgId, ...run, at: now };
        await db.collection(COLLECTIONS.checkinRollupRuns).doc(orgId).set({ data: doc });
      },
    },
    now,
    budgetMs,
  );
}
