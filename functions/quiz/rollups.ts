// The daily quiz's roll-ups: each unit's subtree totals of a day (members who finished the scored
// round, right answers, questions, perfect rounds), written by the quiz timer from the per-unit
// counters of the day (./counters.ts). Today's and yesterday's are recomputed each run — a round
// started before midnight may finish after it — and only changed documents are written. The
// counters and roll-ups of a day are read in pages (an organisation may pass 1,000 units). A reader
// of a unit's figures reads one document, however big its subtree.

import { subtreeFigures, NO_FIGURES } from '../../core/domain/quiz/rollup';
import { COLLECTIONS } from '../lib/collections';
import type { Database } from '../lib/db';
import { listAllByKey } from '../lib/paging';
import type { UnitDoc } from '../lib/model';
import type { RollupDoc, UnitDayDoc } from './model';

/** Documents written at once (small plans allow 20 to 100 concurrent database requests). */
const WRITE_BATCH = 10;

export const rollupId = (unitId: string, day: string) => `${unitId}_${day}`;

/** One organisation's roll-ups of one day; the number of documents written. */
export async function rollupDay(db: Database, orgId: string, units: UnitDoc[], tree: number, day: string, now: number): Promise<number> {
  const own = await listAllByKey<UnitDayDoc>(db, COLLECTIONS.quizUnitDays, { orgId, day }, 'unitId');
  const sums = subtreeFigures(units, own);
  if (!sums.has(orgId)) sums.set(orgId, NO_FIGURES); // the root's document marks the day as computed
  const existing = new Map((await listAllByKey<RollupDoc>(db, COLLECTIONS.quizRollups, { orgId, day }, 'unitId')).map((d) => [d.unitId, d]));
  for (const unitId of existing.keys()) if (!sums.has(unitId)) sums.set(unitId, NO_FIGURES);
  const changed = [...sums].filter(([unitId, f]) => {
    const old = existing.get(unitId);
    return !(old && old.tree === tree && old.participants === f.participants && old.correct === f.correct && old.answered === f.answered && old.perfect === f.perfect);
  });
  for (let i = 0; i < changed.length; i += WRITE_BATCH) {
    await Promise.all(
      changed.slice(i, i + WRITE_BATCH).map(([unitId, f]) => {
        const doc: Omit<RollupDoc, '_id'> = { orgId, unitId, day, ...f, tree, at: now };
        return db.collection(COLLECTIONS.quizRollups).doc(rollupId(unitId, day)).set({ data: doc });
      }),
    );
  }
  return changed.length;
}
