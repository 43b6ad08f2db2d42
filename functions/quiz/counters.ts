// A unit's figures of a day: one document per unit and Beijing day, incremented once per scored
// round when it is finished — never an upper unit's or the organisation's document, so no document
// is written by a whole province at once. The timer rolls them up the tree (./rollups.ts). The
// increment follows the round's commit: a call that dies between the two leaves the unit one short
// (the counters are advisory figures for organisers, as the organisation's own counters are).

import { COLLECTIONS } from '../lib/collections';
import { insert, isDuplicateKeyError, updateById, type Database } from '../lib/db';
import type { RoundDoc, UnitDayDoc } from './model';

export const unitDayId = (unitId: string, day: string) => `${unitId}_${day}`;

/** One write; two on the unit's first finished round of the day. */
export async function countRound(db: Database, round: Pick<RoundDoc, 'orgId' | 'unitId' | 'day' | 'items'>, correct: number): Promise<void> {
  const _ = db.command;
  const id = unitDayId(round.unitId, round.day);
  const perfect = correct === round.items.length ? 1 : 0;
  const bump = { participants: _.inc(1), correct: _.inc(correct), answered: _.inc(round.items.length), perfect: _.inc(perfect) };
  if ((await updateById(db, COLLECTIONS.quizUnitDays, id, bump)) > 0) return;
  const doc: UnitDayDoc = { _id: id, orgId: round.orgId, unitId: round.unitId, day: round.day, participants: 1, correct, answered: round.items.length, perfect };
  try {
    await insert(db, COLLECTIONS.quizUnitDays, { ...doc });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    await updateById(db, COLLECTIONS.quizUnitDays, id, bump);
  }
}
