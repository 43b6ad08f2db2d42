// Daily study check-in rules (学习打卡): Beijing days, streaks kept incrementally, and the make-up
// (补卡) rules. Pure functions: the check-in function keeps a member's summary document and calls
// these, so a check-in never reads the member's history (it only grows).
//
// A summary holds the member's recent runs of consecutive checked days as closed intervals of day
// keys. A make-up may only fill a day within the last `windowDays`, so only runs that reach into
// that window can change; older runs are dropped once they cannot, and the longest streak is kept
// as a number.

import { addDays } from './time';

export interface DayRun {
  /** First and last day key of a run of consecutive checked days (made-up days included). */
  from: string;
  to: string;
}

export interface StreakSummary {
  /** Recent runs, oldest first, not overlapping and not adjacent. */
  runs: DayRun[];
  longest: number;
  total: number;
}

export const EMPTY_SUMMARY: StreakSummary = { runs: [], longest: 0, total: 0 };

export interface MakeupRules {
  /** A missed day may be made up this many days later at most (default 3). */
  windowDays: number;
  /** At most this many make-ups per Beijing calendar month, counted by the month they are made in (default 2). */
  perMonth: number;
}

export const DEFAULT_MAKEUP_RULES: MakeupRules = { windowDays: 3, perMonth: 2 };

/** Whole days from `a` to `b` (day keys), negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  const ms = Date.UTC(+b.slice(0, 4), +b.slice(5, 7) - 1, +b.slice(8, 10)) - Date.UTC(+a.slice(0, 4), +a.slice(5, 7) - 1, +a.slice(8, 10));
  return Math.round(ms / 86_400_000);
}

function runLength(r: DayRun): number {
  return daysBetween(r.from, r.to) + 1;
}

export function isChecked(summary: StreakSummary, day: string): boolean {
  return summary.runs.some((r) => r.from <= day && day <= r.to);
}

/**
 * Add one checked day. Adjacent runs merge; the longest streak and the total follow. Runs that
 * ended before the make-up window of `today` can never change again and are dropped.
 * Adding a day already checked returns the summary unchanged.
 */
export function addCheckedDay(summary: StreakSummary, day: string, today: string, rules: MakeupRules = DEFAULT_MAKEUP_RULES): StreakSummary {
  if (isChecked(summary, day)) return summary;
  let merged: DayRun = { from: day, to: day };
  const rest: DayRun[] = [];
  for (const r of summary.runs) {
    if (r.to === addDays(merged.from, -1)) merged = { from: r.from, to: merged.to };
    else if (r.from === addDays(merged.to, 1)) merged = { from: merged.from, to: r.to };
    else rest.push(r);
  }
  // A second pass: the merged run may now touch another one on the other side.
  const runs: DayRun[] = [];
  for (const r of rest) {
    if (r.to === addDays(merged.from, -1)) merged = { from: r.from, to: merged.to };
    else if (r.from === addDays(merged.to, 1)) merged = { from: merged.from, to: r.to };
    else runs.push(r);
  }
  runs.push(merged);
  runs.sort((a, b) => (a.from < b.from ? -1 : 1));
  const horizon = addDays(today, -(rules.windowDays + 1));
  // A run ending before the horizon cannot be extended by any future check-in or make-up.
  const kept = runs.filter((r) => r.to >= horizon);
  return {
    runs: kept,
    longest: Math.max(summary.longest, runLength(merged)),
    total: summary.total + 1,
  };
}

/** Days in the run that ends today, or yesterday (today's check-in is still open). 0 otherwise. */
export function currentStreak(summary: StreakSummary, today: string): number {
  const yesterday = addDays(today, -1);
  const run = summary.runs.find((r) => r.to === today || r.to === yesterday);
  return run ? runLength(run) : 0;
}

export type MakeupRefusal =
  | 'not_past' // today or a future day: that is a check-in, not a make-up
  | 'too_old' // beyond the window
  | 'already_checked'
  | 'before_start' // before the member could check in (joined, or the feature started)
  | 'month_quota'; // this month's make-ups are used up

export const MAKEUP_REFUSAL_TEXT: Record<MakeupRefusal, string> = {
  not_past: '只能补过去漏掉的日子，今天请直接打卡',
  too_old: '超过了可以补卡的天数',
  already_checked: '这一天已经打过卡了',
  before_start: '这一天还不能打卡',
  month_quota: '本月的补卡次数已经用完',
};

