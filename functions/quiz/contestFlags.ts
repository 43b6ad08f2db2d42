// A contest's abuse records (docs/QUIZ.md, "知识竞赛"): answers faster than a person reads, answers
// refused (not served, another's round, twice, out of order, outside the window or audience),
// rounds refused by the rate limit, and answers sent after their seconds. One document per member
// and contest holds the counts, so a script at the door rewrites one document and never grows a
// collection; it is the only thing a refused call writes.

import { COLLECTIONS } from '../lib/collections';
import { insert, isDuplicateKeyError, updateById, type Database } from '../lib/db';
import type { Caller } from '../org/ports';
import type { ContestFlagDoc, ContestFlagKind } from './contestModel';

export const contestFlagId = (contestId: string, memberId: string) => `${contestId}_${memberId}`;

/** Count one record of `kind`: one write, two on the member's first in this contest. */
export async function recordContestFlag(db: Database, caller: Caller, contestId: string, kind: ContestFlagKind, roundId: string | null, detail: string, now: number): Promise<void> {
  const _ = db.command;
  const id = contestFlagId(contestId, caller._id);
  const last = { kind, at: now, roundId, detail: detail.slice(0, 80) };
  const bump = { [kind]: _.inc(1), last: _.set(last), lastAt: now };
  if ((await updateById(db, COLLECTIONS.contestFlags, id, bump)) > 0) return;
  const doc: ContestFlagDoc = {
    _id: id,
    contestId,
    orgId: caller.orgId,
    memberId: caller._id,
    name: caller.name,
    unitId: caller.unitId,
    unitPath: caller.unitPath,
    fast: 0,
    refused: 0,
    limited: 0,
    late: 0,
    last,
    lastAt: now,
  };
  doc[kind] = 1;
  try {
    await insert(db, COLLECTIONS.contestFlags, { ...doc });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    await updateById(db, COLLECTIONS.contestFlags, id, bump);
  }
}
