// The console's arithmetic (工作台): rates from counts, and the order children are compared in.
// Pure, shared by the server (which computes the figures) and the pages (which show them).

import type { ConsoleExam, ConsoleFigures, ExamPhase } from '../../contracts/console';
import { audienceReaches } from '../org/units';

/** A share 0–1, or null when there is nothing to divide by (an honest "—", never 0 %). */
export function rate(part: number, whole: number): number | null {
  if (!(whole > 0)) return null;
  return Math.min(1, Math.max(0, part / whole));
}

/** 87 %, or — when there is no rate. Whole percents: organisers compare, they do not audit. */
export function percentText(r: number | null): string {
  return r === null ? '—' : `${Math.round(r * 100)}%`;
}

/**
 * Children ordered for comparison: the lowest rate first (who needs a nudge is seen without
 * scrolling), those without a rate (nobody to ask) last, ties by name in the given order.
 */
export function lowestFirst<T>(items: readonly T[], rateOf: (item: T) => number | null): T[] {
  return items
    .map((item, i) => ({ item, i, r: rateOf(item) }))
    .sort((a, b) => {
      if (a.r === null || b.r === null) return a.r === null ? (b.r === null ? a.i - b.i : 1) : -1;
      return a.r - b.r || a.i - b.i;
    })
    .map((x) => x.item);
}

/** The sum of the waiting counts, and whether any is "at least". */
export function waitingTotal(items: ReadonlyArray<{ count: number; more: boolean }>): { count: number; more: boolean } {
  return { count: items.reduce((n, w) => n + w.count, 0), more: items.some((w) => w.more) };
}

// ---------------------------------------------------------------------------------------------
// One subtree's figures from the counts the contexts' ports return (functions/console/figures.ts).


export interface UnitCount {
  path: readonly string[];
  memberCount: number;
  boundCount: number;
  status: string;
}

export interface ExamCounts {
  examId: string;
  title: string;
  kind: 'exam' | 'makeup';
  opensAt: number;
  closesAt: number;
  audience: readonly string[];
  inviteOnly: boolean;
  invited: number;
  started: number;
  submitted: number;
  passed: number;
}

export interface SubtreeCounts {
  /** The units of the subtree (itself included). */
  units: readonly UnitCount[];
  days: number;
  checkins: number;
  quizParticipantDays: number;
  points: { points: number; members: number };
  exams: readonly ExamCounts[];
  events: { events: number; confirmed: number; attended: number };
  contests: { contests: number; participants: number; rounds: number };
}

export function examPhase(now: number, opensAt: number, closesAt: number): ExamPhase {
  return now < opensAt ? 'upcoming' : now < closesAt ? 'open' : 'closed';
}

/** One exam in a subtree: who it asks (the invited of a make-up, else the members its audience reaches), 未参加 while open, 缺考 after. */
export function examLine(e: ExamCounts, units: readonly UnitCount[], now: number): ConsoleExam {
  const audience = e.inviteOnly ? e.invited : units.filter((u) => audienceReaches(e.audience, u.path)).reduce((n, u) => n + u.memberCount, 0);
  const phase = examPhase(now, e.opensAt, e.closesAt);
  const missing = phase === 'upcoming' ? 0 : Math.max(0, audience - e.started);
  return {
    examId: e.examId,
    title: e.title,
    kind: e.kind,
    phase,
    closesAt: e.closesAt,
    audience,
    submitted: e.submitted,
    passed: e.passed,
    notYet: phase === 'closed' ? 0 : missing,
    absent: phase === 'closed' ? missing : 0,
  };
}

export function subtreeFigures(c: SubtreeCounts, now: number): ConsoleFigures {
  const members = c.units.reduce((n, u) => n + u.memberCount, 0);
  const bound = c.units.reduce((n, u) => n + u.boundCount, 0);
  const items = c.exams.map((e) => examLine(e, c.units, now));
  // Upcoming exams are listed but ask nothing yet: the rate is over those that have opened.
  const begun = items.filter((e) => e.phase !== 'upcoming');
  const audience = begun.reduce((n, e) => n + e.audience, 0);
  const submitted = begun.reduce((n, e) => n + e.submitted, 0);
  const passed = begun.reduce((n, e) => n + e.passed, 0);
  const possible = bound * c.days;
  return {
    units: c.units.filter((u) => u.status === 'active').length,
    members,
    bound,
    exams: { items, audience, submitted, passed, rate: rate(submitted, audience), passRate: rate(passed, submitted) },
    checkins: { total: c.checkins, possible, rate: rate(c.checkins, possible) },
    events: { count: c.events.events, confirmed: c.events.confirmed, attended: c.events.attended, rate: rate(c.events.attended, c.events.confirmed) },
    quiz: { participantDays: c.quizParticipantDays, possible, rate: rate(c.quizParticipantDays, possible) },
    contests: { count: c.contests.contests, participants: c.contests.participants, rounds: c.contests.rounds },
    points: { points: c.points.points, memberDays: c.points.members },
  };
}
