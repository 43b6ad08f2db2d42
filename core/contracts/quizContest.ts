// Contract of the knowledge contest (知识竞赛), part of the `quiz` function: organisers set a window,
// rounds, time per question and an audience; members play rounds one question per call (the key
// and explanation only after the answer, the next question stamped by the server); boards are read
// from counters. Spread into quizSchemas and re-exported by ./quiz.ts.

import * as z from 'zod';
import { CONTEST_COUNTING_ROUNDS, CONTEST_QUESTIONS, CONTEST_SECONDS, CONTEST_TAGS_MAX, type ContestPhase } from '../domain/quiz/contest';
import { cursorField, idField, lineSchema, pageLimitField, CONTROL_CHARS, type Page } from './common';
import type { QuizQuestion, QuizVerdict } from './quiz';

const dayKeySchema = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const instant = () => z.number().int().min(0).max(8_640_000_000_000);

export const contestDraftSchema = () => z
  .object({
    title: lineSchema('竞赛名称', 40).pipe(z.string().min(1, '请填写竞赛名称')),
    description: z
      .string()
      .trim()
      .max(500, '竞赛说明最多500字')
      .refine((s) => !CONTROL_CHARS.test(s), '竞赛说明不能包含控制字符')
      .default(''),
    opensAt: instant(),
    closesAt: instant(),
    questionsPerRound: z.number().int().min(CONTEST_QUESTIONS.min, `每局至少${CONTEST_QUESTIONS.min}题`).max(CONTEST_QUESTIONS.max, `每局最多${CONTEST_QUESTIONS.max}题`),
    /** null: untimed (older members answer at their own pace). */
    secondsPerQuestion: z.number().int().min(CONTEST_SECONDS.min, `每题至少${CONTEST_SECONDS.min}秒`).max(CONTEST_SECONDS.max, `每题最多${CONTEST_SECONDS.max}秒`).nullable(),
    countingRounds: z.number().int().min(CONTEST_COUNTING_ROUNDS.min).max(CONTEST_COUNTING_ROUNDS.max, `每天最多${CONTEST_COUNTING_ROUNDS.max}局计分`),
    /** The unit whose subtree takes part. */
    audienceUnitId: idField(),
    /** Draw only questions carrying one of these tags; empty: the whole bank. */
    tags: z.array(lineSchema('标签', 30).pipe(z.string().min(1))).max(CONTEST_TAGS_MAX, `最多${CONTEST_TAGS_MAX}个标签`).default([]),
  })
  .strict();

export type ContestDraft = z.input<ReturnType<typeof contestDraftSchema>>;

export const contestActions = {
  // --- organisers -------------------------------------------------------------------------------
  /** Create (no contestId) or change a contest. Published: only a later close, the title and the description. */
  saveContest: () => z.object({ contestId: idField().nullish(), contest: contestDraftSchema() }).strict(),
  publishContest: () => z.object({ contestId: idField() }).strict(),
  /** A draft, or a published contest before its close; members no longer see it. */
  cancelContest: () => z.object({ contestId: idField() }).strict(),
  /** One contest the caller manages (access manage), or a wider published one holding some of their units (access figures, read-only). */
  getManagedContest: () => z.object({ contestId: idField() }).strict(),
  /** Contests whose audience lies in the caller's subtrees, newest first; on the first page, the published ones of a wider audience (`wider`). */
  listManagedContests: () => z.object({ cursor: cursorField(), limit: pageLimitField() }).strict(),
  /** Participation per unit (the children of `unitId`, default the audience — or, in a wider contest, the caller's own unit) on a day or over the whole contest. */
  getContestFigures: () => z.object({ contestId: idField(), unitId: idField().nullish(), day: dayKeySchema().nullish() }).strict(),
  /** Members of the caller's subtrees (inside the audience) flagged in a contest (too fast, refused, too many rounds, late). */
  listContestFlags: () => z.object({ contestId: idField(), cursor: cursorField(), limit: pageLimitField() }).strict(),
  /** After the close: a draft post (winners who opted in, participation by unit) in 宣传文章管理. */
  draftContestReport: () => z.object({ contestId: idField() }).strict(),
  // --- members ----------------------------------------------------------------------------------
  /** Contests of the member's audience open now or soon (and ended in the last week), with their standing. */
  listContests: () => z.object({}).strict(),
  getContest: () => z.object({ contestId: idField() }).strict(),
  /** Start a round, or continue the one under way: its current question, without its key. */
  startContestRound: () => z.object({ contestId: idField() }).strict(),
  /**
   * Answer the current question. Strict: a score, a time or an identity sent along is refused. In a
   * timed contest an empty answer is "time is up" (0 points); untimed, an answer is required.
   */
  answerContest: () => z
    .object({
      roundId: idField(),
      qid: idField(),
      choice: z.array(z.number().int().min(0).max(7)).max(8).optional(),
      text: z.array(z.string().max(50, '填空答案最多50字')).max(10).optional(),
    })
    .strict(),
  /** 单位参与 (units of `unitId`, default the audience), 今日榜 or 总榜 (top 100), and the caller's own line. */
  getContestBoard: () => z.object({ contestId: idField(), board: z.enum(['units', 'today', 'total']).default('units'), unitId: idField().nullish() }).strict(),
  /** The member's choice to appear by name on contest boards (default: not). */
  getContestRankSetting: () => z.object({}).strict(),
  setContestRankSetting: () => z.object({ showRank: z.boolean() }).strict(),
} as const;

export interface ContestRulesView {
  questionsPerRound: number;
  /** Timed: seconds the verdict is shown before the next question's time starts. */
  breakSeconds: number;
  secondsPerQuestion: number | null;
  countingRounds: number;
  graceSeconds: number;
  basePoints: number;
  speedBonus: number;
  /** The most a round can score. */
  roundMax: number;
}

