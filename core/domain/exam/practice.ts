// What practice (the daily quiz, contests) may serve from the bank: never a question kept for exams
// only, nor one an exam or make-up window may still put on a paper, since practice shows the key
// right after each answer (docs/EXAMS.md, "What practice may serve"). Pure rules; the exam
// function pins questions when a window is published and reads the practice pool.

import { KEY_HOLD_LOOKBACK_MS } from './keys';

/**
 * How long past a window's close its questions stay pinned. An attempt can run past the close on
 * extra time (补时, stacked grants) or be reopened, a review may still be held for it, and clocks of
 * two functions differ a little; the key-hold rule looks back as far (KEY_HOLD_LOOKBACK_MS), so
 * practice and reviews treat a window as possibly open for the same span.
 */
export const PIN_MARGIN_MS = KEY_HOLD_LOOKBACK_MS;

/** Until when a window closing at `closesAt` pins its questions (epoch ms). */
export function pinnedUntilFor(closesAt: number): number {
  return closesAt + PIN_MARGIN_MS;
}

/**
 * The fields the rule reads, typed structurally: `examOnly` may be absent on older questions, and
 * `pinnedUntil` on a question no window ever pinned.
 */
export interface PracticeFacts {
  status: string;
  examOnly?: boolean | null;
  pinnedUntil?: number | null;
}

/**
 * May practice serve this question at `now`? Active, not exam-only, and pinned by no window that
 * may still be open: a pin ends at `pinnedUntil` (serving at that very instant is safe).
 */
export function isPracticeSafe(q: PracticeFacts, now: number): boolean {
  if (q.status !== 'active' || q.examOnly === true) return false;
  return !(typeof q.pinnedUntil === 'number' && q.pinnedUntil > now);
}
