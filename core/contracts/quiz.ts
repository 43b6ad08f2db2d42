// Contract of the `quiz` cloud function: the daily quiz (每日答题) — a short round a day from the
// organisation's bank, its key and explanation shown right after each answer, the first round of
// the Beijing day scored and later ones practice — and the organisers' view of flagged rounds.
// Contests (知识竞赛) are in ./quizContest.ts. No response carries a question's key or explanation
// before the caller has answered that question.

import * as z from 'zod';
import type { QuestionType } from '../domain/exam/questions';
import { cursorField, idField, pageLimitField, type Page } from './common';
import { actionSchemas } from './lazy';
import { contestActions, type ContestResponses } from './quizContest';

const dayKeySchema = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const quizSchemas = actionSchemas({
  /** The member's daily quiz today: done or not, the round under way, the streak. */
  getDaily: () => z.object({}).strict(),
  /** Start today's round, or continue the one under way: its current question, without its key. */
  startDaily: () => z.object({}).strict(),
  /**
   * Answer the round's current question: the verdict, the key and explanation, then the next
   * question or the round's summary. Strict: a score, a time or an identity sent along is refused.
   */
  answerDaily: () => z
    .object({
      roundId: idField(),
      qid: idField(),
      /** Choice and judge: positions as shown. */
      choice: z.array(z.number().int().min(0).max(7)).max(8).optional(),
      /** Fill: one text per blank. */
      text: z.array(z.string().max(50, '填空答案最多50字')).max(10).optional(),
    })
    .strict(),
  /** Organisers: members of their subtrees whose answers were too fast or refused on a day. */
  listQuizFlags: () => z.object({ day: dayKeySchema().nullish(), cursor: cursorField(), limit: pageLimitField() }).strict(),
  /** The knowledge contest (知识竞赛): ./quizContest.ts. */
  ...contestActions,
} as const);

export type QuizRequests = { [A in keyof typeof quizSchemas]: z.input<(typeof quizSchemas)[A]> };

/** A question as the member sees it before answering: no key, no explanation. */
export interface QuizQuestion {
  qid: string;
  /** 1-based position in the round. */
  index: number;
  type: QuestionType;
  stem: string;
  /** In the order shown. Judge: 正确, 错误. Fill: []. */
  options: string[];
  /** Fill: how many blanks to type. */
  blankCount: number;
}

export interface QuizAnswerView {
  choice?: number[];
  text?: string[];
}

/** A round as the member continues it: where they are and the question to answer now. */
export interface DailyRound {
  roundId: string;
  day: string;
  /** 1 for the day's first round (the scored one), then 2, 3… (practice). */
  number: number;
  scored: boolean;
  total: number;
  answeredCount: number;
  correctCount: number;
  question: QuizQuestion;
  /** When the server sent this question (epoch ms), and its clock now. */
  servedAt: number;
  serverNow: number;
}

/** The verdict on one answer, with the key and explanation now that it is in. */
export interface QuizVerdict {
  qid: string;
  index: number;
  correct: boolean;
  mine: QuizAnswerView;
  /** Choice and judge: positions (as shown) of the right options. */
  correctChoice: number[];
  /** Fill: accepted answers per blank (the first is the one to show). */
  correctBlanks: string[][];
  explanation: string;
}

export interface RoundSummary {
  roundId: string;
  day: string;
  number: number;
  scored: boolean;
  correctCount: number;
  total: number;
  /** Days in a row with the scored round finished, today's included. */
  streak: number;
  longestStreak: number;
  /** Points the ledger granted for this round (null: practice, or no points for it). */
  points: number | null;
  /**
   * 每日答题 points of the round's day after this award, against that day's cap (null: practice,
   * an award that failed, or one the timer's repair made first).
   */
  pointsDay: { earned: number; cap: number } | null;
}

export interface DailyAnswer {
  verdict: QuizVerdict;
  answeredCount: number;
  correctCount: number;
  /** The next question, or null when the round is over (then `summary` is set). */
  next: QuizQuestion | null;
  servedAt: number | null;
  summary: RoundSummary | null;
}

export interface DailyState {
  day: string;
  /** The bank holds questions the daily quiz may serve (organisers see why not when it does not). */
  available: boolean;
  /** Today's scored round is finished. */
  scoredDone: boolean;
  /** Right answers of today's scored round once finished. */
  todayCorrect: number | null;
  total: number;
  streak: number;
  longestStreak: number;
  /** A round under way — started today, or yesterday before midnight (it counts for its own day): continue it. */
  open: { roundId: string; day: string; number: number; scored: boolean; answeredCount: number; total: number } | null;
  /** Rounds started today (the scored one included). */
  roundsToday: number;
}

export interface QuizFlagRow {
  memberId: string;
  name: string;
  unitId: string;
  unitName: string;
  day: string;
  /** Answers faster than the reading threshold (accepted, counted here). */
  fast: number;
  /** Answers refused: not served, another member's round, already answered, out of order. */
  refused: number;
  /** Rounds refused for starting too many a minute. */
  limited: number;
  lastAt: number;
  /** The latest record in a few words (第 2 题用时 300 毫秒, 找不到这组题目). */
  lastDetail: string;
}

export interface QuizResponses extends ContestResponses {
  getDaily: DailyState;
  startDaily: DailyRound;
  answerDaily: DailyAnswer;
  listQuizFlags: Page<QuizFlagRow>;
}

export type * from './quizContest';