export interface ManagedContest {
  contestId: string;
  title: string;
  description: string;
  opensAt: number;
  closesAt: number;
  status: 'draft' | 'published' | 'cancelled';
  phase: ContestPhase;
  rules: ContestRulesView;
  audienceUnitId: string;
  audienceName: string;
  tags: string[];
  createdByName: string;
  updatedAt: number;
  /**
   * manage: the audience lies in the caller's subtrees (they may change it); figures: a published
   * contest of a wider audience that meets their subtrees — its figures and flags for their own
   * units only, read-only.
   */
  access: ContestAccess;
}

export type ContestAccess = 'manage' | 'figures';

/** The organiser's contests; on the first page, also the published ones of a wider audience. */
export interface ManagedContestPage extends Page<ManagedContest> {
  /** Published contests whose audience lies above the caller's subtrees (newest close first; first page only). */
  wider: ManagedContest[];
}

export interface MyContestStanding {
  /** Counting rounds finished, their total and best. */
  rounds: number;
  total: number;
  best: number;
  /** Rounds started today, and counting rounds left today. */
  roundsToday: number;
  countingLeftToday: number;
  open: { roundId: string; number: number; counting: boolean; answeredCount: number; total: number } | null;
}

export interface ContestCard {
  contestId: string;
  title: string;
  description: string;
  opensAt: number;
  closesAt: number;
  phase: ContestPhase;
  rules: ContestRulesView;
  audienceName: string;
  me: MyContestStanding;
}

export interface ContestQuestionRound {
  roundId: string;
  contestId: string;
  day: string;
  number: number;
  /** One of the day's first `countingRounds`: it counts for the boards and points. */
  counting: boolean;
  total: number;
  answeredCount: number;
  score: number;
  question: QuizQuestion;
  /** When the server sent this question, the last instant() an answer counts (null: untimed), its clock now. */
  servedAt: number;
  deadline: number | null;
  serverNow: number;
  secondsPerQuestion: number | null;
}

export interface ContestVerdict extends QuizVerdict {
  /** Arrived after its seconds and the grace: not graded, 0 points. */
  late: boolean;
  /** Faster than a person reads the question: 0 points, flagged. */
  fast: boolean;
  /** No answer given (time up). */
  timedOut: boolean;
  points: number;
}

export interface ContestRoundSummary {
  roundId: string;
  number: number;
  counting: boolean;
  correctCount: number;
  total: number;
  score: number;
  roundMax: number;
  lateCount: number;
  fastCount: number;
  /** Points the ledger granted (null: practice or none). */
  points: number | null;
  /** The member's contest standing after this round (counting rounds only). */
  contestTotal: number;
  best: number;
  rank: number | null;
}

export interface ContestAnswer {
  verdict: ContestVerdict;
  answeredCount: number;
  score: number;
  next: QuizQuestion | null;
  /** When the next question's time starts (a timed contest pauses for the verdict first), its last instant() that counts, the server's clock now. */
  servedAt: number | null;
  deadline: number | null;
  serverNow: number;
  summary: ContestRoundSummary | null;
}

export interface ContestUnitRow {
  unitId: string;
  name: string;
  members: number;
  participants: number;
  /** Whole percent of the subtree's members who played a counting round. */
  rate: number;
  rounds: number;
  /** Average score of a counting round. */
  average: number;
  hasChildren: boolean;
}

export interface ContestPersonRow {
  rank: number;
  /** The member's name if they opted in, 党员（未公开） otherwise. */
  name: string;
  unitName: string;
  total: number;
  rounds: number;
  me: boolean;
}

export interface ContestBoard {
  contestId: string;
  title: string;
  board: 'units' | 'today' | 'total';
  day: string;
  /** 单位参与: the unit shown (its whole subtree), its children, and the member's own branch. */
  unit: ContestUnitRow | null;
  units: ContestUnitRow[];
  mine: ContestUnitRow | null;
  /** When the timer last computed the unit figures (null: not yet). */
  figuresAt: number | null;
  people: ContestPersonRow[];
  /** The caller's own line: always their rank, whatever they chose to show others. */
  me: { total: number; rounds: number; rank: number | null; showRank: boolean } | null;
}

export interface ContestFigures {
  contestId: string;
  title: string;
  /** null: the whole contest. */
  day: string | null;
  days: string[];
  unit: ContestUnitRow | null;
  rows: ContestUnitRow[];
  figuresAt: number | null;
  /** What the caller sees of it: the whole audience (manage), or their own units only (figures). */
  access: ContestAccess;
}

export interface ContestFlagRow {
  memberId: string;
  name: string;
  unitName: string;
  fast: number;
  refused: number;
  limited: number;
  late: number;
  lastAt: number;
  lastDetail: string;
}

export interface ContestResponses {
  saveContest: ManagedContest;
  publishContest: ManagedContest;
  cancelContest: ManagedContest;
  getManagedContest: ManagedContest;
  listManagedContests: ManagedContestPage;
  getContestFigures: ContestFigures;
  listContestFlags: Page<ContestFlagRow>;
  /** The draft as the organiser reads it: plain paragraphs, one a line (the feed keeps the HTML). */
  draftContestReport: { postId: string; title: string; text: string };
  listContests: ContestCard[];
  getContest: ContestCard;
  startContestRound: ContestQuestionRound;
  answerContest: ContestAnswer;
  getContestBoard: ContestBoard;
  getContestRankSetting: { showRank: boolean };
  setContestRankSetting: { showRank: boolean };
}
