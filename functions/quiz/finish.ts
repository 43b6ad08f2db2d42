// The last answer of a round. A scored round's answer, its end and the member's streak are one
// transaction (both documents are the member's own, no crowd meets on them); then the unit's
// counter and the points, each after the commit: the unit's document is shared by its members,
// and the points ledger settles its own cap in its own transaction (a repeat awards nothing).

import type { RoundSummary } from '../../core/contracts/quiz';
import { addQuizDay, currentQuizStreak } from '../../core/domain/quiz/streak';
import { beijingDayKey } from '../../core/domain/time';
import { COLLECTIONS } from '../lib/collections';
import { getById, updateById, type Database, type TransactionLike } from '../lib/db';
import type { Logger } from '../lib/deps';
import type { Caller } from '../org/ports';
import { awardPoints, type AwardResult } from '../points/ports';
import { countRound } from './counters';
import type { QuizMemberDoc, RoundAnswer, RoundDoc } from './model';
import { emptyMember, runRetried, withoutId } from './round';

/** The round as it stands after `answer` to its question at `index`. */
export function answered(round: RoundDoc, index: number, answer: RoundAnswer, now: number): RoundDoc {
  const done = index + 1 >= round.items.length;
  return {
    ...round,
    at: index + 1,
    servedAt: now,
    answers: [...round.answers, answer],
    correctCount: round.correctCount + (answer.correct ? 1 : 0),
    fastCount: round.fastCount + (answer.fast ? 1 : 0),
    status: done ? 'done' : 'open',
    finishedAt: done ? now : null,
  };
}

type Finished = { lost: true } | { lost: false; round: RoundDoc; member: QuizMemberDoc };

/**
 * The scored round's last answer and the streak, in one transaction, conditional on the round
 * still waiting for that answer (`lost`: a concurrent call answered it first; nothing written).
 */
export async function finishScored(db: Database, caller: Caller, roundId: string, index: number, answer: RoundAnswer, now: number): Promise<Finished> {
  const today = beijingDayKey(now);
  return runRetried(db, async (t: TransactionLike): Promise<Finished> => {
    const stored = (await t.collection(COLLECTIONS.quizRounds).doc(roundId).get()).data as RoundDoc | null;
    if (!stored || stored.status !== 'open' || stored.at !== index) return { lost: true };
    // Marked as owing its points until the award after the commit lands (./repair.ts).
    const round: RoundDoc = { ...answered({ ...stored, _id: roundId }, index, answer, now), pointsAwarded: false };
    const had = (await t.collection(COLLECTIONS.quizMembers).doc(caller._id).get()).data as QuizMemberDoc | null;
    const m = had ? { ...had, _id: caller._id } : emptyMember(caller);
    const streak = addQuizDay(m, round.day, today);
    const member: QuizMemberDoc = { ...m, ...streak, rev: m.rev + 1, scoredDay: round.day, scoredCorrect: round.correctCount };
    await t.collection(COLLECTIONS.quizRounds).doc(roundId).set({ data: withoutId(round) });
    await t.collection(COLLECTIONS.quizMembers).doc(caller._id).set({ data: withoutId(member) });
    return { lost: false, round, member };
  });
}

/**
 * After a scored round committed: the unit's counter, then the points (their day is the round's,
 * so a round started before midnight counts against that day's cap). A failure of either is
 * logged and leaves the member's answer standing: the round is over and they were told so.
 */
export async function afterScored(db: Database, log: Logger, caller: Caller, round: RoundDoc): Promise<Pick<AwardResult, 'awarded' | 'sourceDay'> | null> {
  try {
    await countRound(db, round, round.correctCount);
  } catch (err) {
    log.error('quiz: unit counter not written', err instanceof Error ? err.message : err);
  }
  try {
    return await awardDaily(db, round, caller.unitPath);
  } catch (err) {
    log.error('quiz: points not awarded', err instanceof Error ? err.message : err);
    return null;
  }
}

/**
 * The scored round's points (their day is the round's), then its marker. The ledger's id makes a
 * repeat award nothing, so the timer may run this again for a round whose marker a call never set.
 */
export async function awardDailyRound(db: Database, round: AwardedRound, unitPath: string[]): Promise<number> {
  return (await awardDaily(db, round, unitPath)).awarded;
}

type AwardedRound = Pick<RoundDoc, '_id' | 'orgId' | 'memberId' | 'unitId' | 'day' | 'correctCount' | 'startedAt'>;

/** As awardDailyRound, with where the day's 每日答题 points stand against the cap (for the summary). */
async function awardDaily(db: Database, round: AwardedRound, unitPath: string[]): Promise<Pick<AwardResult, 'awarded' | 'sourceDay'>> {
  const award = await awardPoints(db, {
    orgId: round.orgId,
    memberId: round.memberId,
    unitId: round.unitId,
    unitPath,
    source: 'quiz',
    ref: round.day,
    asked: round.correctCount,
    at: round.startedAt,
  });
  await updateById(db, COLLECTIONS.quizRounds, round._id, { pointsAwarded: true });
  return { awarded: award.awarded, sourceDay: award.sourceDay };
}

/** The summary shown when a round ends; `member` as it stands after the round (read for practice). */
export function summaryOf(round: RoundDoc, member: QuizMemberDoc | null, today: string, award: Pick<AwardResult, 'awarded' | 'sourceDay'> | null): RoundSummary {
  return {
    roundId: round._id,
    day: round.day,
    number: round.number,
    scored: round.scored,
    correctCount: round.correctCount,
    total: round.items.length,
    streak: member ? currentQuizStreak(member, today) : 0,
    longestStreak: member?.longest ?? 0,
    points: award?.awarded ?? null,
    pointsDay: award?.sourceDay ?? null,
  };
}

/** A practice round's summary needs the streak: one read of the member's document. */
export async function memberOf(db: Database, memberId: string): Promise<QuizMemberDoc | null> {
  return getById<QuizMemberDoc>(db, COLLECTIONS.quizMembers, memberId);
}
