// A unit's own day counter (the leaf of the roll-ups): points its members earned that day and how
// many of them earned any. One atomic increment after an award commits, outside its transaction,
// because a whole unit earns against this one document at once.

import { COLLECTIONS } from '../lib/collections';
import { insert, isDuplicateKeyError, updateById, type Database } from '../lib/db';
import type { UnitDayDoc } from './model';

export const unitDayId = (unitId: string, day: string) => `${unitId}_${day}`;

export async function countUnitDay(db: Database, at: { orgId: string; unitId: string; day: string }, points: number, members: number): Promise<void> {
  const id = unitDayId(at.unitId, at.day);
  const _ = db.command;
  const inc = { points: _.inc(points), members: _.inc(members) };
  if ((await updateById(db, COLLECTIONS.pointsUnitDays, id, inc)) > 0) return;
  try {
    const doc: UnitDayDoc = { _id: id, orgId: at.orgId, unitId: at.unitId, day: at.day, points, members };
    await insert(db, COLLECTIONS.pointsUnitDays, { ...doc });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    await updateById(db, COLLECTIONS.pointsUnitDays, id, inc);
  }
}
