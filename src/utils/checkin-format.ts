// The check-in context's display helpers (no Taro, no I/O), unit-tested in
// test/unit/checkin-format.test.ts: the calendar's day marks and month navigation, the words and
// bars of the statistics, and challenges.
import { pad2 } from '@core/domain/time';
import { percent } from './format';

export type CheckinDayStatus = 'checked' | 'made_up' | 'missed' | 'makeup_open' | 'today_open' | 'future' | 'before_start';

/** A calendar day's mark and word (never colour alone); '' when the day shows only its number. */
export const CHECKIN_DAY: Record<CheckinDayStatus, { mark: string; word: string }> = {
  checked: { mark: '✓', word: '已打卡' },
  made_up: { mark: '补', word: '已补卡' },
  missed: { mark: '漏', word: '漏打卡' },
  makeup_open: { mark: '可补', word: '可补卡' },
  today_open: { mark: '今', word: '今天未打卡' },
  future: { mark: '', word: '' },
  before_start: { mark: '', word: '' },
};

/** 'YYYY-MM' moved by n months. */
export function shiftMonth(month: string, n: number): string {
  const d = new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7) - 1 + n, 1));
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}`;
}

/** '2024年5月' for 'YYYY-MM'. */
export function monthTitle(month: string): string {
  return `${+month.slice(0, 4)}年${+month.slice(5, 7)}月`;
}

/** Blank cells before the 1st in a week starting on Monday (一 … 日). */
export function leadingBlanks(month: string): number {
  const dow = new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7) - 1, 1)).getUTCDay();
  return (dow + 6) % 7;
}

/** '5月3日' for a day key. */
export function dayTitle(day: string): string {
  return `${+day.slice(5, 7)}月${+day.slice(8, 10)}日`;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** '周三' for a day key (the calendar weekday of that date; no time zone is involved). */
export function weekdayText(day: string): string {
  return `周${WEEKDAYS[new Date(Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10))).getUTCDay()]}`;
}

/** '5月1日 至 5月21日'; the years are written out when the two days fall in different years. */
export function dayRangeText(from: string, to: string): string {
  if (from.slice(0, 4) === to.slice(0, 4)) return `${dayTitle(from)} 至 ${dayTitle(to)}`;
  return `${+from.slice(0, 4)}年${dayTitle(from)} 至 ${+to.slice(0, 4)}年${dayTitle(to)}`;
}

/**
 * Height of a bar in a small chart, as a percentage of its track: the share of members, with a
 * sliver for any non-zero count so that one check-in in a large branch is still visible.
 */
export function barHeight(count: number, members: number): number {
  if (count <= 0) return 0;
  return Math.max(4, percent(count, members));
}

/** The average daily completion rate over some days, as a whole percentage (0 without members). */
export function averageRate(days: Array<{ count: number }>, members: number): number {
  if (days.length === 0 || members <= 0) return 0;
  const total = days.reduce((s, d) => s + d.count, 0);
  return percent(total, members * days.length);
}

/** A member's check-in on a roster day as a word with a mark (never colour alone). */
export function rosterStatus(row: { checkedIn: boolean; madeUp: boolean }): { key: 'checked' | 'made_up' | 'missing'; label: string } {
  if (!row.checkedIn) return { key: 'missing', label: '○ 未打卡' };
  if (row.madeUp) return { key: 'made_up', label: '补 补卡' };
  return { key: 'checked', label: '✓ 已打卡' };
}

export type ChallengePhase = 'upcoming' | 'running' | 'ended' | 'cancelled';

/** Where a challenge is in time on `today` (a Beijing day key); a cancelled one stays cancelled. */
export function challengePhase(c: { startDay: string; endDay: string; status: 'active' | 'cancelled' }, today: string): ChallengePhase {
  if (c.status === 'cancelled') return 'cancelled';
  if (today < c.startDay) return 'upcoming';
  if (today > c.endDay) return 'ended';
  return 'running';
}

export const CHALLENGE_PHASE: Record<ChallengePhase, { label: string; tone: 'plain' | 'red' | 'gold' }> = {
  upcoming: { label: '○ 未开始', tone: 'gold' },
  running: { label: '● 进行中', tone: 'red' },
  ended: { label: '■ 已结束', tone: 'plain' },
  cancelled: { label: '✕ 已取消', tone: 'plain' },
};
