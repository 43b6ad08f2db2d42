// Stored documents of the exam context. Server-only: the answer key, attempts and scores live in
// collections no client can read; actions map them to the contract's views.

import type { AnswerValue, DrawRule, PaperItem, Points, PoolEntry, ReleasePolicy } from '../../core/domain/exam';
import type { QuestionContent, QuestionType } from '../../core/domain/exam/questions';
import type { PaperTraceEntry } from '../../core/domain/exam/paper';
import { takerId } from './ids';

export interface QuestionDoc extends QuestionContent {
  _id: string;
  orgId: string;
  /** Stem and options, normalised: the duplicate check of imports (questionKey). */
  key: string;
  /**
   * Type + stem with labels stripped, folded, prefixed by the rule's version (questionIdentity.ts):
   * what a re-import matches by. Absent or of an earlier rule on older questions, which an import
   * matches in memory and stores at commit.
   */
  ident?: string;
  /** The file's own ID of the question (题目编号…), when a file gave one. */
  ref?: string | null;
  /** `<version>:<hash of the content>` (digest.ts): a re-import's unchanged test. Stale or absent: read whole. */
  contentDigest?: string;
  status: 'active' | 'retired';
  /** Incremented by every edit; exams pin the version they were published with. */
  version: number;
  openReports: number;
  /**
   * Epoch ms until which a published exam or make-up may still put this question on a paper (its
   * latest close + PIN_MARGIN_MS; absent: never pinned). Only ever raised (functions/exam/pins.ts);
   * practice serves no question before it (core/domain/exam/practice.ts).
   */
  pinnedUntil?: number;
  source: 'import' | 'editor' | 'seed';
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /**
   * The history record of the last change an import made, written by the same conditional update
   * as the change; copied to questionHistory right after, and again (then cleared) by the next
   * change, so a record whose copy did not land is never lost (bank.ts, changeQuestion).
   */
  lastChange?: QuestionHistoryDoc | null;
}

export interface QuestionReportDoc {
  _id: string;
  orgId: string;
  questionId: string;
  examId: string;
  stem: string;
  memberId: string;
  memberName: string;
  unitId: string;
  note: string;
  status: 'open' | 'fixed' | 'dismissed';
  reply: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
}

/** Members of these branches may take an exam; 'ALL' stands for the whole organisation. */
export const ALL_UNITS = 'ALL';

export interface ExamSettings {
  title: string;
  description: string;
  opensAt: number;
  closesAt: number;
  durationMinutes: number;
  paper: { mode: 'fixed'; questionIds: string[] } | { mode: 'rules'; rules: DrawRule[] };
  points: Points;
  multiplePartial: boolean;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  passScore: number;
  maxAttempts: number;
  releaseAnswers: ReleasePolicy;
  switchTolerance: number;
}

export interface ExamDoc extends ExamSettings {
  _id: string;
  orgId: string;
  kind: 'exam' | 'makeup';
  /** A make-up's original exam. */
  parentId: string | null;
  /** Branch ids chosen by the organiser (empty: the whole organisation). */
  unitIds: string[];
  /** What members are matched on: the branch ids, or [ALL_UNITS]. */
  audience: string[];
  /** Make-ups admit only invited members (a taker document with `invited`). */
  inviteOnly: boolean;
  status: 'draft' | 'published';
  questionCount: number;
  totalScore: number;
  typeCounts: Record<QuestionType, number>;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
}

/** Grading facts of one question, copied into each attempt so submitting reads no key. */
export interface KeyEntry {
  type: QuestionType;
  answer: number[];
  blanks: string[][];
}

/** A question as an exam pinned it when it was published: content (with the answer) and version. */
export type PinnedQuestion = QuestionContent & { version: number };

/**
 * `_id` = examId. What papers are drawn from (rules) or the paper in order (fixed): ids, types and
 * tags only, so a start reads a small document however large the pool.
 */
export interface ExamPoolDoc {
  _id: string;
  orgId: string;
  pool: PoolEntry[];
  /** The exam whose examQuestions hold the pinned content: itself, or a make-up's original. */
  source: string;
}

/** `_id` = `${source}_${qid}`: one pinned question of an exam (server-only: it holds the answer). */
export interface ExamQuestionDoc extends PinnedQuestion {
  _id: string;
  examId: string;
  qid: string;
  orgId: string;
}

export interface BestResult {
  attemptId: string;
  score: number;
  passed: boolean;
  seconds: number;
  submittedAt: number;
}

