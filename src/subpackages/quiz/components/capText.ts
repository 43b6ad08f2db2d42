// The daily round's summary line on the day's 每日答题 cap (no Taro, no I/O), unit-tested in
// test/unit/quiz-summary-cap.test.ts.
import type { RoundSummary } from '@core/contracts';

/**
 * '今日每日答题积分 4/5' or '今日每日答题积分 5/5，已达上限', from what the round's last answer brought
 * (the ledger's figures of the round's day, as the summary's 今日得分 is that day's); null when there
 * is nothing to show: practice, no award made by this answer, or the source switched off (cap 0).
 */
export function quizCapText(pointsDay: RoundSummary['pointsDay']): string | null {
  if (!pointsDay || pointsDay.cap === 0) return null;
  return `今日每日答题积分 ${pointsDay.earned}/${pointsDay.cap}${pointsDay.earned >= pointsDay.cap ? '，已达上限' : ''}`;
}