/** Whether `day` may be made up today; null when it may. */
export function makeupRefusal(
  summary: StreakSummary,
  day: string,
  today: string,
  usedThisMonth: number,
  rules: MakeupRules,
  firstDay: string,
): MakeupRefusal | null {
  const ago = daysBetween(day, today);
  if (ago < 1) return 'not_past';
  if (ago > rules.windowDays) return 'too_old';
  if (day < firstDay) return 'before_start';
  if (isChecked(summary, day)) return 'already_checked';
  if (usedThisMonth >= rules.perMonth) return 'month_quota';
  return null;
}

/** 'YYYY-MM' of a day key: make-ups are counted per calendar month in which they are made. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export type CalendarDay = { day: string; status: 'checked' | 'made_up' | 'missed' | 'makeup_open' | 'today_open' | 'future' | 'before_start' };

/**
 * A month for the calendar view. `checked` and `madeUp` are the member's days of that month (read
 * from the month document, one read); `makeupOpen` marks missed days still inside the window.
 */
export function monthCalendar(
  month: string,
  checked: Set<string>,
  madeUp: Set<string>,
  today: string,
  firstDay: string,
  rules: MakeupRules,
): CalendarDay[] {
  const [y, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const out: CalendarDay[] = [];
  for (let d = 1; d <= days; d++) {
    const day = `${month}-${String(d).padStart(2, '0')}`;
    let status: CalendarDay['status'];
    if (madeUp.has(day)) status = 'made_up';
    else if (checked.has(day)) status = 'checked';
    else if (day > today) status = 'future';
    else if (day === today) status = 'today_open';
    else if (day < firstDay) status = 'before_start';
    else if (daysBetween(day, today) <= rules.windowDays) status = 'makeup_open';
    else status = 'missed';
    out.push({ day, status });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Challenges: a themed run of days (for example 21 days of party-history study) with a number of
// days each member should check in. Progress is the member's checked days inside the range.

export type ChallengeStanding = 'upcoming' | 'completed' | 'on_track' | 'behind' | 'missed';

export const CHALLENGE_STANDING_TEXT: Record<ChallengeStanding, string> = {
  upcoming: '未开始',
  completed: '已达标',
  on_track: '进度正常',
  behind: '进度落后',
  missed: '未能达标',
};

export interface ChallengeRange {
  startDay: string;
  endDay: string;
  requiredDays: number;
}

/** Days in the challenge, both ends included. */
export function challengeLength(c: ChallengeRange): number {
  return daysBetween(c.startDay, c.endDay) + 1;
}

/**
 * Where a member stands, given their checked days inside the range and whether today is checked.
 * On track means at least the required pace so far: required × (days passed, today counted when
 * checked) / length, rounded down. Missed means the remaining days cannot make up the difference,
 * even checking in on every one of them (make-ups are ignored here: they are limited per month).
 */
export function challengeStanding(c: ChallengeRange, done: number, today: string, checkedToday: boolean): ChallengeStanding {
  if (done >= c.requiredDays) return 'completed';
  if (today < c.startDay) return 'upcoming';
  const length = challengeLength(c);
  const passedDays = Math.min(length, daysBetween(c.startDay, today) + (checkedToday ? 1 : 0));
  // Days still open to a normal check-in: today (unless checked) up to the end.
  const open = today > c.endDay ? 0 : daysBetween(today, c.endDay) + (checkedToday ? 0 : 1);
  if (done + open < c.requiredDays) return 'missed';
  const pace = Math.floor((c.requiredDays * passedDays) / length);
  return done >= pace ? 'on_track' : 'behind';
}

/** Months (YYYY-MM) a range of days touches, oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = +from.slice(0, 4);
  let m = +from.slice(5, 7);
  const endY = +to.slice(0, 4);
  const endM = +to.slice(5, 7);
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The daily reminder: once per Beijing day at the organisation's chosen time.

/** True once the Beijing clock has reached `time` ('HH:mm') on the day of `epochMs`. */
export function reminderDue(time: string, epochMs: number): boolean {
  const minutes = Math.floor((epochMs + 8 * 3_600_000) / 60_000) % (24 * 60);
  const [h, m] = time.split(':').map(Number);
  return minutes >= h * 60 + m;
}
