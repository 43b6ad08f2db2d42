// The contests' roll-ups, written by the quiz timer: for each contest open now or closed in the last
// two days, each unit's subtree totals (participants, counting rounds, score sum) of today, of
// yesterday (a round begun before midnight may finish after it) and of the whole contest, from the
// units' leaf counters (./contestCounters.ts). Only changed documents are written. A board reads
// the roll-ups of one unit's children, however big the subtree below them.

import { addDays, beijingDayKey } from '../../core/domain/time';
import { CLOSE_TAIL_MS, NO_SUMS, subtreeSums } from '../../core/domain/quiz/contest';
import { COLLECTIONS } from '../lib/collections';
import { list, type Database } from '../lib/db';
import { listAllByKey } from '../lib/paging';
import type { UnitDoc } from '../lib/model';
import { ALL_DAYS, type ContestDoc, type ContestRollupDoc, type ContestUnitDoc } from './contestModel';

const WRITE_BATCH = 10;
/** Contests closed longer ago than this are final: the timer leaves them. */
const SETTLE_MS = 2 * 86_400_000;

export const contestRollupId = (contestId: string, unitId: string, day: string) => `${contestId}_${unitId}_${day}`;

/** One contest's roll-ups of one day (or ALL_DAYS); the number of documents written. */
export async function rollupContestDay(db: Database, contest: Pick<ContestDoc, '_id' | 'orgId' | 'audience'>, units: UnitDoc[], tree: number, day: string, now: number): Promise<number> {
  const inAudience = units.filter((u) => u.path.includes(contest.audience));
  const own = await listAllByKey<ContestUnitDoc>(db, COLLECTIONS.contestUnits, { contestId: contest._id, day }, 'unitId');
  const sums = subtreeSums(inAudience, own);
  // The audience's own document marks the day as computed, even with nobody yet.
  if (!sums.has(contest.audience)) sums.set(contest.audience, NO_SUMS);
  const existing = new Map((await listAllByKey<ContestRollupDoc>(db, COLLECTIONS.contestRollups, { contestId: contest._id, day }, 'unitId')).map((d) => [d.unitId, d]));
  for (const unitId of existing.keys()) if (!sums.has(unitId)) sums.set(unitId, NO_SUMS);
  const changed = [...sums].filter(([unitId, f]) => {
    const old = existing.get(unitId);
    return !(old && old.tree === tree && old.participants === f.participants && old.rounds === f.rounds && old.scoreSum === f.scoreSum);
  });
  for (let i = 0; i < changed.length; i += WRITE_BATCH) {
    await Promise.all(
      changed.slice(i, i + WRITE_BATCH).map(([unitId, f]) => {
        const doc: Omit<ContestRollupDoc, '_id'> = { contestId: contest._id, orgId: contest.orgId, unitId, day, ...f, tree, at: now };
        return db.collection(COLLECTIONS.contestRollups).doc(contestRollupId(contest._id, unitId, day)).set({ data: doc });
      }),
    );
  }
  return changed.length;
}

/** One running contest's roll-ups: today, yesterday (within its window) and the whole contest. */
export async function rollupContest(db: Database, c: ContestDoc, units: UnitDoc[], tree: number, now: number): Promise<number> {
  if (c.opensAt > now) return 0;
  const today = beijingDayKey(now);
  const first = beijingDayKey(c.opensAt);
  const days = [today, addDays(today, -1)].filter((d) => d >= first && d <= beijingDayKey(c.closesAt + CLOSE_TAIL_MS));
  let written = 0;
  for (const day of [...days, ALL_DAYS]) written += await rollupContestDay(db, c, units, tree, day, now);
  return written;
}

/** An organisation's published contests that are running, about to open or closed in the last two days. */
export async function contestsForTimer(db: Database, orgId: string, now: number): Promise<ContestDoc[]> {
  const _ = db.command;
  return list<ContestDoc>(db.collection(COLLECTIONS.contests).where({ orgId, status: 'published', closesAt: _.gt(now - SETTLE_MS) }).limit(100));
}
