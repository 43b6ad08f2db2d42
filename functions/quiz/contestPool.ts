// A contest's pool of a day: up to POOL_SIZE ids of questions it may serve — practice-safe, and
// carrying one of its tags when it has any — chosen on the day's first round (deterministic `_id`:
// two first rounds at once write one pool). Rounds draw from it and check each question again
// through the exam context's port when they start, as the daily quiz does.

import { ROUND_SIZE } from '../../core/domain/quiz';
import { COLLECTIONS } from '../lib/collections';
import { getById, insert, isDuplicateKeyError, updateWhere, type Database } from '../lib/db';
import type { PracticeQuestion } from '../exam/ports';
import type { ContestDoc, ContestPoolDoc } from './contestModel';
import { choosePool, POOL_RETRY_MS } from './pool';

export const contestPoolId = (contestId: string, day: string) => `${contestId}_${day}`;

/** Whether a question may serve this contest: any of its tags, or every question when it has none. */
export function tagFilter(tags: readonly string[]): (q: Pick<PracticeQuestion, 'tags'>) => boolean {
  if (tags.length === 0) return () => true;
  const wanted = new Set(tags);
  return (q) => (q.tags ?? []).some((t) => wanted.has(t));
}

/** The pool of `day`: one read when it is there; built (1–2 reads of the bank, one write) otherwise. */
export async function ensureContestPool(
  db: Database,
  contest: Pick<ContestDoc, '_id' | 'orgId' | 'tags' | 'questionsPerRound'>,
  day: string,
  now: number,
  rand: () => number,
  randomHex: () => string,
): Promise<ContestPoolDoc> {
  const id = contestPoolId(contest._id, day);
  const there = await getById<ContestPoolDoc>(db, COLLECTIONS.contestPools, id);
  const enough = Math.max(ROUND_SIZE, contest.questionsPerRound);
  if (there && (there.qids.length >= enough || now - there.builtAt < POOL_RETRY_MS)) return there;
  const chosen = await choosePool(db, contest.orgId, day, now, rand, randomHex, tagFilter(contest.tags));
  const doc: ContestPoolDoc = { _id: id, contestId: contest._id, orgId: contest.orgId, day, ...chosen, builtAt: now };
  // A pool too small for a round is not kept: the next start looks at the bank again.
  if (doc.qids.length < contest.questionsPerRound && !there) return doc;
  if (there) {
    const _ = db.command;
    await updateWhere(db.collection(COLLECTIONS.contestPools).where({ _id: id, builtAt: there.builtAt }), { qids: _.set(doc.qids), types: _.set(doc.types), builtAt: now });
    return doc;
  }
  try {
    await insert(db, COLLECTIONS.contestPools, { ...doc });
    return doc;
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    return (await getById<ContestPoolDoc>(db, COLLECTIONS.contestPools, id)) ?? doc;
  }
}
