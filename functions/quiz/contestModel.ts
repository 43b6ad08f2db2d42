// Stored documents of the knowledge contest (知识竞赛). Server-only like the daily quiz's: rounds
// hold the keys of the questions they serve; the boards' documents are counters kept by writes,
// so no board or figure ever reads a round.

import type { Seen } from '../../core/domain/quiz';
import type { QuestionType } from '../../core/domain/exam/questions';
import type { RoundItem } from './model';

export type ContestStatus = 'draft' | 'published' | 'cancelled';

/** `_id` derived from its creator, title and opening: a double tap on 保存 makes one contest. */
export interface ContestDoc {
  _id: string;
  orgId: string;
  title: string;
  description: string;
  opensAt: number;
  closesAt: number;
  questionsPerRound: number;
  secondsPerQuestion: number | null;
  countingRounds: number;
  /** The unit whose subtree takes part; `audience` holds it for the members' list query. */
  audienceUnitId: string;
  audience: string;
  /** The audience unit's path: organisers whose scope is on it manage the contest. */
  audiencePath: string[];
  audienceName: string;
  tags: string[];
  status: ContestStatus;
  /** Bumped by every change: updates are conditional on the value read. */
  rev: number;
  createdBy: string;
  createdByName: string;
  createdAt: number;
  updatedAt: number;
  publishedAt: number | null;
}

/** `_id` = `${contestId}_${day}`: up to POOL_SIZE ids of questions the contest may serve that day. */
export interface ContestPoolDoc {
  _id: string;
  contestId: string;
  orgId: string;
  day: string;
  qids: string[];
  types: QuestionType[];
  builtAt: number;
}

/** One answer of a contest round; a late answer is not graded (its choice is not kept). */
export interface ContestAnswerRec {
  choice?: number[];
  text?: string[];
  correct: boolean;
  late: boolean;
  fast: boolean;
  timedOut: boolean;
  points: number;
  at: number;
  ms: number;
}

/** `_id` = `${contestId}_${memberId}_${day}_${number}`: a double start makes one round. */
export interface ContestRoundDoc {
  _id: string;
  contestId: string;
  memberId: string;
  orgId: string;
  unitId: string;
  day: string;
  number: number;
  counting: boolean;
  secondsPerQuestion: number | null;
  roundMax: number;
  /** The contest's close when the round began (answers are taken until it plus CLOSE_TAIL_MS). */
  closesAt: number;
  items: RoundItem[];
  at: number;
  servedAt: number;
  answers: ContestAnswerRec[];
  correctCount: number;
  score: number;
  lateCount: number;
  fastCount: number;
  status: 'open' | 'done';
  startedAt: number;
  finishedAt: number | null;
  /** A counting round's award: false from its finishing commit until the ledger took it (../repair.ts). */
  pointsAwarded?: boolean;
}

/**
 * `_id` = `${contestId}_${memberId}`: the member's standing in a contest (the 总榜 reads these) and
 * what starting a round needs (rounds today, the round under way, questions seen), kept by writes.
 */
export interface ContestScoreDoc {
  _id: string;
  contestId: string;
  orgId: string;
  memberId: string;
  name: string;
  unitId: string;
  unitPath: string[];
  /** Counting rounds finished, their total and best; when the last one finished. */
  total: number;
  best: number;
  rounds: number;
  lastAt: number;
  /** The Beijing day of the latest round started, and how many were started that day. */
  day: string;
  started: number;
  last: string | null;
  recent: Seen[];
}

/** `_id` = `${contestId}_${day}_${memberId}`: the member's counting rounds of a day (今日榜). */
export interface ContestDayScoreDoc {
  _id: string;
  contestId: string;
  orgId: string;
  memberId: string;
  name: string;
  unitId: string;
  day: string;
  total: number;
  best: number;
  rounds: number;
  lastAt: number;
}

/** Figures of a unit's own members: participants (distinct), counting rounds, their score sum. */
export interface ContestFiguresDoc {
  participants: number;
  rounds: number;
  scoreSum: number;
}

/** The whole contest rather than one day, in `day` of the counters and roll-ups. */
export const ALL_DAYS = 'all';

/** `_id` = `${contestId}_${unitId}_${day | 'all'}`: one unit's own figures (leaf counter). */
export interface ContestUnitDoc extends ContestFiguresDoc {
  _id: string;
  contestId: string;
  orgId: string;
  unitId: string;
  day: string;
}

/** `_id` = `${contestId}_${unitId}_${day | 'all'}`: the unit's subtree, written by the quiz timer. */
export interface ContestRollupDoc extends ContestFiguresDoc {
  _id: string;
  contestId: string;
  orgId: string;
  unitId: string;
  day: string;
  tree: number;
  at: number;
}

export type ContestFlagKind = 'fast' | 'refused' | 'limited' | 'late';

/** `_id` = `${contestId}_${memberId}`: one member's abuse records in a contest, counted. */
export interface ContestFlagDoc {
  _id: string;
  contestId: string;
  orgId: string;
  memberId: string;
  name: string;
  unitId: string;
  unitPath: string[];
  fast: number;
  refused: number;
  limited: number;
  late: number;
  last: { kind: ContestFlagKind; at: number; roundId: string | null; detail: string };
  lastAt: number;
}

/** `_id` = memberId: the member's quiz settings (whether boards show their name). */
export interface QuizSettingsDoc {
  _id: string;
  showRank: boolean;
  at: number;
}
