// What the quiz context tells other contexts, read through its own collections (rule 3).

import { roundCounts } from '../../core/domain/quiz/contest';
import { dayDone } from '../../core/domain/quiz/streak';
import type { ContestFact } from '../../core/domain/today';
import { COLLECTIONS } from '../lib/collections';
import { getById, list, type Database } from '../lib/db';
import { contestRoundId } from './contestAccess';
import type { ContestDoc, ContestRoundDoc } from './contestModel';
import type { PoolDoc, QuizMemberDoc } from './model';
import { poolId } from './pool';

/** Open contests 今日任务 looks at, soonest closing first (more at once is not a short list). */
const TODAY_CONTESTS = 10;

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

/**
 * The contests open now for the member's audience (any unit on their path), each with the counting
 * rounds of `day` they finished (今日任务). At most 2 reads: the contests (one query on the members'
 * index), then, when one is open, the day's counting rounds of them all by their deterministic ids
 * (a round's number is its place in the day, so counting ones are 1 … countingRounds).
 */
export async function contestTasksFor(db: Database, member: { _id: string; orgId: string; unitPath: string[] }, day: string, now: number): Promise<ContestFact[]> {
  const _ = db.command;
  const contests = (
    await list<ContestDoc>(
      db
        .collection(COLLECTIONS.contests)
        .where({ orgId: member.orgId, status: 'published', audience: _.in(member.unitPath), closesAt: _.gt(now) })
        .orderBy('closesAt', 'asc')
        .field({ title: true, opensAt: true, closesAt: true, countingRounds: true })
        .limit(TODAY_CONTESTS),
    )
  ).filter((c) => c.opensAt <= now);
  if (contests.length === 0) return [];
  const ids = contests.flatMap((c) => Array.from({ length: c.countingRounds }, (_x, i) => contestRoundId(c._id, member._id, day, i + 1)));
  const rounds = await list<ContestRoundDoc>(
    db
      .collection(COLLECTIONS.contestRounds)
      .where({ _id: _.in(ids) })
      .field({ contestId: true, number: true, status: true })
      .limit(ids.length),
  );
  return contests.map((c) => ({
    contestId: c._id,
    title: c.title,
    closesAt: c.closesAt,
    countingRounds: c.countingRounds,
    countedToday: rounds.filter((r) => r.contestId === c._id && r.status === 'done' && roundCounts(r.number, c.countingRounds)).length,
  }));
}
