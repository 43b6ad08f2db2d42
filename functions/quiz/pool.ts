// The day's pool of an organisation: up to POOL_SIZE ids of questions practice may serve, chosen
// the evening before by the timer (or by the day's first round when the timer has not), so a round
// never queries the bank as a whole. Ids only: a round reads the content of the few it tries, and
// whether practice may still serve them at that moment, through the exam context's port.

import type { QuestionType } from '../../core/domain/exam/questions';
import { POOL_SIZE, ROUND_SIZE } from '../../core/domain/quiz';
import { beijingDayStart } from '../../core/domain/time';
import { COLLECTIONS } from '../lib/collections';
import { getById, insert, isDuplicateKeyError, updateWhere, type Database } from '../lib/db';
import { practiceQuestions, type PracticeQuestion } from '../exam/ports';
import type { PoolDoc } from './model';

export const poolId = (orgId: string, day: string) => `${orgId}_${day}`;

/** Questions one read of the bank returns (the SDK's ceiling). */
const READ = 1000;
/** A pool too small for a round is built again on use once it is this old (the bank may have grown). */
export const POOL_RETRY_MS = 2 * 60_000;

/**
 * Up to POOL_SIZE questions practice may serve on `day`, sampled at random: one read of the bank
 * when it holds at most 1000 such questions, else a second from a random point of the `_id` order
 * (ids are content hashes, so any stretch of them is a random sample of the bank). Practice-safety
 * is judged at the day's start, or now when the day has begun (a pin ending before then does not
 * keep a question out); each round checks it again when it starts. `keep` narrows the bank (a
 * contest's tags).
 */
export async function choosePool(
  db: Database,
  orgId: string,
  day: string,
  now: number,
  rand: () => number,
  randomHex: () => string,
  keep: (q: PracticeQuestion) => boolean = () => true,
): Promise<Pick<PoolDoc, 'qids' | 'types'>> {
  const at = Math.max(beijingDayStart(day), now);
  const first = await practiceQuestions(db, orgId, at, READ);
  let found = first.filter(keep);
  if (first.length >= READ) {
    const from = (await practiceQuestions(db, orgId, at, READ, `q${randomHex()}`)).filter(keep);
    if (from.length >= POOL_SIZE) found = from;
  }
  const picked = [...found];
  for (let i = picked.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(rand() * (i + 1)));
    [picked[i], picked[j]] = [picked[j], picked[i]];
  }
  const chosen = picked.slice(0, POOL_SIZE);
  return { qids: chosen.map((q) => q.id), types: chosen.map((q) => q.type as QuestionType) };
}

/**
 * The pool of `day`, built now if missing (deterministic `_id`: two builders at once write one,
 * the loser reads it) or rebuilt if it was too small for a round a while ago. One read when it is
 * there, which is every call but the day's first when the timer has run.
 */
export async function ensurePool(
  db: Database,
  orgId: string,
  day: string,
  now: number,
  by: PoolDoc['by'],
  rand: () => number,
  randomHex: () => string,
): Promise<PoolDoc> {
  const id = poolId(orgId, day);
  const there = await getById<PoolDoc>(db, COLLECTIONS.quizPools, id);
  if (there && (there.qids.length >= ROUND_SIZE || now - there.builtAt < POOL_RETRY_MS)) return there;
  const chosen = await choosePool(db, orgId, day, now, rand, randomHex);
  const doc: PoolDoc = { _id: id, orgId, day, ...chosen, builtAt: now, by };
  // An empty pool is stored by the timer only: a member's refused start writes nothing, and the
  // next one looks at the bank again (an organiser may be importing it right now).
  if (doc.qids.length === 0 && by === 'first-use') return doc;
  if (there) {
    const _ = db.command;
    // Conditional on the pool read: two rebuilds at once leave one of them, both fine.
    await updateWhere(db.collection(COLLECTIONS.quizPools).where({ _id: id, builtAt: there.builtAt }), { qids: _.set(doc.qids), types: _.set(doc.types), builtAt: now, by });
    return doc;
  }
  try {
    await insert(db, COLLECTIONS.quizPools, { ...doc });
    return doc;
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    return (await getById<PoolDoc>(db, COLLECTIONS.quizPools, id)) ?? doc;
  }
}
