// Playing knowledge contests in tests: the right (or a wrong) answer to a round's current question,
// read from the server-only round document, and a whole round played call by call.
import type { ContestAnswer, ContestQuestionRound, QuizQuestion } from '../../core/contracts/quiz';
import { COLLECTIONS } from '../../functions/lib/collections';
import { dataOf, type TestCloud } from './cloud';

/** The UTC instant of a Beijing wall-clock time. */
export const beijing = (d: string, hh: number, mm = 0, ss = 0) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), hh - 8, mm, ss);

export interface StoredContestRound {
  _id: string;
  at: number;
  score: number;
  counting: boolean;
  lateCount: number;
  fastCount: number;
  answers: Array<{ points: number; late: boolean; fast: boolean; timedOut: boolean; correct: boolean; choice?: number[] }>;
  items: Array<{ qid: string; type: string; options: string[]; order: number[]; answer: number[]; blanks: string[][]; explanation: string }>;
}

export function contestRoundDoc(t: TestCloud, roundId: string): StoredContestRound {
  return t.cloud.db.get(COLLECTIONS.contestRounds, roundId) as unknown as StoredContestRound;
}

/** The answer payload for `q` of the round: right, or wrong on purpose. */
export function contestAnswerFor(t: TestCloud, roundId: string, q: QuizQuestion, right = true): { roundId: string; qid: string; choice?: number[]; text?: string[] } {
  const item = contestRoundDoc(t, roundId).items[q.index - 1];
  if (item.type === 'fill') return { roundId, qid: q.qid, text: item.blanks.map((b) => (right ? b[0] : '不知道')) };
  const shown = item.order.map((original, pos) => (item.answer.includes(original) ? pos : -1)).filter((p) => p >= 0);
  const wrong = item.order.map((_, pos) => pos).filter((p) => !shown.includes(p));
  return { roundId, qid: q.qid, choice: right ? shown : [wrong[0]] };
}

export interface PlayedContest {
  start: ContestQuestionRound;
  answers: ContestAnswer[];
  calls: number;
}

/**
 * Start (or continue) a round of `contestId` as `openid` and answer every question, the first
 * `right` of them right, each `stepMs` after its time began (0: as fast as a script); a timed
 * contest's pause for reading the verdict is waited out.
 */
export async function playContest(t: TestCloud, openid: string, contestId: string, opts: { right?: number; stepMs?: number } = {}): Promise<PlayedContest> {
  const stepMs = opts.stepMs ?? 5_000;
  const start = dataOf(await t.call<ContestQuestionRound>(openid, 'quiz', 'startContestRound', { contestId }));
  let calls = 1;
  const answers: ContestAnswer[] = [];
  let q: QuizQuestion | null = start.question;
  let servedAt = start.servedAt;
  while (q) {
    t.cloud.clock.set(Math.max(t.cloud.clock.now(), servedAt + stepMs));
    const right = opts.right === undefined || q.index <= opts.right;
    const a: ContestAnswer = dataOf(await t.call<ContestAnswer>(openid, 'quiz', 'answerContest', contestAnswerFor(t, start.roundId, q, right)));
    calls += 1;
    answers.push(a);
    q = a.next;
    servedAt = a.servedAt ?? servedAt;
  }
  return { start, answers, calls };
}
