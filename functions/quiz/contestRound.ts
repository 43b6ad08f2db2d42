// A contest round: what the member sees of it (never a key before the answer), its creation — the
// round and the member's standing in one transaction under the round's deterministic `_id`, so a
// double start makes one round — and how an answer changes it.

import type { ContestQuestionRound, QuizAnswerView } from '../../core/contracts/quiz';
import { rememberSeen } from '../../core/domain/quiz';
import { answerDeadline, nextServedAt } from '../../core/domain/quiz/contest';
import { COLLECTIONS } from '../lib/collections';
import type { Database, TransactionLike } from '../lib/db';
import { invalid } from '../lib/errors';
import type { Caller } from '../org/ports';
import { contestScoreId } from './contestAccess';
import type { ContestAnswerRec, ContestRoundDoc, ContestScoreDoc } from './contestModel';
import type { RoundItem } from './model';
import { questionView, runRetried, withoutId } from './round';

export function emptyStanding(contestId: string, caller: Pick<Caller, '_id' | 'orgId' | 'name' | 'unitId' | 'unitPath'>): ContestScoreDoc {
  return {
    _id: contestScoreId(contestId, caller._id),
    contestId,
    orgId: caller.orgId,
    memberId: caller._id,
    name: caller.name,
    unitId: caller.unitId,
    unitPath: caller.unitPath,
    total: 0,
    best: 0,
    rounds: 0,
    lastAt: 0,
    day: '',
    started: 0,
    last: null,
    recent: [],
  };
}

/** The round under way, at its current question. */
export function contestRoundView(round: ContestRoundDoc, now: number): ContestQuestionRound {
  return {
    roundId: round._id,
    contestId: round.contestId,
    day: round.day,
    number: round.number,
    counting: round.counting,
    total: round.items.length,
    answeredCount: round.at,
    score: round.score,
    question: questionView(round, round.at),
    servedAt: round.servedAt,
    deadline: answerDeadline(round.servedAt, round.secondsPerQuestion),
    serverNow: now,
    secondsPerQuestion: round.secondsPerQuestion,
  };
}

/** Nothing chosen and nothing typed. */
export function isEmptyAnswer(input: { choice?: number[]; text?: string[] }): boolean {
  return (input.choice === undefined || input.choice.length === 0) && (input.text === undefined || input.text.every((s) => s.trim() === ''));
}

/**
 * The answer in the shape the question takes. Nothing at all is "time is up" in a timed contest
 * (null); untimed, an answer is required. INVALID_ARGUMENT (a slip of the app, not abuse) otherwise.
 */
export function contestAnswerOf(item: RoundItem, input: { choice?: number[]; text?: string[] }, timed: boolean): QuizAnswerView | null {
  if (isEmptyAnswer(input)) {
    if (timed) return null;
    throw invalid(item.type === 'fill' ? '请先填写答案' : '请先选择答案');
  }
  if (item.type === 'fill') {
    if (input.choice !== undefined) throw invalid('这道题需要填写答案');
    return { text: (input.text ?? []).slice(0, item.blanks.length) };
  }
  if (input.text !== undefined) throw invalid('这道题需要选择答案');
  const choice = [...new Set(input.choice ?? [])].sort((a, b) => a - b);
  if (choice.some((p) => p >= item.order.length)) throw invalid('字段 choice：没有这个选项');
  if (item.type !== 'multiple' && choice.length > 1) throw invalid('这道题只能选一个答案');
  return { choice };
}

/** The round as it stands after `answer` to its question at `index`: the next question's time starts after the pause. */
export function contestAnswered(round: ContestRoundDoc, index: number, answer: ContestAnswerRec, now: number): ContestRoundDoc {
  const done = index + 1 >= round.items.length;
  return {
    ...round,
    at: index + 1,
    servedAt: nextServedAt(now, round.secondsPerQuestion),
    answers: [...round.answers, answer],
    correctCount: round.correctCount + (answer.correct ? 1 : 0),
    score: round.score + answer.points,
    lateCount: round.lateCount + (answer.late ? 1 : 0),
    fastCount: round.fastCount + (answer.fast ? 1 : 0),
    status: done ? 'done' : 'open',
    finishedAt: done ? now : null,
  };
}

export type ContestCreation = { round: ContestRoundDoc; created: boolean } | { stale: true };

/**
 * The round and the member's standing (rounds started today, the round under way, questions seen)
 * in one transaction. Two starts at once write the same round `_id`: one commits, the other runs
 * again and finds it. If the member's count of rounds moved since it was read, nothing is written.
 */
export async function createContestRound(db: Database, caller: Caller, draft: ContestRoundDoc): Promise<ContestCreation> {
  const scoreId = contestScoreId(draft.contestId, caller._id);
  return runRetried(db, async (t: TransactionLike): Promise<ContestCreation> => {
    const there = (await t.collection(COLLECTIONS.contestRounds).doc(draft._id).get()).data as ContestRoundDoc | null;
    if (there) return { round: { ...there, _id: draft._id }, created: false };
    const stored = (await t.collection(COLLECTIONS.contestScores).doc(scoreId).get()).data as ContestScoreDoc | null;
    const s = stored ? { ...stored, _id: scoreId } : emptyStanding(draft.contestId, caller);
    if ((s.day === draft.day ? s.started : 0) + 1 !== draft.number) return { stale: true };
    const next: ContestScoreDoc = {
      ...s,
      name: caller.name,
      unitId: caller.unitId,
      unitPath: caller.unitPath,
      day: draft.day,
      started: draft.number,
      last: draft._id,
      recent: rememberSeen(s.recent, draft.items.map((i) => i.qid), draft.day),
    };
    await t.collection(COLLECTIONS.contestRounds).doc(draft._id).set({ data: withoutId(draft) });
    await t.collection(COLLECTIONS.contestScores).doc(scoreId).set({ data: withoutId(next) });
    return { round: draft, created: true };
  });
}