/** `_id` = `${examId}_${memberId}`: one member's standing in one exam. */
export interface TakerDoc {
  _id: string;
  examId: string;
  orgId: string;
  unitId: string;
  memberId: string;
  name: string;
  /** Make-ups: created for each invited member when the make-up is created. */
  invited: boolean;
  attemptsUsed: number;
  openAttemptId: string | null;
  best: BestResult | null;
  lastSubmittedAt: number | null;
  extraMinutes: number;
  /** Extra time granted before or during the exam, and why (kept for audit). */
  extraLog: Array<{ at: number; by: string; minutes: number; reason: string }>;
  flagged: boolean;
  createdAt: Date;
  /** A result recorded by hand from paper (./paper.ts): never beside an attempt. Kept after a withdrawal for its trace. */
  paper?: PaperRecord | null;
  /** Bumped by every write of `best` (grading.ts, regrade.ts, paper.ts). */
  v?: number;
}

/** A hand-recorded paper result: `best` holds its score (attemptId PAPER_ATTEMPT_ID) while not withdrawn. */
export interface PaperRecord {
  score: number;
  takenOn: string;
  note: string;
  /** Who recorded it first (member id and name). */
  by: string;
  byName: string;
  at: number;
  withdrawn: boolean;
  trace: PaperTraceEntry[];
}

/** A member's taker document before any attempt: a make-up's invitation, or extra time granted early. */
export function newTaker(exam: { _id: string; orgId: string }, member: { memberId: string; unitId: string; name: string }, createdAt: Date): TakerDoc {
  return {
    _id: takerId(exam._id, member.memberId),
    examId: exam._id,
    orgId: exam.orgId,
    unitId: member.unitId,
    memberId: member.memberId,
    name: member.name,
    invited: false,
    attemptsUsed: 0,
    openAttemptId: null,
    best: null,
    lastSubmittedAt: null,
    extraMinutes: 0,
    extraLog: [],
    flagged: false,
    createdAt,
  };
}

export interface AttemptLogEntry {
  at: number;
  by: string;
  action: 'extra_time' | 'reopen' | 'force_submit';
  reason: string;
  minutes?: number;
}

export interface GradeTerms {
  title: string;
  points: Points;
  multiplePartial: boolean;
  passScore: number;
  maxAttempts: number;
  closesAt: number;
  releaseAnswers: ReleasePolicy;
  switchTolerance: number;
}

/** `_id` = `${examId}_${memberId}_${number}`. */
export interface AttemptDoc {
  _id: string;
  examId: string;
  orgId: string;
  unitId: string;
  memberId: string;
  name: string;
  number: number;
  status: 'open' | 'submitted';
  /** The exam whose pinned questions this paper uses (ExamPoolDoc.source). */
  source: string;
  terms: GradeTerms;
  paper: PaperItem[];
  key: Record<string, KeyEntry>;
  answers: Record<string, AnswerValue>;
  /** Bumped by every answer save, so a submit grades exactly what it read. */
  rev: number;
  startedAt: number;
  deadline: number;
  switchCount: number;
  switchLog: Array<{ at: number; kind: 'hide' | 'show' }>;
  flagged: boolean;
  score: number | null;
  total: number;
  passed: boolean | null;
  correctCount: number;
  answeredCount: number;
  perQuestion: Record<string, { earned: number; correct: boolean }>;
  submittedAt: number | null;
  seconds: number | null;
  closedBy: 'member' | 'deadline' | 'organiser' | null;
  log: AttemptLogEntry[];
}

/** `_id` = `${examId}_${unitId}`: counters of one branch in one exam, kept by writes (rule 9). */
export interface StatsDoc {
  _id: string;
  examId: string;
  unitId: string;
  orgId: string;
  /** Make-ups: members invited from this branch. */
  invited: number;
  started: number;
  submitted: number;
  passed: number;
  failed: number;
  flagged: number;
  scoreSum: number;
  secondsSum: number;
  /** Of `submitted`, hand-recorded paper results (no time: left out of the average time). Absent: 0. */
  paper?: number;
  /** hist.b0 … hist.b9: members per score band of their best attempt. */
  hist: Record<string, number>;
  /** q.<qid>.n graded answers, q.<qid>.c correct ones (every graded attempt counts). */
  q: Record<string, { n: number; c: number }>;
}


/** One change of a bank question: who, when, from which file or screen, before and after. */
export interface QuestionHistoryDoc {
  /** `<questionId>_v<version after>`: a retried write makes one record. */
  _id: string;
  orgId: string;
  questionId: string;
  version: number;
  by: string;
  at: Date;
  source: 'import' | 'editor' | 'regrade';
  fileName: string | null;
  changes: string[];
  before: QuestionContent;
  after: QuestionContent;
}
