// Forged fields counted (docs/QUIZ.md, "Anti-automation"): a payload of a member's play action
// (startDaily, answerDaily, startContestRound, answerContest) refused at the door — a score, a
// time, points or an identity sent along, or any other shape the app never sends — is recorded
// as `refused` for the flags, like the refusals the actions make themselves. Under the contest
// when the payload names a round of the caller's or a contest of their audience (one read to know
// it), else on the member's day record: no document is ever keyed by a value the client sent.
// Costs: identity (1 read), the round or the contest named (1 read, contest actions with a
// well-formed id only), the record (1 write, 2 on its first). Nothing for a caller not bound.

import { idField } from '../../core/contracts/common';
import { COLLECTIONS } from '../lib/collections';
import { getById } from '../lib/db';
import type { ActionContext } from '../lib/router';
import { findCaller, type Caller } from '../org/ports';
import { inAudience } from './contestAccess';
import { recordContestFlag } from './contestFlags';
import type { ContestDoc, ContestRoundDoc } from './contestModel';
import { recordFlag } from './flags';

/** The member's play actions whose refused payloads are counted. */
export const COUNTED_AT_DOOR: ReadonlySet<string> = new Set(['startDaily', 'answerDaily', 'startContestRound', 'answerContest']);

const idOf = (v: unknown): string | null => (idField().safeParse(v).success ? (v as string) : null);

/** The contest (and round) a refused contest payload may be filed under: the caller's own only. */
async function contestOf(ctx: ActionContext, caller: Caller, action: string, payload: Record<string, unknown>): Promise<{ contestId: string; roundId: string | null } | null> {
  const { db } = ctx.deps;
  if (action === 'answerContest') {
    const roundId = idOf(payload.roundId);
    const round = roundId ? await getById<ContestRoundDoc>(db, COLLECTIONS.contestRounds, roundId) : null;
    return round && round.memberId === caller._id ? { contestId: round.contestId, roundId: round._id } : null;
  }
  if (action === 'startContestRound') {
    const contestId = idOf(payload.contestId);
    const c = contestId ? await getById<ContestDoc>(db, COLLECTIONS.contests, contestId) : null;
    return c && c.orgId === caller.orgId && c.status === 'published' && inAudience(c, caller.unitPath) ? { contestId: c._id, roundId: null } : null;
  }
  return null;
}

/** The router's hook (functions/lib/router.ts `onRefusedPayload`) for the quiz function. */
export async function countRefusedPayload(action: string, payload: unknown, message: string, ctx: ActionContext): Promise<void> {
  if (!COUNTED_AT_DOOR.has(action)) return;
  const { db, clock } = ctx.deps;
  const caller = await findCaller(db, ctx.openid);
  if (!caller) return;
  const now = clock.now();
  const fields = typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};
  const contest = action.includes('Contest') ? await contestOf(ctx, caller, action, fields) : null;
  const detail = `请求被拒：${message}`;
  if (contest) await recordContestFlag(db, caller, contest.contestId, 'refused', contest.roundId, detail, now);
  else await recordFlag(db, caller, 'refused', null, action.includes('Contest') ? `竞赛：${detail}` : detail, now);
}
