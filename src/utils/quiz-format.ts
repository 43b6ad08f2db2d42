// The daily quiz's display helpers (no Taro, no I/O), unit-tested in test/unit/quiz-format.test.ts.
import type { QuizQuestion, QuizVerdict } from '@core/contracts';

const LETTERS = 'ABCDEFGH';

export function letter(i: number): string {
  return LETTERS[i] ?? '?';
}

/** The right answer in words: 'B. 1921年' (each right option of a multiple choice), or the blanks' first answers. */
export function rightAnswerText(q: Pick<QuizQuestion, 'type' | 'options'>, v: Pick<QuizVerdict, 'correctChoice' | 'correctBlanks'>): string {
  if (q.type === 'fill') return v.correctBlanks.map((b) => b[0] ?? '').join('；');
  if (q.type === 'judge') return v.correctChoice.map((p) => q.options[p] ?? '').join('');
  return v.correctChoice.map((p) => `${letter(p)}. ${q.options[p] ?? ''}`).join('；');
}

/** What the member answered, in the same words. */
export function mineText(q: Pick<QuizQuestion, 'type' | 'options'>, v: Pick<QuizVerdict, 'mine'>): string {
  if (q.type === 'fill') return (v.mine.text ?? []).map((t) => t.trim() || '（空）').join('；');
  if (q.type === 'judge') return (v.mine.choice ?? []).map((p) => q.options[p] ?? '').join('');
  return (v.mine.choice ?? []).map((p) => `${letter(p)}. ${q.options[p] ?? ''}`).join('；');
}

/** The streak line: '连续答题 3 天', or an encouragement before the first day. */
export function streakText(days: number): string {
  return days > 0 ? `连续答题 ${days} 天` : '今天答完就开始连续答题';
}

/** The score in words: '答对 4 / 5 题'. */
export function scoreText(correct: number, total: number): string {
  return `答对 ${correct} / ${total} 题`;
}
