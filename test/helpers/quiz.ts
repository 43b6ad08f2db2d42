// Playing the daily quiz in tests: the right (or a wrong) answer to a round's current question,
// read from the server-only round document, and a whole round played call by call.
import type { DailyAnswer, DailyRound, QuizQuestion } from '../../core/contracts/quiz';
import { COLLECTIONS } from '../../functions/lib/collections';
import { dataOf, type TestCloud } from './cloud';

/** What the tests read of a stored round (server-only: it holds the keys). */
export interface StoredRound {
  _id: string;
  at: number;
  fastCount: number;
  answers: unknown[];
  items: Array<{ qid: string; type: string; options: string[]; order: number[]; answer: number[]; blanks: string[][]; explanation: string }>;
}

export function roundDoc(t: TestCloud, roundId: string): StoredRound {
  return t.cloud.db.get(COLLECTIONS.quizRounds, roundId) as unknown as StoredRound;
}

/** The answer payload for `q` of the round: right, or wrong on purpose. */
export function answerFor(t: TestCloud, roundId: string, q: QuizQuestion, right = true): { roundId: string; qid: string; choice?: number[]; text?: string[] } {
  const item = roundDoc(t, roundId).items[q.index - 1];
  if (item.type === 'fill') return { roundId, qid: q.qid, text: item.blanks.map((b) => (right ? b[0] : '不知道')) };
  const shown = item.order.map((original, pos) => (item.answer.includes(original) ? pos : -1)).filter((p) => p >= 0);
  const wrong = item.order.map((_, pos) => pos).filter((p) => !shown.includes(p));
  return { roundId, qid: q.qid, choice: right ? shown : [wrong[0]] };
}

export interface Played {
  start: DailyRound;
  answers: DailyAnswer[];
  calls: number;
}

/**
 * Start (or continue) a round as `openid` and answer every question, `right` of them right, the
 * clock moved on `stepMs` before each answer (0: as fast as a script).
 */
export async function playRound(t: TestCloud, openid: string, opts: { right?: number; stepMs?: number } = {}): Promise<Played> {
  const stepMs = opts.stepMs ?? 20_000;
  const start = dataOf(await t.call<DailyRound>(openid, 'quiz', 'startDaily', {}));
  let calls = 1;
  const answers: DailyAnswer[] = [];
  let q: QuizQuestion | null = start.question;
  while (q) {
    if (stepMs > 0) t.cloud.clock.set(t.cloud.clock.now() + stepMs);
    const right = opts.right === undefined || q.index <= opts.right;
    const a: DailyAnswer = dataOf(await t.call<DailyAnswer>(openid, 'quiz', 'answerDaily', answerFor(t, start.roundId, q, right)));
    calls += 1;
    answers.push(a);
    q = a.next;
  }
  return { start, answers, calls };
}
