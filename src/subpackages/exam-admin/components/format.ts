// Display helpers for the organiser's exam pages: words for states, Beijing times, durations.
// Pure functions (no Taro, no I/O); the rules themselves live in core/domain/exam/.
import type { ManagedExamRow, RosterRow } from '@core/contracts';
import { formatBeijing } from '@core/domain/time';

/** Each phase as a word with a symbol, so the state never rests on colour alone. */
export const PHASE_LABELS: Record<ManagedExamRow['phase'], string> = {
  draft: '✎ 草稿',
  upcoming: '○ 未开始',
  open: '● 进行中',
  closed: '■ 已结束',
};

export const PHASE_TAG_CLASS: Record<ManagedExamRow['phase'], string> = {
  draft: 'tag',
  upcoming: 'tag tag--gold',
  open: 'tag tag--red',
  closed: 'tag',
};

/** 'absent' reads 未参加 while the exam is open and 缺考 after it: see rosterStatusLabel. */
export const ROSTER_STATUS_LABELS: Record<RosterRow['status'], string> = {
  absent: '○ 未参加',
  in_progress: '… 答题中',
  passed: '✓ 及格',
  failed: '✕ 不及格',
};

/** A roster status in words; not having taken it is 缺考 only once the exam has closed (the server says which). */
export function rosterStatusLabel(status: RosterRow['status'], absentLabel: '未参加' | '缺考'): string {
  return status === 'absent' ? `○ ${absentLabel}` : ROSTER_STATUS_LABELS[status];
}

/** "2025-03-01 09:00 至 03-08 18:00" (the year once when both ends share it). */
export function formatWindow(opensAt: number, closesAt: number): string {
  const a = formatBeijing(opensAt);
  const b = formatBeijing(closesAt);
  return a.slice(0, 4) === b.slice(0, 4) ? `${a} 至 ${b.slice(5)}` : `${a} 至 ${b}`;
}

/** "12分30秒", "1小时5分"; "—" when unknown. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (h > 0) return `${h}小时${m}分`;
  if (m > 0) return rest > 0 ? `${m}分${rest}秒` : `${m}分钟`;
  return `${rest}秒`;
}

/** A countdown "08:05" (minutes:seconds) or "1:02:05"; "已到时" once it is over. */
export function formatCountdown(ms: number): string {
  if (ms <= 0) return '已到时';
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function formatScore(score: number | null): string {
  return score === null ? '—' : `${score}`;
}
