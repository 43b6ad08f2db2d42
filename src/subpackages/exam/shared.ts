// Small pure helpers shared by the exam pages (no Taro, no I/O).
import type { AnswerView, AttemptResult, AttemptView, PaperQuestion } from '@core/contracts';
import { OPTION_LETTERS } from '@core/domain/exam/questions';

/** getAttempt answers a running attempt's paper or, once handed in, its result. */
export function isResult(v: AttemptView | AttemptResult): v is AttemptResult {
  return v.status === 'submitted' && 'score' in v;
}

/** Whether an answer counts as given (the server applies the same rule when grading). */
export function isAnsweredView(q: PaperQuestion, a: AnswerView | undefined): boolean {
  if (!a) return false;
  if (q.type === 'fill') return (a.text ?? []).some((t) => t.trim() !== '');
  return (a.choice ?? []).length > 0;
}

/** Option letter for a shown position: A, B, C… */
export function letter(position: number): string {
  return OPTION_LETTERS[position] ?? String(position + 1);
}

/** Chosen positions as letters: 'A、C'. */
export function lettersOf(choice: number[] | undefined): string {
  return (choice ?? []).map(letter).join('、');
}
