// The knowledge contest's burst for the bench: every bench member plays a counting round of an
// untimed contest at once — a start, then five answers, each phase one scenario so that the next
// question's id is known (read from the server-side rounds, as the phone gets it from the answer
// before). Untimed, so the bench's own pace between phases never makes an answer late; the clock
// moves 30 s before each answer, as a reader takes it, so none is too fast either.

import type { LocalCloud } from '../../localcloud';
import type { Result, Scenario } from './load';
import { burstLine } from './quiz';

interface StoredRound {
  memberId: string;
  contestId: string;
  items: Array<{ qid: string; type: string; order: number[]; answer: number[]; blanks: string[][] }>;
}

/** A published untimed contest of 5 questions for the whole demo organisation, open now; its id. */
export async function prepareContest(cloud: LocalCloud): Promise<string> {
  const call = async (action: string, payload: unknown) => {
    const { result } = await cloud.invoke('quiz', { action, payload }, { openid: 'demo-admin' });
    const r = result as { ok: boolean; data: { contestId: string }; message?: string };
    if (!r.ok) throw new Error(`${action}: ${r.message}`);
    return r.data;
  };
  const now = Date.now();
  const contest = { title: '压测知识竞赛', opensAt: now - 60_000, closesAt: now + 7 * 86_400_000, questionsPerRound: 5, secondsPerQuestion: null, countingRounds: 2, audienceUnitId: 'org-demo' };
  const { contestId } = await call('saveContest', { contest });
  await call('publishContest', { contestId });
  return contestId;
}

function answerBody(round: StoredRound & { _id: string }, index: number): string {
  const item = round.items[index];
  const payload =
    item.type === 'fill'
      ? { roundId: round._id, qid: item.qid, text: item.blanks.map((b) => b[0]) }
      : { roundId: round._id, qid: item.qid, choice: item.order.map((o, pos) => (item.answer.includes(o) ? pos : -1)).filter((p) => p >= 0) };
  return JSON.stringify({ action: 'answerContest', payload });
}

/** Start + five answers for each of `members` (their tokens in the same order). */
export function contestScenarios(cloud: LocalCloud, members: string[], tokens: string[], contestId: string): Scenario[] {
  const url = `${cloud.url}/api/fn/quiz`;
  const tokenOf = new Map(members.map((m, i) => [m, tokens[i]]));
  const rounds: Array<StoredRound & { _id: string }> = [];
  const answerPhase = (index: number): Scenario => {
    const phase: Scenario = {
      name: `local host: contest, quiz.answerContest, question ${index + 1} of 5${index === 4 ? ' (round ends: total, day score, unit counters, points, rank)' : ''}`,
      url,
      bodies: [],
      tokens: [],
      once: members.length,
      prepare: () => {
        if (index === 0) {
          const open = cloud.db.find('contestRounds', { contestId, status: 'open' }) as unknown as Array<StoredRound & { _id: string }>;
          rounds.push(...open.filter((r) => tokenOf.has(r.memberId)));
        }
        cloud.clock.set(cloud.clock.now() + 30_000);
        phase.tokens = rounds.map((r) => tokenOf.get(r.memberId) as string);
        phase.once = Math.max(1, rounds.length);
        return rounds.map((r) => answerBody(r, index));
      },
    };
    return phase;
  };
  return [
    {
      name: `local host: contest, quiz.startContestRound (${members.length} members, a counting round each)`,
      url,
      bodies: [JSON.stringify({ action: 'startContestRound', payload: { contestId } })],
      tokens,
      once: members.length,
    },
    ...[0, 1, 2, 3, 4].map(answerPhase),
  ];
}

/** The contest's burst as one figure; its rows are named apart from the daily quiz's ('local host: quiz.'). */
export function contestRoundLine(rows: Array<{ name: string; result: Result }>): string {
  return burstLine(rows, 'local host: contest, ', 'Knowledge contest burst, start + 5 answers per member (the six contest rows together)');
}
