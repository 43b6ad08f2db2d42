// answerDaily: the answer to the round's current question, graded by the exam's own rules, with
// the verdict, the key and the explanation, then the next question (served now, its time stamped
// by the server) or the round's summary. The round is the caller's own or it does not exist for
// them; a question not served yet, answered already or not in the round is refused, and the only
// thing written then is the abuse record. An answer faster than a person reads is accepted and
// flagged. DB operations: identity, the round, one conditional update (3); a fast answer adds its
// record; the last answer of a practice round reads the member's streak, of the scored round it is
// a transaction with the member's document, then the unit's counter and the points.

import type { QuizAnswerView, QuizResponses } from '../../../core/contracts/quiz';
import { gradeQuestion } from '../../../core/domain/exam';
import { isTooFast } from '../../../core/domain/quiz';
import { beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { getById, updateWhere } from '../../lib/db';
import { AppError, conflict, invalid, notFound, precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { requireMember } from '../../org/ports';
import { afterScored, answered, finishScored, memberOf, summaryOf } from '../finish';
import { recordFlag } from '../flags';
import type { QuizMemberDoc, RoundAnswer, RoundDoc, RoundItem } from '../model';
import { questionView, verdictOf } from '../round';

interface Input {
  roundId: string;
  qid: string;
  choice?: number[];
  text?: string[];
}

/** Every question is worth one here: the daily quiz counts right answers, not an exam's points. */
const ONE_EACH = { points: { single: 1, multiple: 1, judge: 1, fill: 1 }, multiplePartial: false };

/** The answer in the shape the question takes; INVALID_ARGUMENT (not abuse: a slip of the app) otherwise. */
function answerOf(item: RoundItem, input: Input): QuizAnswerView {
  if (item.type === 'fill') {
    const text = (input.text ?? []).slice(0, item.blanks.length);
    if (input.choice !== undefined || text.every((s) => s.trim() === '')) throw invalid('请先填写答案');
    return { text };
  }
  const choice = [...new Set(input.choice ?? [])].sort((a, b) => a - b);
  if (input.text !== undefined || choice.length === 0) throw invalid('请先选择答案');
  if (choice.some((p) => p >= item.order.length)) throw invalid('字段 choice：没有这个选项');
  if (item.type !== 'multiple' && choice.length > 1) throw invalid('这道题只能选一个答案');
  return { choice };
}

export async function answerDaily(input: Input, ctx: ActionContext): Promise<QuizResponses['answerDaily']> {
  const { db, clock, log } = ctx.deps;
  const caller = await requireMember(ctx);
  const now = clock.now();
  const refuse = async (err: AppError, roundId: string | null): Promise<never> => {
    await recordFlag(db, caller, 'refused', roundId, err.message, now);
    throw err;
  };
  const round = await getById<RoundDoc>(db, COLLECTIONS.quizRounds, input.roundId);
  // Another member's round is as good as none: its existence is not confirmed.
  if (!round || round.memberId !== caller._id) return refuse(notFound('找不到这组题目'), null);
  const index = round.items.findIndex((i) => i.qid === input.qid);
  if (index < 0) return refuse(notFound('这道题不在本组题目中'), round._id);
  if (index < round.at) return refuse(conflict('这道题已经答过了'), round._id);
  if (round.status !== 'open') return refuse(conflict('这组题已经答完了'), round._id);
  if (index > round.at) return refuse(precondition(`请按顺序作答：先答第 ${round.at + 1} 题`), round._id);

  const item = round.items[index];
  const mine = answerOf(item, input);
  const { correct } = gradeQuestion(item, { qid: item.qid, order: item.order }, mine, ONE_EACH);
  const fast = isTooFast(item.stem, round.servedAt, now);
  const answer: RoundAnswer = { ...mine, correct, at: now, ms: now - round.servedAt, fast };
  const last = index + 1 >= round.items.length;

  let after: RoundDoc;
  let points: Awaited<ReturnType<typeof afterScored>> = null;
  let summaryMember: QuizMemberDoc | null = null;
  if (last && round.scored) {
    const finished = await finishScored(db, caller, round._id, index, answer, now);
    if (finished.lost) return refuse(conflict('这道题已经答过了'), round._id);
    after = finished.round;
    summaryMember = finished.member;
  } else {
    after = answered(round, index, answer, now);
    const _ = db.command;
    const moved = await updateWhere(db.collection(COLLECTIONS.quizRounds).where({ _id: round._id, at: index, status: 'open' }), {
      at: after.at,
      servedAt: now,
      answers: _.push([answer]),
      correctCount: _.inc(correct ? 1 : 0),
      fastCount: _.inc(fast ? 1 : 0),
      status: after.status,
      finishedAt: after.finishedAt,
    });
    if (moved === 0) return refuse(conflict('这道题已经答过了'), round._id);
  }
  if (fast) await recordFlag(db, caller, 'fast', round._id, `第 ${index + 1} 题用时 ${Math.max(0, now - round.servedAt)} 毫秒`, now);
  if (last && round.scored) points = await afterScored(db, log, caller, after);
  if (last && !round.scored) summaryMember = await memberOf(db, caller._id);

  return {
    verdict: verdictOf(item, index, mine, correct),
    answeredCount: after.at,
    correctCount: after.correctCount,
    next: last ? null : questionView(after, after.at),
    servedAt: last ? null : now,
    summary: last ? summaryOf(after, summaryMember, beijingDayKey(now), points) : null,
  };
}
