// startDaily: the member's round under way, at its current question, or a new one — the day's
// first scores, later ones are practice. A new round is drawn from the day's pool (questions the
// member has not seen in 30 days first) and written with the member's document in one transaction
// under a deterministic `_id`, so a double start makes one round. No key leaves the server here.
// Reads: identity, the member's quiz document, their latest round when it is today's or
// yesterday's (continue: nothing written); a new round adds the rate limit, the pool and the questions (one query), then
// the transaction.

import type { QuizResponses } from '../../../core/contracts/quiz';
import { addDays, beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { getById } from '../../lib/db';
import { AppError, conflict, precondition } from '../../lib/errors';
import { consume } from '../../lib/rateLimit';
import type { ActionContext } from '../../lib/router';
import { requireMember } from '../../org/ports';
import { drawRound } from '../draw';
import { recordFlag } from '../flags';
import { ROUND_LIMIT } from '../limits';
import type { QuizMemberDoc, RoundDoc } from '../model';
import { ensurePool } from '../pool';
import { createRound, emptyMember, itemOf, roundId, roundView } from '../round';

export const EMPTY_BANK = '题库里还没有可用于每日答题的题目';

export async function startDaily(_input: Record<string, never>, ctx: ActionContext): Promise<QuizResponses['startDaily']> {
  const { db, clock, ids } = ctx.deps;
  const caller = await requireMember(ctx);
  // Only when the member's count of rounds moved between the read and the transaction (another
  // phone of theirs started one): read again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = clock.now();
    const today = beijingDayKey(now);
    const m = (await getById<QuizMemberDoc>(db, COLLECTIONS.quizMembers, caller._id)) ?? emptyMember(caller);
    // The round under way is continued — one started yesterday too (begun at 23:59, it still
    // counts for yesterday); the next start then begins today's.
    if (m.last && m.day >= addDays(today, -1)) {
      const last = await getById<RoundDoc>(db, COLLECTIONS.quizRounds, m.last);
      if (last && last.status === 'open' && last.memberId === caller._id) return roundView(last, now);
    }
    try {
      await consume(db, ROUND_LIMIT, caller._id, now);
    } catch (err) {
      if (err instanceof AppError && err.code === 'RESOURCE_EXHAUSTED') await recordFlag(db, caller, 'limited', null, '一分钟内开始的答题过多', now);
      throw err;
    }
    const pool = await ensurePool(db, caller.orgId, today, now, 'first-use', Math.random, () => ids.random(12));
    const questions = await drawRound(db, caller.orgId, pool.qids, m.recent, today, now, Math.random);
    if (questions.length === 0) throw precondition(EMPTY_BANK);
    const number = (m.day === today ? m.rounds : 0) + 1;
    const draft: RoundDoc = {
      _id: roundId(caller._id, today, number),
      memberId: caller._id,
      orgId: caller.orgId,
      unitId: caller.unitId,
      day: today,
      number,
      scored: number === 1,
      items: questions.map((q) => itemOf(q, Math.random)),
      at: 0,
      servedAt: now,
      answers: [],
      correctCount: 0,
      fastCount: 0,
      status: 'open',
      startedAt: now,
      finishedAt: null,
    };
    const made = await createRound(db, caller, draft);
    // A concurrent start made it first and it is already over (another phone of theirs): go on to the next.
    if ('stale' in made || made.round.status !== 'open') continue;
    return roundView(made.round, now);
  }
  throw conflict('答题的人较多，请稍后再试');
}
