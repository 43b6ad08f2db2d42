// answerContest: the answer to the round's current question, graded by the exam's own rules, with
// the verdict, the key and the explanation, then the next question (its time stamped by the server
// to start after the pause for reading the verdict, in a timed contest) or the round's summary. In
// a timed contest an answer counts only within its seconds plus the network grace: a later one is
// refused (FAILED_PRECONDITION, no key) and recorded as late, and the round stays at that question
// until the phone says its time ran out (an empty answer, taken only once the seconds are over:
// sooner it is refused, as a script fishing for the key). That records the question unanswered,
// with its key, 解析 and the next question.
// An answer faster than a person reads scores 0 and is flagged. A round that is not the caller's,
// a question not served, answered already or out of order, and answers after the close are refused,
// writing only the abuse record: under the contest when it is known to be the caller's, else under
// their day record of the daily quiz (a round id that exists nowhere names nothing). DB operations: identity, the round, one conditional update (3);
// a flag adds its record; the last answer of a practice round reads the standing; of a counting
// round it is a transaction with the standing and the day's score, then the unit's counters, the
// points and the rank.

import type { QuizResponses } from '../../../core/contracts/quiz';
import { gradeQuestion } from '../../../core/domain/exam';
import { isTooFast } from '../../../core/domain/quiz';
import { answerDeadline, answerPoints, CLOSE_TAIL_MS, EARLY_TIME_UP_MESSAGE, isLate, isTimeUp, LATE_ANSWER_MESSAGE } from '../../../core/domain/quiz/contest';
import { COLLECTIONS } from '../../lib/collections';
import { getById, updateWhere, type Database } from '../../lib/db';
import { AppError, conflict, notFound, precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { requireMember, type Caller } from '../../org/ports';
import { contestScoreId, inAudience } from '../contestAccess';
import { afterCounting, contestSummaryOf, finishCounting, rankOf } from '../contestFinish';
import { recordContestFlag } from '../contestFlags';
import type { ContestAnswerRec, ContestDoc, ContestRoundDoc, ContestScoreDoc } from '../contestModel';
import { contestAnswered, contestAnswerOf } from '../contestRound';
import { recordFlag } from '../flags';
import { questionView, verdictOf } from '../round';

interface Input {
  roundId: string;
  qid: string;
  choice?: number[];
  text?: string[];
}

/**
 * The contest a refused answer may be filed under: the round's, when the round exists and is the
 * caller's (its start checked the audience), or another member's round of a contest of the
 * caller's own organisation and audience (one read, on this refusal only); null otherwise.
 */
async function verifiedContestOf(db: Database, caller: Caller, round: ContestRoundDoc | null): Promise<string | null> {
  if (!round) return null;
  if (round.memberId === caller._id) return round.contestId;
  const c = await getById<ContestDoc>(db, COLLECTIONS.contests, round.contestId);
  return c && c.orgId === caller.orgId && inAudience(c, caller.unitPath) ? c._id : null;
}

/** Every question is one right or wrong here; the contest's own rule turns it into points. */
const ONE_EACH = { points: { single: 1, multiple: 1, judge: 1, fill: 1 }, multiplePartial: false };

export async function answerContest(input: Input, ctx: ActionContext): Promise<QuizResponses['answerContest']> {
  const { db, clock, log } = ctx.deps;
  const caller = await requireMember(ctx);
  const now = clock.now();
  const round = await getById<ContestRoundDoc>(db, COLLECTIONS.contestRounds, input.roundId);
  const refuse = async (err: AppError, detail: string = err.message): Promise<never> => {
    const contestId = await verifiedContestOf(db, caller, round);
    // Filed under a contest only when that contest is known to exist and to be the caller's to
    // play; otherwise under the member's day record, so made-up ids never name a document.
    if (contestId) await recordContestFlag(db, caller, contestId, 'refused', round?.memberId === caller._id ? round._id : null, detail, now);
    else await recordFlag(db, caller, 'refused', null, `竞赛：${detail}`, now);
    throw err;
  };
  // Another member's round is as good as none: its existence is not confirmed.
  if (!round || round.memberId !== caller._id) return refuse(notFound('找不到这组题目'));
  const index = round.items.findIndex((i) => i.qid === input.qid);
  if (index < 0) return refuse(notFound('这道题不在本组题目中'));
  if (index < round.at) return refuse(conflict('这道题已经答过了'));
  if (round.status !== 'open') return refuse(conflict('这组题已经答完了'));
  if (index > round.at) return refuse(precondition(`请按顺序作答：先答第 ${round.at + 1} 题`));
  if (now >= round.closesAt + CLOSE_TAIL_MS) return refuse(precondition('竞赛已经结束，这组题不再计分'));

  const item = round.items[index];
  const timed = round.secondsPerQuestion !== null;
  // Nothing sent in a timed contest is the phone saying the time ran out.
  const mine = contestAnswerOf(item, input, timed);
  // "Time ran out" before it did: a script asking for the key without answering. No key, no move.
  if (mine === null && !isTimeUp(round.servedAt, round.secondsPerQuestion, now)) {
    return refuse(precondition(EARLY_TIME_UP_MESSAGE), `第 ${index + 1} 题时间未到就报超时（${Math.max(0, now - round.servedAt)} 毫秒）`);
  }
  // After its seconds and the grace: refused without the key, recorded as late; the round stays at
  // this question until the phone's time-up, which records it unanswered.
  const deadline = answerDeadline(round.servedAt, round.secondsPerQuestion);
  if (mine !== null && deadline !== null && isLate(round.servedAt, round.secondsPerQuestion, now)) {
    await recordContestFlag(db, caller, round.contestId, 'late', round._id, `第 ${index + 1} 题超时 ${Math.ceil((now - deadline) / 1000)} 秒后才提交`, now);
    throw precondition(LATE_ANSWER_MESSAGE);
  }
  const correct = mine !== null && gradeQuestion(item, { qid: item.qid, order: item.order }, mine, ONE_EACH).correct;
  // Measured from `servedAt`, so an answer before the question's time began is too fast as well.
  const fast = mine !== null && isTooFast(item.stem, round.servedAt, now);
  const answer: ContestAnswerRec = {
    ...(mine ?? {}),
    correct,
    // Late answers are refused now; the field stays for rounds recorded before.
    late: false,
    fast,
    timedOut: mine === null,
    points: answerPoints({ correct, late: false, fast, servedAt: round.servedAt, at: now, seconds: round.secondsPerQuestion }),
    at: now,
    ms: now - round.servedAt,
  };
  const last = index + 1 >= round.items.length;
  const flagsOf = async (a: ContestAnswerRec): Promise<void> => {
    if (a.fast) await recordContestFlag(db, caller, round.contestId, 'fast', round._id, `第 ${index + 1} 题用时 ${Math.max(0, a.ms)} 毫秒`, now);
  };

  let after: ContestRoundDoc;
  let summary: QuizResponses['answerContest']['summary'] = null;
  if (last && round.counting) {
    const finished = await finishCounting(db, caller, round._id, index, answer, now);
    if (finished.lost) return refuse(conflict('这道题已经答过了'));
    after = finished.round;
    await flagsOf(answer);
    const points = await afterCounting(db, log, caller, finished);
    summary = contestSummaryOf(after, finished.standing, points, await rankOf(db, after.contestId, finished.standing.total));
  } else {
    after = contestAnswered(round, index, answer, now);
    const _ = db.command;
    const moved = await updateWhere(db.collection(COLLECTIONS.contestRounds).where({ _id: round._id, at: index, status: 'open' }), {
      at: after.at,
      servedAt: after.servedAt,
      answers: _.push([answer]),
      correctCount: _.inc(answer.correct ? 1 : 0),
      score: _.inc(answer.points),
      fastCount: _.inc(fast ? 1 : 0),
      status: after.status,
      finishedAt: after.finishedAt,
    });
    if (moved === 0) return refuse(conflict('这道题已经答过了'));
    await flagsOf(answer);
    if (last) summary = contestSummaryOf(after, await getById<ContestScoreDoc>(db, COLLECTIONS.contestScores, contestScoreId(round.contestId, caller._id)), null, null);
  }

  return {
    verdict: { ...verdictOf(item, index, mine ?? {}, correct), late: false, fast, timedOut: answer.timedOut, points: answer.points },
    answeredCount: after.at,
    score: after.score,
    next: last ? null : questionView(after, after.at),
    servedAt: last ? null : after.servedAt,
    deadline: last ? null : answerDeadline(after.servedAt, round.secondsPerQuestion),
    serverNow: now,
    summary,
  };
}
