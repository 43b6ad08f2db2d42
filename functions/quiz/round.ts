// A round of the daily quiz: how it is laid out from the questions read, what the member sees of
// it (never a key before the answer), and its creation — the round and the member's document in
// one transaction with the round's deterministic `_id`, so a double start makes one round.

import type { DailyRound, QuizAnswerView, QuizQuestion, QuizVerdict } from '../../core/contracts/quiz';
import { optionOrder, rememberSeen } from '../../core/domain/quiz';
import { EMPTY_STREAK } from '../../core/domain/quiz/streak';
import { COLLECTIONS } from '../lib/collections';
import { isTransactionConflict, type Database, type TransactionLike } from '../lib/db';
import { conflict } from '../lib/errors';
import type { PracticeQuestion } from '../exam/ports';
import type { Caller } from '../org/ports';
import type { QuizMemberDoc, RoundDoc, RoundItem } from './model';

export const roundId = (memberId: string, day: string, number: number) => `${memberId}_${day}_${number}`;

export function itemOf(q: PracticeQuestion, rand: () => number): RoundItem {
  return {
    qid: q.id,
    version: q.version,
    type: q.type,
    stem: q.stem,
    options: q.options,
    order: optionOrder(q.type, q.options.length, rand),
    answer: q.answer,
    blanks: q.blanks,
    explanation: q.explanation,
  };
}

/** The question at `index` as the member sees it: options in their shown order, no key. */
export function questionView(round: Pick<RoundDoc, 'items'>, index: number): QuizQuestion {
  const item = round.items[index];
  return {
    qid: item.qid,
    index: index + 1,
    type: item.type,
    stem: item.stem,
    options: item.type === 'fill' ? [] : item.order.map((i) => item.options[i]),
    blankCount: item.type === 'fill' ? item.blanks.length : 0,
  };
}

/** The round under way, at its current question. */
export function roundView(round: RoundDoc, now: number): DailyRound {
  return {
    roundId: round._id,
    day: round.day,
    number: round.number,
    scored: round.scored,
    total: round.items.length,
    answeredCount: round.at,
    correctCount: round.correctCount,
    question: questionView(round, round.at),
    servedAt: round.servedAt,
    serverNow: now,
  };
}

/** The verdict on an answer, with the key in the positions the member saw. */
export function verdictOf(item: RoundItem, index: number, mine: QuizAnswerView, correct: boolean): QuizVerdict {
  return {
    qid: item.qid,
    index: index + 1,
    correct,
    mine,
    correctChoice: item.type === 'fill' ? [] : item.order.map((original, shown) => (item.answer.includes(original) ? shown : -1)).filter((p) => p >= 0),
    correctBlanks: item.type === 'fill' ? item.blanks : [],
    explanation: item.explanation,
  };
}

export function emptyMember(caller: Pick<Caller, '_id' | 'orgId' | 'unitId'>): QuizMemberDoc {
  return {
    _id: caller._id,
    orgId: caller.orgId,
    unitId: caller.unitId,
    day: '',
    rounds: 0,
    last: null,
    recent: [],
    ...EMPTY_STREAK,
    rev: 0,
    scoredDay: '',
    scoredCorrect: 0,
  };
}

export function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _omit, ...rest } = doc;
  return rest;
}

/** How creating a round ended: made now, made by a concurrent start, or the member moved on meanwhile. */
export type Creation = { round: RoundDoc; created: boolean } | { stale: true };

const TRIES = 6;

/**
 * The round and the member's document (rounds today, the latest round, the questions seen) in one
 * transaction. The round's `_id` is the member, the day and the round's number, so two starts at
 * once both try to write the same round: one commits, the other runs again and finds it there. If
 * the member's count of rounds changed since it was read, nothing is written (`stale`).
 */
export async function createRound(db: Database, caller: Caller, draft: RoundDoc): Promise<Creation> {
  const body = async (t: TransactionLike): Promise<Creation> => {
    const there = (await t.collection(COLLECTIONS.quizRounds).doc(draft._id).get()).data as RoundDoc | null;
    if (there) return { round: { ...there, _id: draft._id }, created: false };
    const stored = (await t.collection(COLLECTIONS.quizMembers).doc(caller._id).get()).data as QuizMemberDoc | null;
    const m = stored ? { ...stored, _id: caller._id } : emptyMember(caller);
    if ((m.day === draft.day ? m.rounds : 0) + 1 !== draft.number) return { stale: true };
    const next: QuizMemberDoc = {
      ...m,
      orgId: caller.orgId,
      unitId: caller.unitId,
      day: draft.day,
      rounds: draft.number,
      last: draft._id,
      recent: rememberSeen(m.recent, draft.items.map((i) => i.qid), draft.day),
    };
    await t.collection(COLLECTIONS.quizRounds).doc(draft._id).set({ data: withoutId(draft) });
    await t.collection(COLLECTIONS.quizMembers).doc(caller._id).set({ data: withoutId(next) });
    return { round: draft, created: true };
  };
  return runRetried(db, body);
}

/** A transaction run again after a conflict (a concurrent call of the same member), a few times. */
export async function runRetried<T>(db: Database, body: (t: TransactionLike) => Promise<T>): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return (await db.runTransaction(body)) as T;
    } catch (err) {
      if (!isTransactionConflict(err)) throw err;
      if (round >= TRIES) throw conflict('答题的人较多，请稍后再试');
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * round));
    }
  }
}
