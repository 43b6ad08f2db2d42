// What the quiz context tells other contexts, read through its own collections (rule 3).

import { dayDone } from '../../core/domain/quiz/streak';
import { COLLECTIONS } from '../lib/collections';
import { getById, type Database } from '../lib/db';
import type { PoolDoc, QuizMemberDoc } from './model';
import { poolId } from './pool';

/**
 * Whether the member finished the scored round of `day` (今日任务), or null when the organisation's
 * bank has nothing the daily quiz may serve that day. Two reads by `_id`, made together: the
 * member's quiz document and the day's pool. A pool not built yet counts as available (the timer
 * builds it the evening before; the first round builds it otherwise).
 */
export async function dailyDone(db: Database, member: { _id: string; orgId: string }, day: string): Promise<boolean | null> {
  const [doc, pool] = await Promise.all([
    getById<QuizMemberDoc>(db, COLLECTIONS.quizMembers, member._id),
    getById<PoolDoc>(db, COLLECTIONS.quizPools, poolId(member.orgId, day)),
  ]);
  if (doc && dayDone(doc, day)) return true;
  if (pool && pool.qids.length === 0) return null;
  return false;
}
