// Paper results (送题到家, 纸质考试): a score an organiser records by hand for a roster member who
// took the exam on paper. Pure rules; the exam context stores the record and moves the counters.

import { addDays } from '../time';

/** A hand record stands where an attempt's id would in a member's best result. */
export const PAPER_ATTEMPT_ID = 'paper';

/** The mark shown wherever a hand-recorded result is listed or exported. */
export const PAPER_MARK = '手工录入';

/** Why a score cannot be recorded for an exam worth `total`, naming the field; null when it can. */
export function paperScoreProblem(score: number, total: number): string | null {
  if (!Number.isFinite(score) || score < 0 || score > total) return `成绩应在 0 到 ${total} 分之间`;
  // Papers are marked in whole or half points; anything finer is a typing slip.
  if (Math.round(score * 2) !== score * 2) return '成绩只能是整数或半分（如 85 或 85.5）';
  return null;
}

/**
 * Why the day the paper was taken cannot be recorded, naming the field; null when it can. Not after
 * today (Beijing), and not more than a year back: an older paper belongs to an older exam.
 */
export function takenOnProblem(day: string, today: string): string | null {
  const [y, m, d] = day.split('-').map(Number);
  const parsed = new Date(Date.UTC(y, m - 1, d));
  if (parsed.getUTCFullYear() !== y || parsed.getUTCMonth() !== m - 1 || parsed.getUTCDate() !== d) return '考试日期不是有效的日期';
  if (day > today) return '考试日期不能晚于今天';
  if (day < addDays(today, -366)) return '考试日期不能早于一年前';
  return null;
}

/** One entry of a hand record's trace: what it was, what it became, who changed it, when and why. */
export interface PaperTraceEntry {
  at: number;
  by: string;
  byName: string;
  action: 'record' | 'correct' | 'withdraw';
  /** Null on the first record (nothing before) and after a withdrawal (nothing after). */
  from: number | null;
  to: number | null;
  reason: string;
}

/** The trace line as shown to organisers: 85 → 90（李强，原因）. */
export function traceLine(e: PaperTraceEntry): string {
  const what = e.action === 'record' ? `录入 ${e.to} 分` : e.action === 'withdraw' ? `撤销（原 ${e.from} 分）` : `更正 ${e.from} → ${e.to} 分`;
  return `${what}，${e.byName}：${e.reason}`;
}
