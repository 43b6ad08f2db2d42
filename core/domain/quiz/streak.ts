// The daily quiz's streak (连续答题天数): a day counts when the member finished its scored round.
// A round belongs to the Beijing day it was started on, so a round started at 23:59 and finished
// after midnight counts for the day before — possibly after the next day's round was finished.
// The summary therefore keeps the last runs of consecutive days (as intervals) rather than a bare
// counter, and merges a late day into them.

import { addDays } from '../time';

export interface DayRun {
  from: string;
  to: string;
}

export interface QuizStreak {
  /** Recent runs of consecutive days, oldest first; none ends before the day before yesterday. */
  runs: DayRun[];
  longest: number;
  /** Days with a finished scored round, all time. */
  days: number;
}

export const EMPTY_STREAK: QuizStreak = { runs: [], longest: 0, days: 0 };

function length(r: DayRun): number {
  const ms = Date.UTC(+r.to.slice(0, 4), +r.to.slice(5, 7) - 1, +r.to.slice(8, 10)) - Date.UTC(+r.from.slice(0, 4), +r.from.slice(5, 7) - 1, +r.from.slice(8, 10));
  return Math.round(ms / 86_400_000) + 1;
}

/**
 * Add a finished day. Adjacent runs merge; a day already in a run changes nothing. Runs that ended
 * before the day before `today` can never grow again (only a round started yesterday can still
 * finish) and are dropped, so the summary stays two runs at most.
 */
export function addQuizDay(s: QuizStreak, day: string, today: string): QuizStreak {
  if (s.runs.some((r) => r.from <= day && day <= r.to)) return s;
  let merged: DayRun = { from: day, to: day };
  const rest: DayRun[] = [];
  for (const r of s.runs) {
    if (r.to === addDays(merged.from, -1)) merged = { from: r.from, to: merged.to };
    else if (r.from === addDays(merged.to, 1)) merged = { from: merged.from, to: r.to };
    else rest.push(r);
  }
  const horizon = addDays(today, -2);
  const runs = [...rest, merged].filter((r) => r.to >= horizon).sort((a, b) => (a.from < b.from ? -1 : 1));
  return { runs, longest: Math.max(s.longest, length(merged)), days: s.days + 1 };
}

/** Days in the run ending today, or yesterday (today's round may still come); 0 otherwise. */
export function currentQuizStreak(s: Pick<QuizStreak, 'runs'>, today: string): number {
  const yesterday = addDays(today, -1);
  const run = s.runs.find((r) => r.to === today || r.to === yesterday);
  return run ? length(run) : 0;
}

/** Whether the day's scored round is finished. */
export function dayDone(s: Pick<QuizStreak, 'runs'>, day: string): boolean {
  return s.runs.some((r) => r.from <= day && day <= r.to);
}
