// The daily quiz's burst for the bench: every bench member plays the day's scored round at once —
// a start (a new round each), then five answers, each phase one scenario so that the next
// question's id is known (read from the server-side rounds, as the phone gets it from the answer
// before). The clock moves 30 s before each answer, as a reader takes it, so no answer is flagged
// as too fast and the scenario measures the ordinary path.

import type { LocalCloud } from '../../localcloud';
import type { Result, Scenario } from './load';

interface StoredRound {
  memberId: string;
  at: number;
  items: Array<{ qid: string; type: string; order: number[]; answer: number[]; blanks: string[][] }>;
}

/**
 * The day's pools as production has them before the morning burst: the quiz's timer (every 10
 * minutes) builds tomorrow's from 20:00 Beijing time and today's when missing. Without this the
 * burst's first starts would each build the pool from the whole bank at once, which the design
 * avoids and no real morning sees.
 */
export async function prepareDailyPools(cloud: LocalCloud): Promise<void> {
  const { result } = await cloud.invoke('quiz', { Type: 'Timer', TriggerName: 'preparePools' }, { openid: '' });
  if (cloud.db.find('quizPools').length === 0) throw new Error(`bench: the quiz timer built no pool (${JSON.stringify(result).slice(0, 200)})`);
}

/** The right answer to a round's question at `index` (the bench members answer as a reader would). */
function answerBody(round: StoredRound & { _id: string }, index: number): string {
  const item = round.items[index];
  const payload =
    item.type === 'fill'
      ? { roundId: round._id, qid: item.qid, text: item.blanks.map((b) => b[0]) }
      : { roundId: round._id, qid: item.qid, choice: item.order.map((o, pos) => (item.answer.includes(o) ? pos : -1)).filter((p) => p >= 0) };
  return JSON.stringify({ action: 'answerDaily', payload });
}

/**
 * Start + five answers for each of `members` (their tokens in the same order). The answer phases
 * are for the members whose round the start phase made (a start phase cut by the time bound leaves
 * some without one): each phase's callers and count are set when it is prepared.
 */
export function quizScenarios(cloud: LocalCloud, members: string[], tokens: string[]): Scenario[] {
  const url = `${cloud.url}/api/fn/quiz`;
  const tokenOf = new Map(members.map((m, i) => [m, tokens[i]]));
  const rounds: Array<StoredRound & { _id: string }> = [];
  const answerPhase = (index: number): Scenario => {
    const phase: Scenario = {
      name: `local host: quiz.answerDaily, question ${index + 1} of 5${index === 4 ? ' (round ends: streak, unit counter, points)' : ''}`,
      url,
      bodies: [],
      tokens: [],
      once: members.length,
      prepare: () => {
        if (index === 0) {
          const open = cloud.db.find('quizRounds', { status: 'open' }) as unknown as Array<StoredRound & { _id: string }>;
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
      name: `local host: quiz.startDaily (${members.length} members, a new scored round each)`,
      url,
      bodies: [JSON.stringify({ action: 'startDaily', payload: {} })],
      tokens,
      once: members.length,
    },
    ...[0, 1, 2, 3, 4].map(answerPhase),
  ];
}

/**
 * A burst as one figure: the calls of the rows whose name starts with `prefix` over their seconds,
 * their p50 by phase and the slowest phase's p99.
 */
export function burstLine(rows: Array<{ name: string; result: Result }>, prefix: string, title: string): string {
  const phases = rows.filter((r) => r.name.startsWith(prefix));
  if (phases.length === 0) return '';
  const calls = phases.reduce((n, r) => n + r.result.requests, 0);
  const seconds = phases.reduce((n, r) => n + r.result.seconds, 0);
  const errors = phases.reduce((n, r) => n + r.result.errors, 0);
  const p99 = Math.max(...phases.map((r) => r.result.p99));
  const p50s = phases.map((r) => r.result.p50.toFixed(1)).join(' / ');
  return `${title}: ${calls} calls in ${seconds.toFixed(1)} s, ${Math.round(calls / Math.max(seconds, 1e-9))} calls/s, ${errors} errors; p50 by phase ${p50s} ms; worst p99 ${p99.toFixed(1)} ms.`;
}

/** The daily quiz's burst as one figure. */
export function quizRoundLine(rows: Array<{ name: string; result: Result }>): string {
  return burstLine(rows, 'local host: quiz.', 'Daily quiz burst, start + 5 answers per member (the six quiz rows together)');
}
