// The exam context's display helpers (no Taro, no I/O), unit-tested in test/unit/exam-format.test.ts.
// Times are always shown in Beijing time, whatever the phone's own zone.
import { beijingParts, pad2 } from '@core/domain/time';

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
