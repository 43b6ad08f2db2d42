// Stored documents of the quiz context. Server-only: rounds hold the keys of the questions they
// serve, so no client ever reads these collections; actions map them to the contract's views.

import type { QuestionType } from '../../core/domain/exam/questions';
import type { Seen } from '../../core/domain/quiz';
import type { DayRun } from '../../core/domain/quiz/streak';

/** `_id` = `${orgId}_${day}`: up to POOL_SIZE question ids the day's rounds are drawn from. */
export interface PoolDoc {
  _id: string;
  orgId: string;
  day: string;
  /** Ids only: content (and whether practice may still serve it) is read when a round starts. */
  qids: string[];
  types: QuestionType[];
  builtAt: number;
  by: 'timer' | 'first-use';
}

/** `_id` = memberId: what a round's start needs, kept by writes so it never reads old rounds. */
export interface QuizMemberDoc {
  _id: string;
  orgId: string;
  unitId: string;
  /** The Beijing day of the latest round started, and how many were started that day. */
  day: string;
  rounds: number;
  /** The latest round started (it may be finished). */
  last: string | null;
  /** Questions served in the last 30 days, newest last, at most RECENT_MAX. */
  recent: Seen[];
  /** Streak of days with the scored round finished (core/domain/quiz/streak.ts). */
  runs: DayRun[];
  longest: number;
  days: number;
  /** Bumped by every streak change: the finish's update is conditional on the value read. */
  rev: number;
  /** The last scored round finished: its day and right answers (the 答题 card shows them). */
  scoredDay: string;
  scoredCorrect: number;
}

/** One question of a round, with its key (the reason rounds are server-only). */
export interface RoundItem {
  qid: string;
  version: number;
  type: QuestionType;
  stem: string;
  /** The question's options in its own order, and the order they are shown in. */
  options: string[];
  order: number[];
  answer: number[];
  blanks: string[][];
  explanation: string;
}

export interface RoundAnswer {
  choice?: number[];
  text?: string[];
  correct: boolean;
  at: number;
  /** Milliseconds from the question being served to the answer arriving. */
  ms: number;
  fast: boolean;
}

/** `_id` = `${memberId}_${day}_${number}`: a double start makes one round. */
export interface RoundDoc {
  _id: string;
  memberId: string;
  orgId: string;
  unitId: string;
  day: string;
  number: number;
  scored: boolean;
  items: RoundItem[];
  /** Index of the question being answered now (items.length once the round is over). */
  at: number;
  /** When the current question was served (server clock). */
  servedAt: number;
  answers: RoundAnswer[];
  correctCount: number;
  /** Answers faster than the reading threshold; the round is flagged when there is one. */
  fastCount: number;
  status: 'open' | 'done';
  startedAt: number;
  finishedAt: number | null;
  /**
   * A scored round's award: false from the commit that finished it until the ledger took it, so
   * the quiz timer finds the ones a dying call left behind (./repair.ts). Absent on practice.
   */
  pointsAwarded?: boolean;
}

/** `_id` = `${unitId}_${day}`: a unit's own scored rounds of a day, written once per round. */
export interface UnitDayDoc {
  _id: string;
  orgId: string;
  unitId: string;
  day: string;
  /** Members who finished the day's scored round (each member has one a day). */
  participants: number;
  /** Right answers and questions answered in those rounds. */
  correct: number;
  answered: number;
  /** Rounds with every answer right. */
  perfect: number;
}

/** `_id` = `${unitId}_${day}`: the subtree's totals of a day, written by the timer from UnitDayDoc. */
export interface RollupDoc {
  _id: string;
  orgId: string;
  unitId: string;
  day: string;
  participants: number;
  correct: number;
  answered: number;
  perfect: number;
  /** The root's tree version it was computed under. */
  tree: number;
  at: number;
}

/** `_id` = `${memberId}_${day}`: one member's abuse records of a day, counted (bounded: one document). */
export interface FlagDoc {
  _id: string;
  orgId: string;
  memberId: string;
  name: string;
  unitId: string;
  unitPath: string[];
  day: string;
  fast: number;
  refused: number;
  limited: number;
  /** The latest record, for the organiser: what, when and in which round. */
  last: { kind: FlagKind; at: number; roundId: string | null; detail: string };
  lastAt: number;
}

export type FlagKind = 'fast' | 'refused' | 'limited';
