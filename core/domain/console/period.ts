// The console's period: 本周 (Monday to today, Beijing days), 本月 (the 1st to today), or a range of
// Beijing days (at most 366). Pure: the server resolves it with its clock; the client shows it.

import { addDays, beijingDayKey, beijingDayStart } from '../time';

export type PeriodKind = 'week' | 'month' | 'range';

export interface PeriodInput {
  kind: PeriodKind;
  /** Only for 'range': Beijing days, YYYY-MM-DD. */
  fromDay?: string | null;
  toDay?: string | null;
}

export interface Period {
  kind: PeriodKind;
  fromDay: string;
  /** The last day counted: never after today. */
  toDay: string;
  /** 本周 (12月1日—12月4日), 本月 (12月1日—12月4日), 11月1日—11月30日. */
  label: string;
  /** Epoch ms of fromDay's start and of the day after toDay's start. */
  from: number;
  to: number;
  days: number;
}

export const MAX_PERIOD_DAYS = 366;

export class PeriodError extends Error {}

/** The weekday of a Beijing day, Monday = 0 … Sunday = 6. */
export function weekdayIndex(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return (d + 6) % 7;
}

function shortDay(day: string): string {
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}

function withYear(day: string, today: string): string {
  return day.slice(0, 4) === today.slice(0, 4) ? shortDay(day) : `${day.slice(0, 4)}年${shortDay(day)}`;
}

/** A YYYY-MM-DD that names a real day (2026-02-30 would otherwise roll over to 3月2日). */
export function isCalendarDay(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Resolves a period against `now`; throws PeriodError with a plain Chinese message. */
export function resolvePeriod(input: PeriodInput, now: number): Period {
  const today = beijingDayKey(now);
  let fromDay: string;
  let toDay: string;
  if (input.kind === 'week') {
    fromDay = addDays(today, -weekdayIndex(today));
    toDay = today;
  } else if (input.kind === 'month') {
    fromDay = `${today.slice(0, 8)}01`;
    toDay = today;
  } else {
    if (!input.fromDay || !input.toDay) throw new PeriodError('请选择开始和结束日期');
    if (!isCalendarDay(input.fromDay) || !isCalendarDay(input.toDay)) throw new PeriodError('日期无效');
    fromDay = input.fromDay;
    toDay = input.toDay > today ? today : input.toDay;
  }
  let from: number;
  let to: number;
  try {
    from = beijingDayStart(fromDay);
    to = beijingDayStart(addDays(toDay, 1));
  } catch {
    throw new PeriodError('日期无效');
  }
  if (Number.isNaN(from) || Number.isNaN(to)) throw new PeriodError('日期无效');
  if (from >= to) throw new PeriodError(fromDay > today ? '开始日期不能晚于今天' : '开始日期不能晚于结束日期');
  const days = Math.round((to - from) / 86_400_000);
  if (days > MAX_PERIOD_DAYS) throw new PeriodError(`一次最多查看 ${MAX_PERIOD_DAYS} 天`);
  const span = `${withYear(fromDay, today)}—${withYear(toDay, today)}`;
  const label = input.kind === 'week' ? `本周（${span}）` : input.kind === 'month' ? `本月（${span}）` : span;
  return { kind: input.kind, fromDay, toDay, label, from, to, days };
}
