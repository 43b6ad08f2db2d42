// Rules of the knowledge contest (知识竞赛): its settings' bounds, when a round counts, when an answer
// is in time, what a right answer is worth, and how the boards read. Pure functions: the quiz
// function stamps the times and keeps the counters; these say what they mean. docs/QUIZ.md,
// "知识竞赛", explains each number.

import { addDays, beijingDayKey } from '../time';

/** Questions in one round, as an organiser may set them. */
export const CONTEST_QUESTIONS = { min: 5, max: 50 } as const;
/** Seconds per question of a timed contest; null is untimed. */
export const CONTEST_SECONDS = { min: 10, max: 120 } as const;
/** Rounds a day that count for the boards (the rest are practice). */
export const CONTEST_COUNTING_ROUNDS = { min: 1, max: 5 } as const;
/** The longest window, in days: a contest is a campaign of days or weeks, not a standing board. */
export const CONTEST_MAX_DAYS = 31;
/** Tags a contest may draw its questions from (any of them). */
export const CONTEST_TAGS_MAX = 10;

/**
 * Network grace per question: an answer counts until `servedAt + seconds + 2 s`. The server stamps
 * `servedAt` when the question leaves it, so the member's countdown starts only when the question
 * reaches the phone: a round trip on 3G or an old phone is commonly 0.5–1.5 s, so 2 s lets a tap
 * made at the countdown's last moment count without giving anyone a usable extra second to look
 * an answer up.
 */
export const GRACE_MS = 2_000;
/**
 * In a timed contest the next question's time starts this long after the answer's verdict leaves
 * the server: the member reads the verdict and 解析 first (the page moves on by itself when the
 * pause is over). Its `servedAt` is stamped that far ahead, so the pause costs no one time, and an
 * answer arriving before it counts as too fast (no person has seen the question yet).
 */
export const CONTEST_BREAK_MS = 6_000;
/** A right answer's worth; a timed contest adds up to SPEED_BONUS for the time left. */
export const BASE_POINTS = 10;
export const SPEED_BONUS = 5;
/**
 * A round begun before the close may be finished this long after it (20 questions of 20 s take
 * under 8 minutes); later answers are refused and the unfinished round counts nothing.
 */
export const CLOSE_TAIL_MS = 30 * 60_000;
/** Those who did not opt in to a personal ranking appear on boards under this name. */
export const HIDDEN_NAME = '党员（未公开）';

export interface ContestRules {
  questionsPerRound: number;
  /** null: untimed. */
  secondsPerQuestion: number | null;
  countingRounds: number;
}

export type ContestPhase = 'draft' | 'upcoming' | 'open' | 'ended' | 'cancelled';

export function contestPhase(c: { status: 'draft' | 'published' | 'cancelled'; opensAt: number; closesAt: number }, now: number): ContestPhase {
  if (c.status === 'draft' || c.status === 'cancelled') return c.status;
  if (now < c.opensAt) return 'upcoming';
  return now < c.closesAt ? 'open' : 'ended';
}

/** The round numbered `number` of a member's day (1, 2, …) counts when it is one of the first `countingRounds`. */
export function roundCounts(number: number, countingRounds: number): boolean {
  return number >= 1 && number <= countingRounds;
}

/** When the next question's time starts, for an answer whose verdict leaves the server at `now`. */
export function nextServedAt(now: number, seconds: number | null): number {
  return seconds === null ? now : now + CONTEST_BREAK_MS;
}

/** The last instant an answer to a question served at `servedAt` is in time; null when untimed. */
export function answerDeadline(servedAt: number, seconds: number | null): number | null {
  return seconds === null ? null : servedAt + seconds * 1000 + GRACE_MS;
}

/** Whether an answer arriving at `at` came after its seconds and the grace (never, untimed). */
export function isLate(servedAt: number, seconds: number | null, at: number): boolean {
  const deadline = answerDeadline(servedAt, seconds);
  return deadline !== null && at > deadline;
}

/**
 * How early the phone's "time ran out" (an empty answer, timed contests only) may reach the
 * server: from `servedAt + seconds − 1 s`. The phone's countdown starts when the question reaches
 * it, after `servedAt`, so its time-up can only arrive after the seconds are over on the server's
 * clock; 1 s leaves room for a phone whose clock was stepped (a network time correction) or runs
 * fast during the question. Earlier, it is no phone's countdown but a script asking for the key:
 * refused, no key, counted as `refused`. 1 s buys a script nothing: it still waits 19 of 20 s.
 */
export const TIME_UP_TOLERANCE_MS = 1_000;

/** Whether "time ran out" for a question served at `servedAt` may be taken at `at` (never untimed). */
export function isTimeUp(servedAt: number, seconds: number | null, at: number): boolean {
  return seconds !== null && at >= servedAt + seconds * 1000 - TIME_UP_TOLERANCE_MS;
}

/** The refusal of an answer after its seconds and the grace; the play page knows it by these words. */
export const LATE_ANSWER_MESSAGE = '本题作答时间已过，不计分';
/** The refusal of a "time ran out" sent before the question's time was up. */
export const EARLY_TIME_UP_MESSAGE = '本题的答题时间还没到，请选择答案后再提交';

/**
 * What one answer scores. Wrong, late or too fast to have been read: 0. Untimed: BASE_POINTS. Timed:
 * BASE_POINTS plus SPEED_BONUS × the share of the seconds left, rounded — the grace is taken off
 * the time used first, so the network's delay costs no one their bonus:
 *   used = max(0, at − servedAt − GRACE_MS); bonus = round(SPEED_BONUS × max(0, limit − used) / limit).
 */
