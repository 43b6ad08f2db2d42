// The quiz context's rows: the member's own daily quiz (a round is its member's alone: anyone
// else is told it does not exist) and the organisers' list of flagged answers.

import { CALLERS } from './types';
import type { Fixture } from './fixture';
import type { Table } from './types';

/** A's member's round under way (started, or continued), at its current question, with an answer. */
async function memberAnswer(fx: Fixture): Promise<{ roundId: string; qid: string; choice?: number[]; text?: string[] }> {
  const round = await fx.ok<{ roundId: string; question: { qid: string; type: string; blankCount: number } }>(CALLERS.member, 'quiz', 'startDaily');
  const q = round.question;
  return q.type === 'fill' ? { roundId: round.roundId, qid: q.qid, text: Array.from({ length: q.blankCount }, () => '答') } : { roundId: round.roundId, qid: q.qid, choice: [0] };
}

export const quizRows: Table = {
  getDaily: { who: 'anyone-bound', ownOrg: true },
  // The foreign organisation has no bank: its admin is told so (a state rule).
  startDaily: { who: 'anyone-bound', ownOrg: true, allowed: ['FAILED_PRECONDITION'] },
  // Only the round's member; its verdict shows the key of the question they just answered.
  answerDaily: { who: 'self', ownReview: true, payload: (fx) => memberAnswer(fx) },
  listQuizFlags: { who: 'any-organiser', ownOrg: true },
};
