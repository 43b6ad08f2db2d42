// A unit's own contest figures (leaf counters): one document per contest, unit and day, and one
// for the whole contest, incremented once per counting round when it finishes — never an upper
// unit's document, so no document is written by a whole organisation at once. The quiz timer rolls
// them up the tree (./contestRollups.ts). The increments follow the round's commit: a call that
// dies between the two leaves the unit one round short (advisory figures, like the daily quiz's).

import { COLLECTIONS } from '../lib/collections';
import { insert, isDuplicateKeyError, updateById, type Database } from '../lib/db';
import { ALL_DAYS, type ContestRoundDoc, type ContestUnitDoc } from './contestModel';

export const contestUnitId = (contestId: string, unitId: string, day: string) => `${contestId}_${unitId}_${day}`;

async function bump(db: Database, doc: ContestUnitDoc): Promise<void> {
  const _ = db.command;
  const inc = { participants: _.inc(doc.participants), rounds: _.inc(doc.rounds), scoreSum: _.inc(doc.scoreSum) };
  if ((await updateById(db, COLLECTIONS.contestUnits, doc._id, inc)) > 0) return;
  try {
    await insert(db, COLLECTIONS.contestUnits, { ...doc });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    await updateById(db, COLLECTIONS.contestUnits, doc._id, inc);
  }
}

/**
 * A finished counting round in the unit's day and whole-contest counters: two writes, four on the
 * unit's first of the day. `firstToday` / `firstEver`: the member's first counting round of the day
 * / of the contest, so participants count each member once.
 */
export async function countContestRound(db: Database, round: Pick<ContestRoundDoc, 'contestId' | 'orgId' | 'unitId' | 'day' | 'score'>, firstToday: boolean, firstEver: boolean): Promise<void> {
  const base = { contestId: round.contestId, orgId: round.orgId, unitId: round.unitId, rounds: 1, scoreSum: round.score };
  await Promise.all([
    bump(db, { ...base, _id: contestUnitId(round.contestId, round.unitId, round.day), day: round.day, participants: firstToday ? 1 : 0 }),
    bump(db, { ...base, _id: contestUnitId(round.contestId, round.unitId, ALL_DAYS), day: ALL_DAYS, participants: firstEver ? 1 : 0 }),
  ]);
}
