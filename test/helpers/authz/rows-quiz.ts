// The quiz context's rows: the member's own daily quiz (a round is its member's alone: anyone
// else is told it does not exist) and the organisers' list of flagged answers; then the contests.

import { CALLERS } from './types';
import { A } from './fixture';
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

// Knowledge contests (知识竞赛): set up by A's organisers for A; played, read and ranked by A's
// members; the rank opt-in is each member's own.
const DAY = 86_400_000;
const ORGANISER = CALLERS.organiser;

function contestOf(fx: Fixture, title: string) {
  const now = fx.t.cloud.clock.now();
  return { title, description: '', opensAt: now - 60_000, closesAt: now + 2 * DAY, questionsPerRound: 5, secondsPerQuestion: null, countingRounds: 2, audienceUnitId: A, tags: [] };
}

async function newContest(fx: Fixture, publish: boolean): Promise<string> {
  const { contestId } = await fx.ok<{ contestId: string }>(ORGANISER, 'quiz', 'saveContest', { contest: contestOf(fx, fx.unique('矩阵竞赛')) });
  if (publish) await fx.ok(ORGANISER, 'quiz', 'publishContest', { contestId });
  return contestId;
}

/** One published contest of A per fixture, for the rows that only read or play it. */
const shared = new WeakMap<Fixture, Promise<string>>();
const sharedContest = (fx: Fixture) => {
  let id = shared.get(fx);
  if (!id) {
    id = newContest(fx, true);
    shared.set(fx, id);
  }
  return id;
};

/** A's member's contest round under way, at its current question, with an answer. */
async function contestAnswer(fx: Fixture): Promise<{ roundId: string; qid: string; choice?: number[]; text?: string[] }> {
  const round = await fx.ok<{ roundId: string; question: { qid: string; type: string; blankCount: number } }>(CALLERS.member, 'quiz', 'startContestRound', { contestId: await sharedContest(fx) });
  const q = round.question;
  return q.type === 'fill' ? { roundId: round.roundId, qid: q.qid, text: Array.from({ length: q.blankCount }, () => '答') } : { roundId: round.roundId, qid: q.qid, choice: [0] };
}

Object.assign(quizRows, {
  saveContest: { who: 'organiser-of-target', payload: (fx) => ({ contest: contestOf(fx, fx.unique('矩阵竞赛草稿')) }) },
  publishContest: { who: 'organiser-of-target', payload: async (fx) => ({ contestId: await newContest(fx, false) }) },
  cancelContest: { who: 'organiser-of-target', payload: async (fx) => ({ contestId: await newContest(fx, true) }) },
  // The organiser reads: A's contest reaches no unit of B, so B's organiser is refused. A contest
  // of a wider audience is read, for their own units only, by every organiser whose subtree lies in
  // it (read-only): test/integration/quiz-contest-branch.test.ts.
  getManagedContest: { who: 'organiser-of-target', payload: async (fx) => ({ contestId: await sharedContest(fx) }) },
  listManagedContests: { who: 'any-organiser', ownOrg: true },
  getContestFigures: { who: 'organiser-of-target', payload: async (fx) => ({ contestId: await sharedContest(fx) }) },
  listContestFlags: { who: 'organiser-of-target', payload: async (fx) => ({ contestId: await sharedContest(fx) }) },
  // Before the close there is nothing to report: a state rule.
  draftContestReport: { who: 'organiser-of-target', allowed: ['FAILED_PRECONDITION'], payload: async (fx) => ({ contestId: await sharedContest(fx) }) },
  listContests: { who: 'anyone-bound', ownOrg: true },
  getContest: { who: 'audience', payload: async (fx) => ({ contestId: await sharedContest(fx) }) },
  startContestRound: { who: 'audience', payload: async (fx) => ({ contestId: await sharedContest(fx) }) },
  // Only the round's member; its verdict shows the key of the question they just answered.
  answerContest: { who: 'self', ownReview: true, payload: (fx) => contestAnswer(fx) },
  getContestBoard: { who: 'audience', payload: async (fx) => ({ contestId: await sharedContest(fx), board: 'total' }) },
  getContestRankSetting: { who: 'anyone-bound', ownOrg: true },
  setContestRankSetting: { who: 'anyone-bound', ownOrg: true, payload: () => ({ showRank: true }) },
} satisfies Table);
