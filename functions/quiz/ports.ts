// What the quiz context tells other contexts, read through its own collections (rule 3).

import { roundCounts } from '../../core/domain/quiz/contest';
import { dayDone } from '../../core/domain/quiz/streak';
import type { ContestFact } from '../../core/domain/today';
import { COLLECTIONS } from '../lib/collections';
import { count, getById, list, type Database } from '../lib/db';
import { readDayFigures, type DayFigures, type DayFiguresQuery } from '../lib/dayFigures';
import { contestRoundId } from './contestAccess';
import { ALL_DAYS, type ContestDoc, type ContestRollupDoc, type ContestRoundDoc } from './contestModel';
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

/**
 * Daily-quiz participants per day of a subtree over a period, and per direct child (the console):
 * the closed-day roll-ups and the units' day counters (functions/lib/dayFigures.ts), never rounds.
 */
export async function quizDayFigures(db: Database, q: DayFiguresQuery): Promise<DayFigures<'participants'>> {
  return readDayFigures(db, { rollups: COLLECTIONS.quizRollups, unitDays: COLLECTIONS.quizUnitDays }, ['participants'], q);
}

export interface ContestTally {
  contests: number;
  participants: number;
  rounds: number;
}

/**
 * Contests open at some time in [from, to) and what each of `targets` (units with their paths)
 * took part in them, from the quiz timer's whole-contest roll-ups (as fresh as its last run). A
 * target inside a contest's audience reads its own subtree's document; a target above the
 * audience reads the audience unit's. Two reads: the contests, then their roll-ups of the targets
 * and audiences (none when no contest is open in the period).
 */
export async function contestTallies(
  db: Database,
  orgId: string,
  targets: ReadonlyArray<{ _id: string; path: readonly string[] }>,
  from: number,
  to: number,
): Promise<Map<string, ContestTally>> {
  const _ = db.command;
  const contests = (
    await list<ContestDoc>(
      db
        .collection(COLLECTIONS.contests)
        .where({ orgId, status: 'published', closesAt: _.gt(from) })
        .orderBy('closesAt', 'asc')
        .field({ opensAt: true, closesAt: true, audience: true, audiencePath: true })
        .limit(100),
    )
  ).filter((c) => c.opensAt < to);
  const out = new Map<string, ContestTally>(targets.map((t) => [t._id, { contests: 0, participants: 0, rounds: 0 }]));
  // Which document answers for each target and contest.
  const wanted: Array<{ target: string; contestId: string; unitId: string }> = [];
  for (const c of contests) {
    for (const t of targets) {
      const unitId = t.path.includes(c.audience) ? t._id : (c.audiencePath ?? []).includes(t._id) ? c.audience : null;
      if (unitId) wanted.push({ target: t._id, contestId: c._id, unitId });
    }
  }
  if (wanted.length === 0) return out;
  const docs = await list<ContestRollupDoc>(
    db
      .collection(COLLECTIONS.contestRollups)
      .where({ contestId: _.in([...new Set(wanted.map((w) => w.contestId))]), day: ALL_DAYS, unitId: _.in([...new Set(wanted.map((w) => w.unitId))]) })
      .limit(1000),
  );
  const byKey = new Map(docs.map((d) => [`${d.contestId}|${d.unitId}`, d]));
  for (const w of wanted) {
    const tally = out.get(w.target)!;
    tally.contests += 1;
    const d = byKey.get(`${w.contestId}|${w.unitId}`);
    tally.participants += d?.participants ?? 0;
    tally.rounds += d?.rounds ?? 0;
  }
  return out;
}

/** The daily quiz's flags of a day (答题异常) in the subtrees of `scopeIds`: one count. */
export async function quizFlagCount(db: Database, orgId: string, scopeIds: string[], day: string): Promise<number> {
  if (scopeIds.length === 0) return 0;
  const _ = db.command;
  return count(db.collection(COLLECTIONS.quizFlags).where({ orgId, day, unitPath: _.in(scopeIds) }));
}

/** A contest as a campaign attaches it (专项行动, docs/CAMPAIGNS.md): its audience unit and days. */
export interface ContestBrief {
  contestId: string;
  title: string;
  /** The unit whose subtree takes part, and its path. */
  audience: string;
  audiencePath: string[];
  status: 'draft' | 'published' | 'cancelled';
  opensAt: number;
  closesAt: number;
}

/** The organisation's contests among `ids` (at most 50): one read by `_id`. */
export async function contestsByIds(db: Database, orgId: string, ids: readonly string[]): Promise<ContestBrief[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  const docs = await list<ContestDoc>(
    db
      .collection(COLLECTIONS.contests)
      .where({ _id: _.in([...ids]), orgId })
      .field({ title: true, audience: true, audiencePath: true, status: true, opensAt: true, closesAt: true })
      .limit(ids.length),
  );
  return docs.map((c) => ({ contestId: c._id, title: c.title, audience: c.audience, audiencePath: c.audiencePath ?? [], status: c.status, opensAt: c.opensAt, closesAt: c.closesAt }));
}

/**
 * Members of `target`'s subtree who took part in each contest, from the timer's whole-contest
 * roll-ups (as fresh as its last run): the target's own document when it lies in the audience,
 * the audience unit's when the target is above it. One read.
 */
export async function contestParticipants(
  db: Database,
  contests: ReadonlyArray<Pick<ContestBrief, 'contestId' | 'audience' | 'audiencePath'>>,
  target: { _id: string; path: readonly string[] },
): Promise<Map<string, number>> {
  const wanted = contests.flatMap((c) => {
    const unitId = target.path.includes(c.audience) ? target._id : c.audiencePath.includes(target._id) ? c.audience : null;
    return unitId ? [{ contestId: c.contestId, unitId }] : [];
  });
  if (wanted.length === 0) return new Map();
  const _ = db.command;
  const docs = await list<ContestRollupDoc>(
    db
      .collection(COLLECTIONS.contestRollups)
      .where({ contestId: _.in(wanted.map((w) => w.contestId)), day: ALL_DAYS, unitId: _.in([...new Set(wanted.map((w) => w.unitId))]) })
      .limit(1000),
  );
  const byKey = new Map(docs.map((d) => [`${d.contestId}|${d.unitId}`, d.participants ?? 0]));
  return new Map(wanted.map((w) => [w.contestId, byKey.get(`${w.contestId}|${w.unitId}`) ?? 0]));
}
