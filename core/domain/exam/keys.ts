// Who may read an answer key, and when (docs/SECURITY.md, "Exam answer keys"). A question's key
// is its correct choices or accepted blanks and its explanation. A published exam is a *window*
// for the people its audience reaches (a make-up: those it invited); while the window is open to
// someone, the key of every question it may put on a paper — a fixed paper's questions, a drawn
// paper's whole pool — is held from them in every answer, whichever exam or bank page asks.
// Pure rules; functions/exam/keys.ts finds the windows.

import type { ReleasePolicy } from './index';
import type { QuestionContent } from './questions';

/**
 * Windows that closed less than this long ago are still looked at: an attempt may run past the
 * close on extra time (补时) or be reopened, and its window stays open to that member while it runs.
 */
export const KEY_HOLD_LOOKBACK_MS = 24 * 3600_000;

/** At most this many windows are read per answer; more still open than this holds every key. */
export const KEY_HOLD_WINDOW_LIMIT = 50;

/** Who is asking: a member reading a released review, or an organiser reading the bank. */
export type KeyReader = 'review' | 'bank';

export interface WindowFacts {
  closesAt: number;
  inviteOnly: boolean;
  maxAttempts: number;
  releaseAnswers: ReleasePolicy;
}

export interface TakerFacts {
  invited: boolean;
  attemptsUsed: number;
  openAttemptId: string | null;
}

/**
 * Does a published window whose audience reaches the reader hold its keys from them at `now`?
 * Never once it is closed for them (no attempt of theirs running). While it is open:
 * - review (a member): held, unless the window's own rule already shows its answers to them
 *   (answers on submit, and their attempts are used up) — a taker who has handed in still holds
 *   the key of an exam that shows answers after it closes, as that exam's own review does;
 * - bank (an organiser): held while they may still take it or are taking it; once their own
 *   attempts are over they may read and fix the bank (docs/SECURITY.md, rule 2).
 */
export function windowHoldsKey(w: WindowFacts, taker: TakerFacts | null, now: number, reader: KeyReader): boolean {
  if (w.inviteOnly && !taker?.invited) return false;
  if (taker?.openAttemptId) return true;
  if (now >= w.closesAt) return false;
  const over = (taker?.attemptsUsed ?? 0) >= w.maxAttempts;
  if (reader === 'bank') return !over;
  return !(over && w.releaseAnswers === 'after_submit');
}

export type HeldKeyEdit = { ok: true; question: QuestionContent } | { ok: false; reason: string };

/**
 * An edit of a question by someone who may not read its key (their page has none to show). What
 * they leave empty — the answer (choice, judge), the blanks (fill), the explanation — keeps the
 * stored one, so saving never erases a key; what they write replaces it, as written (they still
 * read nothing of the stored key). A kept answer or set of blanks must still fit the question, so
 * its type and number of options cannot change then; that refusal depends only on what the
 * editor sees (type, options), never on the key.
 */
export function editWithHeldKey(edit: QuestionContent, stored: QuestionContent): HeldKeyEdit {
  const fill = edit.type === 'fill';
  const keepsKey = fill ? edit.blanks.length === 0 : edit.answer.length === 0;
  if (keepsKey && (edit.type !== stored.type || edit.options.length !== stored.options.length)) {
    return { ok: false, reason: '您可能参加含有此题的考试，暂看不到它的答案：改题型或选项个数时请一并给出答案，或在交卷、考试结束后再改' };
  }
  return {
    ok: true,
    question: {
      ...edit,
      answer: !fill && keepsKey ? stored.answer : edit.answer,
      blanks: fill && keepsKey ? stored.blanks : edit.blanks,
      explanation: edit.explanation === '' ? stored.explanation : edit.explanation,
    },
  };
}
