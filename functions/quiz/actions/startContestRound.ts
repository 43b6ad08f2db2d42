// startContestRound: the member's round under way, at its current question, or a new one — the
// day's first `countingRounds` count, later ones are practice and say so. Refused outside the
// window or the audience (recorded for the flags, nothing else written). A new round draws from the
// contest's pool of the day (unseen questions first) and is written with the member's standing in
// one transaction under `<contest>_<member>_<day>_<n>`, so a double start makes one round. A round
// started counts against the day's counting rounds even if abandoned: peeking at a round's first
// question and starting again never buys an easier round.
// Reads: identity, the contest, the member's standing, the latest round when one may be under way;
// a new round adds the rate limit, the pool and the questions (one query), then the transaction.

import type { QuizResponses } from '../../../core/contracts/quiz';
import { CLOSE_TAIL_MS, roundCounts, roundMax } from '../../../core/domain/quiz/contest';
import { beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { getById } from '../../lib/db';
import { AppError, conflict, precondition } from '../../lib/errors';
import { consume } from '../../lib/rateLimit';
import type { ActionContext } from '../../lib/router';
import { requireMember } from '../../org/ports';
import { contestForMember, contestRoundId, contestScoreId } from '../contestAccess';
import { recordContestFlag } from '../contestFlags';
import { CONTEST_ROUND_LIMIT } from '../contestLimits';
import type { ContestRoundDoc, ContestScoreDoc } from '../contestModel';
import { ensureContestPool } from '../contestPool';
import { contestRoundView, createContestRound } from '../contestRound';
import { drawRound } from '../draw';
import { itemOf } from '../round';

export async function startContestRound(input: { contestId: string }, ctx: ActionContext): Promise<QuizResponses['startContestRound']> {
  const { db, clock, ids } = ctx.deps;
  const caller = await requireMember(ctx);
  const now = clock.now();
  const refuse = async (err: AppError): Promise<never> => {
    await recordContestFlag(db, caller, input.contestId, 'refused', null, err.message, now);
    throw err;
  };
  let contest;
  try {
    contest = await contestForMember(db, caller, input.contestId);
  } catch (err) {
    // Another subtree's contest: a try at a round outside the audience, recorded.
    if (err instanceof AppError && err.code === 'FORBIDDEN') return refuse(err);
    throw err;
  }
  if (now < contest.opensAt) return refuse(precondition('竞赛还没有开始'));
  if (now >= contest.closesAt + CLOSE_TAIL_MS) return refuse(precondition('竞赛已经结束'));

  for (let attempt = 0; attempt < 3; attempt++) {
    const today = beijingDayKey(clock.now());
    const s = await getById<ContestScoreDoc>(db, COLLECTIONS.contestScores, contestScoreId(contest._id, caller._id));
    // The round under way is continued, whichever day it was begun (it counts for that day).
    if (s?.last) {
      const last = await getById<ContestRoundDoc>(db, COLLECTIONS.contestRounds, s.last);
      if (last && last.status === 'open' && last.memberId === caller._id) return contestRoundView(last, now);
    }
    // After the close only a round under way may be finished (within the tail).
    if (now >= contest.closesAt) return refuse(precondition('竞赛已经结束'));
    try {
      await consume(db, CONTEST_ROUND_LIMIT, caller._id, now);
    } catch (err) {
      if (err instanceof AppError && err.code === 'RESOURCE_EXHAUSTED') await recordContestFlag(db, caller, contest._id, 'limited', null, '一分钟内开始的竞赛答题过多', now);
      throw err;
    }
    const pool = await ensureContestPool(db, contest, today, now, Math.random, () => ids.random(12));
    const questions = await drawRound(db, caller.orgId, pool.qids, s?.recent ?? [], today, now, Math.random, contest.questionsPerRound);
    if (questions.length < contest.questionsPerRound) throw precondition('题库中可用于本次竞赛的题目不足，请联系组织者');
    const number = (s && s.day === today ? s.started : 0) + 1;
    const draft: ContestRoundDoc = {
      _id: contestRoundId(contest._id, caller._id, today, number),
      contestId: contest._id,
      memberId: caller._id,
      orgId: caller.orgId,
      unitId: caller.unitId,
      day: today,
      number,
      counting: roundCounts(number, contest.countingRounds),
      secondsPerQuestion: contest.secondsPerQuestion,
      roundMax: roundMax(contest),
      closesAt: contest.closesAt,
      items: questions.map((q) => itemOf(q, Math.random)),
      at: 0,
      servedAt: now,
      answers: [],
      correctCount: 0,
      score: 0,
      lateCount: 0,
      fastCount: 0,
      status: 'open',
      startedAt: now,
      finishedAt: null,
    };
    const made = await createContestRound(db, caller, draft);
    // A concurrent start made it and it is already over (another phone of theirs): go on to the next.
    if ('stale' in made || made.round.status !== 'open') continue;
    return contestRoundView(made.round, now);
  }
  throw conflict('答题的人较多，请稍后再试');
}
