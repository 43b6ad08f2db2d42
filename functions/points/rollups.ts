// Closed-day roll-ups of points: for every unit and every day that is over, the points and the
// members who earned any in the unit's whole subtree, written by the points timer from the units'
// own day counters (./unitDays.ts). A unit's period is then one document per day for the unit
// plus a live aggregate of the days not computed (today), however big its subtree. The timer reads
// the units and the day's counters in pages, so an organisation past 1,000 units is counted whole.
// Nothing above
// a member's own unit is written when points are awarded.
//
// Freshness, as for check-ins: the root's document of a day carries the tree version it was
// computed under; a day whose root document is missing or older is read from the leaf counters.

import { COLLECTIONS } from '../lib/collections';
import { getById, type Database } from '../lib/db';
import type { Deps } from '../lib/deps';
import type { UnitDoc } from '../lib/model';
import { listAllByKey } from '../lib/paging';
import { runRollupSchedule } from '../lib/rollupSchedule';
import { organisationRoots, unitsOfOrg } from '../org/ports';
import type { RollupDoc, RollupRunDoc, UnitDayDoc } from './model';

export { BACKFILL_DAYS_PER_RUN, HISTORY_DAYS, RECHECK_DAYS } from '../lib/rollupSchedule';
const WRITE_BATCH = 10;

export const rollupId = (unitId: string, day: string) => `${unitId}_${day}`;

export interface Figures {
  points: number;
  members: number;
}

/** Each unit's subtree figures from the units' own: a unit's figures count for every unit on its path. */
export function subtreeFigures(units: ReadonlyArray<{ _id: string; path: readonly string[] }>, own: ReadonlyMap<string, Figures>): Map<string, Figures> {
  const paths = new Map(units.map((u) => [u._id, u.path]));
  const sums = new Map<string, Figures>();
  for (const [unitId, f] of own) {
    for (const id of paths.get(unitId) ?? []) {
      const s = sums.get(id) ?? { points: 0, members: 0 };
      sums.set(id, { points: s.points + f.points, members: s.members + f.members });
    }
  }
  return sums;
}

/** Recomputes one organisation's roll-ups for one day; writes only the documents that change. */
export async function rollupDay(db: Database, orgId: string, units: UnitDoc[], tree: number, day: string, now: number): Promise<number> {
  const own = new Map<string, Figures>();
  for (const c of await listAllByKey<UnitDayDoc>(db, COLLECTIONS.pointsUnitDays, { orgId, day }, 'unitId')) {
    own.set(c.unitId, { points: c.points, members: c.members });
  }
  const sums = subtreeFigures(units, own);
  if (!sums.has(orgId)) sums.set(orgId, { points: 0, members: 0 }); // the root's document marks the day computed
  const existing = new Map((await listAllByKey<RollupDoc>(db, COLLECTIONS.pointsRollups, { orgId, day }, 'unitId')).map((d) => [d.unitId, d]));
  for (const unitId of existing.keys()) if (!sums.has(unitId)) sums.set(unitId, { points: 0, members: 0 });
  const changed = [...sums].filter(([unitId, f]) => {
    const old = existing.get(unitId);
    return !(old && old.points === f.points && old.members === f.members && old.tree === tree);
  });
  for (let i = 0; i < changed.length; i += WRITE_BATCH) {
    await Promise.all(
      changed.slice(i, i + WRITE_BATCH).map(([unitId, f]) => {
        const doc: Omit<RollupDoc, '_id'> = { unitId, orgId, day, points: f.points, members: f.members, tree, at: now };
        return db.collection(COLLECTIONS.pointsRollups).doc(rollupId(unitId, day)).set({ data: doc });
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
      readRun: (orgId) => getById<RollupRunDoc>(db, COLLECTIONS.pointsRollupRuns, orgId),
      writeRun: async (orgId, run) => {
        const doc: Omit<RollupRunDoc, '_id'> = { orgId, ...run, at: now };
        await db.collection(COLLECTIONS.pointsRollupRuns).doc(orgId).set({ data: doc });
      },
    },
    now,
    budgetMs,
  );
}