export function answerPoints(a: { correct: boolean; late: boolean; fast: boolean; servedAt: number; at: number; seconds: number | null }): number {
  if (!a.correct || a.late || a.fast) return 0;
  if (a.seconds === null) return BASE_POINTS;
  const limit = a.seconds * 1000;
  const used = Math.max(0, a.at - a.servedAt - GRACE_MS);
  return BASE_POINTS + Math.round((SPEED_BONUS * Math.max(0, limit - used)) / limit);
}

/** The most a round can score. */
export function roundMax(rules: Pick<ContestRules, 'questionsPerRound' | 'secondsPerQuestion'>): number {
  return rules.questionsPerRound * (BASE_POINTS + (rules.secondsPerQuestion === null ? 0 : SPEED_BONUS));
}

/** A round's score on the 0–100 scale the points ledger's contest rule reads. */
export function scoreOutOf100(score: number, max: number): number {
  return max > 0 ? Math.max(0, Math.min(100, Math.round((100 * score) / max))) : 0;
}

/** Participation rate as a whole percentage (0 when the subtree has no members). */
export function ratePercent(participants: number, members: number): number {
  return members > 0 ? Math.min(100, Math.round((100 * participants) / members)) : 0;
}

/** Average score of a counting round, one decimal (0 with no rounds). */
export function averageScore(scoreSum: number, rounds: number): number {
  return rounds > 0 ? Math.round((10 * scoreSum) / rounds) / 10 : 0;
}

/** The name a board shows: the member's own to those who opted in, HIDDEN_NAME otherwise. */
export function boardName(name: string, showRank: boolean): string {
  return showRank ? name : HIDDEN_NAME;
}

/** The Beijing days of a contest up to `now` (or its close), oldest first, at most CONTEST_MAX_DAYS + 1. */
export function contestDays(opensAt: number, closesAt: number, now: number): string[] {
  const first = beijingDayKey(opensAt);
  const last = beijingDayKey(Math.max(opensAt, Math.min(now, closesAt - 1)));
  const out: string[] = [];
  for (let d = first; d <= last && out.length <= CONTEST_MAX_DAYS; d = addDays(d, 1)) out.push(d);
  return out;
}

/** What is wrong with a contest's window and rules, in words for the organiser, or null. */
export function contestProblem(c: ContestRules & { opensAt: number; closesAt: number }): string | null {
  if (c.closesAt <= c.opensAt) return '结束时间应晚于开始时间';
  if (c.closesAt - c.opensAt > CONTEST_MAX_DAYS * 86_400_000) return `竞赛最长${CONTEST_MAX_DAYS}天`;
  if (c.questionsPerRound < CONTEST_QUESTIONS.min || c.questionsPerRound > CONTEST_QUESTIONS.max) return `每局题数应在${CONTEST_QUESTIONS.min}到${CONTEST_QUESTIONS.max}之间`;
  if (c.secondsPerQuestion !== null && (c.secondsPerQuestion < CONTEST_SECONDS.min || c.secondsPerQuestion > CONTEST_SECONDS.max)) {
    return `每题限时应在${CONTEST_SECONDS.min}到${CONTEST_SECONDS.max}秒之间，或不限时`;
  }
  if (c.countingRounds < CONTEST_COUNTING_ROUNDS.min || c.countingRounds > CONTEST_COUNTING_ROUNDS.max) return `每天计分局数应在${CONTEST_COUNTING_ROUNDS.min}到${CONTEST_COUNTING_ROUNDS.max}之间`;
  return null;
}

export interface ContestSums {
  participants: number;
  rounds: number;
  scoreSum: number;
}

export const NO_SUMS: ContestSums = { participants: 0, rounds: 0, scoreSum: 0 };

/**
 * Subtree totals: each unit's own figures added to every unit on its path, so a unit's sum is its
 * whole subtree. Units no longer in the tree are dropped (their history stays under their id).
 */
export function subtreeSums(units: ReadonlyArray<{ _id: string; path: readonly string[] }>, own: ReadonlyArray<{ unitId: string } & ContestSums>): Map<string, ContestSums> {
  const paths = new Map(units.map((u) => [u._id, u.path]));
  const sums = new Map<string, ContestSums>();
  for (const row of own) {
    for (const id of paths.get(row.unitId) ?? []) {
      const s = sums.get(id) ?? NO_SUMS;
      sums.set(id, { participants: s.participants + row.participants, rounds: s.rounds + row.rounds, scoreSum: s.scoreSum + row.scoreSum });
    }
  }
  return sums;
}

/** Members of each unit's subtree, from the units' own roster counters. */
export function subtreeMembers(units: ReadonlyArray<{ _id: string; path: readonly string[]; memberCount: number }>): Map<string, number> {
  const out = new Map<string, number>();
  for (const u of units) for (const id of u.path) out.set(id, (out.get(id) ?? 0) + (u.memberCount ?? 0));
  return out;
}

/** Competition ranking of a list sorted by total, highest first: equal totals share a place (1, 2, 2, 4). */
export function competitionRanks(totals: readonly number[]): number[] {
  const out: number[] = [];
  totals.forEach((t, i) => out.push(i > 0 && totals[i - 1] === t ? out[i - 1] : i + 1));
  return out;
}
