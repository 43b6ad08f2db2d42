// Each member's gaps (工作台 · 未参加): the states a member is in for each activity of a period, in
// the words the lists show. Pure, so the list, the member page and the export say the same thing.
// The states tell the truth: an entry never bound to WeChat cannot take part and is 未绑定, not a
// member who forgot; an exam still open is 未参加, and 缺考 only once its window has closed.

import { addDays, beijingDayKey } from '../time';
import { weekdayIndex } from './period';

export type GapActivity = 'exam' | 'checkin' | 'event' | 'quiz';
export const GAP_ACTIVITIES: readonly GapActivity[] = ['exam', 'checkin', 'event', 'quiz'];
export const ACTIVITY_WORDS: Record<GapActivity, string> = { exam: '考试', checkin: '学习打卡', event: '活动', quiz: '每日答题' };

/** Days without the daily quiz from which it counts as a gap (a day or two off is not chased). */
export const QUIZ_GAP_DAYS = 3;

export type ExamState = 'passed' | 'failed' | 'in_progress' | 'not_taken' | 'missed' | 'upcoming' | 'unbound';

export const EXAM_STATE_WORDS: Record<ExamState, string> = {
  passed: '已交卷（合格）',
  failed: '已交卷（未合格）',
  in_progress: '考试中',
  not_taken: '未参加',
  missed: '缺考',
  upcoming: '未开始',
  unbound: '未绑定',
};

/** A gap the organiser may act on: 未参加 (still open), 缺考 (closed), or 未绑定 (invite). */
export const isExamGap = (s: ExamState) => s === 'not_taken' || s === 'missed' || s === 'unbound';

export interface ExamWindow {
  opensAt: number;
  closesAt: number;
}

export interface ExamStanding {
  openAttemptId: string | null;
  best: { passed: boolean } | null;
}

/**
 * A member's state in one exam at `now`. An attempt under way is 考试中 (extra time may run past
 * the close); a paper handed in counts whatever the clock says; with neither, 未参加 while the
 * window is open and 缺考 only after it closed.
 */
export function examState(exam: ExamWindow, standing: ExamStanding | null, bound: boolean, now: number): ExamState {
  if (standing?.openAttemptId) return 'in_progress';
  if (standing?.best) return standing.best.passed ? 'passed' : 'failed';
  if (!bound) return 'unbound';
  if (now < exam.opensAt) return 'upcoming';
  return now < exam.closesAt ? 'not_taken' : 'missed';
}

export type CheckinState = 'ok' | 'week_zero' | 'none' | 'unbound';

export interface CheckinFacts {
  /** Days checked in (made-up ones included) within the period. */
  days: number;
  /** The period's days. */
  of: number;
  /** Days checked in this week (Monday to today), or null when the period does not reach today. */
  thisWeek: number | null;
}

/**
 * The check-in gap: none this week (本周未打卡) when the period reaches today, otherwise none in
 * the whole period. A few missed days are shown as a count (打卡 3/7 天), not chased.
 */
export function checkinState(f: CheckinFacts, bound: boolean): CheckinState {
  if (!bound) return 'unbound';
  if (f.thisWeek !== null) return f.thisWeek === 0 ? 'week_zero' : 'ok';
  return f.days === 0 ? 'none' : 'ok';
}

export function checkinWords(state: CheckinState, f: CheckinFacts): string {
  if (state === 'unbound') return '未绑定';
  const count = `打卡 ${f.days}/${f.of} 天`;
  if (state === 'week_zero') return f.days > 0 ? `本周未打卡（${count}）` : '本周未打卡';
  if (state === 'none') return '未打卡';
  return count;
}

/** The first day of `today`'s week (Monday), for "this week" of a period that reaches today. */
export function weekStart(today: string): string {
  return addDays(today, -weekdayIndex(today));
}

export type QuizState = 'ok' | 'stale' | 'never' | 'unbound';

export interface QuizFacts {
  /** The Beijing day of the member's last finished daily round, or null for never. */
  lastDay: string | null;
  /** Days since then (0: today), or null for never. */
  daysSince: number | null;
}

function dayNumber(day: string): number {
  return Math.round(Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / 86_400_000);
}

export function quizFacts(lastDay: string | null | undefined, now: number): QuizFacts {
  if (!lastDay) return { lastDay: null, daysSince: null };
  return { lastDay, daysSince: Math.max(0, dayNumber(beijingDayKey(now)) - dayNumber(lastDay)) };
}

export function quizState(f: QuizFacts, bound: boolean): QuizState {
  if (!bound) return 'unbound';
  if (f.daysSince === null) return 'never';
  return f.daysSince >= QUIZ_GAP_DAYS ? 'stale' : 'ok';
}

export function quizWords(state: QuizState, f: QuizFacts): string {
  if (state === 'unbound') return '未绑定';
  if (state === 'never') return '从未参加每日答题';
  if (f.daysSince === 0) return '今天已答题';
  // Counted as whole days without it: last done 3 days ago → "3 天没有答题".
  return state === 'stale' ? `${f.daysSince} 天没有答题` : `${f.daysSince} 天前答过题`;
}

export type EventState = 'attended' | 'absent' | 'signed';
export const EVENT_STATE_WORDS: Record<EventState, string> = { attended: '已到场', absent: '未到场', signed: '已报名' };

/** A confirmed place at an event: 已到场, 未到场 once it ended without attendance, else 已报名. */
export function eventState(endsAt: number, attended: boolean, now: number): EventState {
  if (attended) return 'attended';
  return now >= endsAt ? 'absent' : 'signed';
}

/** The Beijing days from `from` to `to` inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The `YYYY-MM` months a period touches, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = +from.slice(0, 4);
  let m = +from.slice(5, 7);
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > end) break;
    out.push(key);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}
