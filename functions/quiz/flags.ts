// Abuse records (docs/QUIZ.md, "Anti-automation"): answers faster than a person reads, answers
// refused (a question not served, another member's round, already answered, out of order) and
// rounds refused by the rate limit. One document per member and Beijing day holds the counts, so
// a script hammering the door writes one document over and over, never a growing collection. It
// is the only thing a refused answer writes.

import { beijingDayKey } from '../../core/domain/time';
import { COLLECTIONS } from '../lib/collections';
import { insert, isDuplicateKeyError, updateById, type Database } from '../lib/db';
import type { Caller } from '../org/ports';
import type { FlagDoc, FlagKind } from './model';

export const flagId = (memberId: string, day: string) => `${memberId}_${day}`;

/** Count one record of `kind` for the caller today: one write, two on their first of the day. */
export async function recordFlag(db: Database, caller: Caller, kind: FlagKind, roundId: string | null, detail: string, now: number): Promise<void> {
  const _ = db.command;
  const day = beijingDayKey(now);
  const id = flagId(caller._id, day);
  const last = { kind, at: now, roundId, detail: detail.slice(0, 80) };
  const bump = { [kind]: _.inc(1), last: _.set(last), lastAt: now };
  if ((await updateById(db, COLLECTIONS.quizFlags, id, bump)) > 0) return;
  const doc: FlagDoc = {
    _id: id,
    orgId: caller.orgId,
    memberId: caller._id,
    name: caller.name,
    unitId: caller.unitId,
    unitPath: caller.unitPath,
    day,
    fast: 0,
    refused: 0,
    limited: 0,
    last,
    lastAt: now,
  };
  doc[kind] = 1;
  try {
    await insert(db, COLLECTIONS.quizFlags, { ...doc });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    await updateById(db, COLLECTIONS.quizFlags, id, bump);
  }
}
