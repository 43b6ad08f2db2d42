// The daily round's summary line on today's 每日答题 cap (no Taro, no I/O), unit-tested in
// test/unit/quiz-summary-cap.test.ts.
import type { MyPoints } from '@core/contracts';

/**
 * '今日每日答题积分 4/5' or '今日每日答题积分 5/5，已达上限', from 我的积分's own figures (the cap is the
 * organisation's rule of the day, which the round's answer does not carry); null when there is
 * no cap to show: the source is switched off (cap 0), or the round belongs to another day than
 * the ledger's today (a round begun before midnight and finished after it).
 */
export function quizCapText(p: Pick<MyPoints, 'today' | 'bySource'>, roundDay: string): string | null {
  const quiz = p.bySource.find((s) => s.source === 'quiz');
  if (!quiz || quiz.cap === 0 || p.today !== roundDay) return null;
  return `今日${quiz.label}积分 ${quiz.earned}/${quiz.cap}${quiz.earned >= quiz.cap ? '，已达上限' : ''}`;
}
