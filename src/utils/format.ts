// Pure display helpers for the pages (no Taro, no I/O), unit-tested in test/unit/ui-format.test.ts.
import { beijingHour, beijingParts, pad2 } from '@core/domain/time';

/** A greeting for the Beijing time of day (the phone's own time zone may be anything). */
export function greetingAt(epochMs: number): string {
  const h = beijingHour(epochMs);
  if (h >= 5 && h < 9) return '早上好';
  if (h >= 9 && h < 12) return '上午好';
  if (h >= 12 && h < 14) return '中午好';
  if (h >= 14 && h < 18) return '下午好';
  return '晚上好';
}

/** What a member types as an invite code: letters and digits only, upper-case, at most 6. */
export function normaliseInviteCode(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase()
    .slice(0, 6);
}

/** 手机号后四位: digits only, at most 4. */
export function normalisePhoneTail(input: string): string {
  return input.replace(/\D/g, '').slice(0, 4);
}

/** Share of bound members as a whole percentage for a progress bar (0 when there is nobody). */
export function percent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((part / whole) * 100)));
}

// ---------------------------------------------------------------------------------------------
// Exams: times are always shown in Beijing time, whatever the phone's own zone.


/** '11月22日 09:00' in Beijing time; the year is added when it is not the current one. */
export function beijingDateTime(epochMs: number, now: number = Date.now()): string {
  const p = beijingParts(epochMs);
  const year = p.y === beijingParts(now).y ? '' : `${p.y}年`;
  return `${year}${p.m}月${p.d}日 ${p.time}`;
}

/** An exam's window: '11月22日 09:00–18:00' within one day, else '11月22日 09:00 至 11月29日 18:00'. */
export function examWindow(opensAt: number, closesAt: number, now: number = Date.now()): string {
  const a = beijingParts(opensAt);
  const b = beijingParts(closesAt);
  if (a.y === b.y && a.m === b.m && a.d === b.d) return `${beijingDateTime(opensAt, now)}–${b.time}`;
  return `${beijingDateTime(opensAt, now)} 至 ${beijingDateTime(closesAt, now)}`;
}

/** A countdown as mm:ss (minutes keep counting past 59, so a 90-minute exam reads 90:00). */
export function countdownText(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${pad2(Math.floor(total / 60))}:${pad2(total % 60)}`;
}

/** Time spent, in words: '12分05秒', '45秒', '1小时02分'. */
export function durationText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}秒`;
  if (s < 3600) return `${Math.floor(s / 60)}分${pad2(s % 60)}秒`;
  return `${Math.floor(s / 3600)}小时${pad2(Math.floor((s % 3600) / 60))}分`;
}

/** Scores may carry a half point (partial credit); whole numbers are shown without '.0'. */
export function scoreText(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

/** Question numbers for a sentence: '3、7、12', cut to the first `max` with '等'. */
export function numberList(numbers: number[], max = 10): string {
  if (numbers.length <= max) return numbers.join('、');
  return `${numbers.slice(0, max).join('、')} 等`;
}

export type ExamStatusKey = 'upcoming' | 'open' | 'in_progress' | 'passed' | 'failed' | 'missed' | 'closed';

/** A member's standing in an exam as a word and a symbol (never colour alone), with its tag style. */
export const EXAM_STATUS: Record<ExamStatusKey, { label: string; tone: 'plain' | 'red' | 'gold' | 'ok' | 'bad' }> = {
  upcoming: { label: '○ 未开始', tone: 'plain' },
  open: { label: '● 可参加', tone: 'red' },
  in_progress: { label: '✎ 答题中', tone: 'gold' },
  passed: { label: '✓ 已通过', tone: 'ok' },
  failed: { label: '✕ 未通过', tone: 'bad' },
  missed: { label: '— 缺考', tone: 'bad' },
  closed: { label: '已结束', tone: 'plain' },
};

// ---------------------------------------------------------------------------------------------
// 学习打卡: the calendar's day marks and month navigation.

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

/** What a reminder run did, in one sentence for a toast: parts that are zero are left out (but never the first). */
export function remindResultText(r: { sent: number; withoutCredit: number; alreadyReminded: number }): string {
  const parts = [`已提醒 ${r.sent} 人`];
  if (r.withoutCredit > 0) parts.push(`${r.withoutCredit} 人未开启提醒`);
  if (r.alreadyReminded > 0) parts.push(`${r.alreadyReminded} 人今天已提醒过`);
  return parts.join('，');
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
