// The last answer of a contest round. A counting round's answer, its end, the member's standing and
// their day on the 今日榜 are one transaction (all three documents are the member's own, no crowd
// meets on them); then the unit's counters and the points, each after the commit (a unit's
// documents are shared by its members; the ledger settles its own cap and repeats).

import type { ContestRoundSummary } from '../../core/contracts/quiz';
import { scoreOutOf100 } from '../../core/domain/quiz/contest';
import { COLLECTIONS } from '../lib/collections';
import { count, updateById, type Database, type TransactionLike } from '../lib/db';
import type { Logger } from '../lib/deps';
import type { Caller } from '../org/ports';
import { awardPoints } from '../points/ports';
import { contestScoreId } from './contestAccess';
import { countContestRound } from './contestCounters';
import type { ContestAnswerRec, ContestDayScoreDoc, ContestRoundDoc, ContestScoreDoc } from './contestModel';
import { contestAnswered, emptyStanding } from './contestRound';
import { runRetried, withoutId } from './round';

export const contestDayScoreId = (contestId: string, day: string, memberId: string) => `${contestId}_${day}_${memberId}`;

type Finished = { lost: true } | { lost: false; round: ContestRoundDoc; standing: ContestScoreDoc; firstToday: boolean; firstEver: boolean };

/** Conditional on the round still waiting for the answer at `index` (`lost`: another call answered it; nothing written). */
export async function finishCounting(db: Database, caller: Caller, roundId: string, index: number, answer: ContestAnswerRec, now: number): Promise<Finished> {
  return runRetried(db, async (t: TransactionLike): Promise<Finished> => {
    const stored = (await t.collection(COLLECTIONS.contestRounds).doc(roundId).get()).data as ContestRoundDoc | null;
    if (!stored || stored.status !== 'open' || stored.at !== index) return { lost: true };
    // Marked as owing its points until the award after the commit lands (./repair.ts).
    const round: ContestRoundDoc = { ...contestAnswered({ ...stored, _id: roundId }, index, answer, now), pointsAwarded: false };
    const scoreId = contestScoreId(round.contestId, caller._id);
    const dayId = contestDayScoreId(round.contestId, round.day, caller._id);
    const had = (await t.collection(COLLECTIONS.contestScores).doc(scoreId).get()).data as ContestScoreDoc | null;
    const dayHad = (await t.collection(COLLECTIONS.contestDayScores).doc(dayId).get()).data as ContestDayScoreDoc | null;
    const s = had ? { ...had, _id: scoreId } : emptyStanding(round.contestId, caller);
    const standing: ContestScoreDoc = { ...s, total: s.total + round.score, best: Math.max(s.best, round.score), rounds: s.rounds + 1, lastAt: now };
    const day: ContestDayScoreDoc = {
      _id: dayId,
      contestId: round.contestId,
      orgId: round.orgId,
      memberId: caller._id,
      name: caller.name,
      unitId: round.unitId,
      day: round.day,
      total: (dayHad?.total ?? 0) + round.score,
      best: Math.max(dayHad?.best ?? 0, round.score),
      rounds: (dayHad?.rounds ?? 0) + 1,
      lastAt: now,
    };
    await t.collection(COLLECTIONS.contestRounds).doc(roundId).set({ data: withoutId(round) });
    await t.collection(COLLECTIONS.contestScores).doc(scoreId).set({ data: withoutId(standing) });
    await t.collection(COLLECTIONS.contestDayScores).doc(dayId).set({ data: withoutId(day) });
    return { lost: false, round, standing, firstToday: dayHad === null, firstEver: s.rounds === 0 };
  });
}

/**
 * After a counting round committed: the unit's counters, then the points (the round's score on
 * the ledger's 0–100 scale; its day is the round's). A failure of either is logged and leaves the
 * member's result standing: the round is over and they were told so.
 */
export async function afterCounting(db: Database, log: Logger, caller: Caller, f: { round: ContestRoundDoc; firstToday: boolean; firstEver: boolean }): Promise<number | null> {
  const { round } = f;
  try {
    await countContestRound(db, round, f.firstToday, f.firstEver);
  } catch (err) {
    log.error('contest: unit counters not written', err instanceof Error ? err.message : err);
  }
  try {
    return await awardContestRound(db, round, caller.unitPath);
  } catch (err) {
    log.error('contest: points not awarded', err instanceof Error ? err.message : err);
    return null;
  }
}

type AwardedRound = Pick<ContestRoundDoc, '_id' | 'contestId' | 'orgId' | 'memberId' | 'unitId' | 'day' | 'number' | 'score' | 'roundMax' | 'startedAt'>;

/** The counting round's points, then its marker; a repeat awards nothing (the ledger's id), so the timer may retry it. */
export async function awardContestRound(db: Database, round: AwardedRound, unitPath: string[]): Promise<number> {
  const award = await awardPoints(db, {
    orgId: round.orgId,
    memberId: round.memberId,
    unitId: round.unitId,
    unitPath,
    source: 'contest',
    ref: `${round.contestId}_${round.day}_${round.number}`,
    asked: scoreOutOf100(round.score, round.roundMax),
    at: round.startedAt,
  });
  await updateById(db, COLLECTIONS.contestRounds, round._id, { pointsAwarded: true });
  return award.awarded;
}

/** A member's place on the 总榜: those with a higher total, plus one (ties share a place). One count on the index. */
export async function rankOf(db: Database, contestId: string, total: number): Promise<number | null> {
  if (total <= 0) return null;
  const _ = db.command;
  return (await count(db.collection(COLLECTIONS.contestScores).where({ contestId, total: _.gt(total) }))) + 1;
}

export function contestSummaryOf(round: ContestRoundDoc, standing: ContestScoreDoc | null, points: number | null, rank: number | null): ContestRoundSummary {
  return {
    roundId: round._id,
    number: round.number,
    counting: round.counting,
    correctCount: round.correctCount,
    total: round.items.length,
    score: round.score,
    roundMax: round.roundMax,
    lateCount: round.lateCount,
    fastCount: round.fastCount,
    points,
    contestTotal: standing?.total ?? 0,
    best: standing?.best ?? 0,
    rank,
  };
}
