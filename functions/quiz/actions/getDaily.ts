// getDaily: the 每日答题 card of the 答题 tab — whether today's scored round is done (and its right
// answers), the round under way, the streak, and whether the bank has anything to serve at all.
// Reads: identity, the member's quiz document and the day's pool (together), and the latest round
// when it was started today or yesterday (to tell whether it is still under way). The pool is built here when
// the timer has not built it, as a round's start would.

import type { QuizResponses } from '../../../core/contracts/quiz';
import { ROUND_SIZE } from '../../../core/domain/quiz';
import { currentQuizStreak, dayDone } from '../../../core/domain/quiz/streak';
import { addDays, beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { getById } from '../../lib/db';
import type { ActionContext } from '../../lib/router';
import { requireMember } from '../../org/ports';
import type { QuizMemberDoc, RoundDoc } from '../model';
import { ensurePool } from '../pool';

export async function getDaily(_input: Record<string, never>, ctx: ActionContext): Promise<QuizResponses['getDaily']> {
  const { db, clock, ids } = ctx.deps;
  const caller = await requireMember(ctx);
  const now = clock.now();
  const today = beijingDayKey(now);
  const [m, pool] = await Promise.all([
    getById<QuizMemberDoc>(db, COLLECTIONS.quizMembers, caller._id),
    ensurePool(db, caller.orgId, today, now, 'first-use', Math.random, () => ids.random(12)),
  ]);
  const startedToday = m !== null && m.day === today;
  // A round begun yesterday before midnight is still under way for startDaily: the card says so.
  const recent = m !== null && m.day >= addDays(today, -1);
  const last = recent && m.last ? await getById<RoundDoc>(db, COLLECTIONS.quizRounds, m.last) : null;
  const scoredDone = m !== null && dayDone(m, today);
  return {
    day: today,
    available: pool.qids.length > 0,
    scoredDone,
    todayCorrect: scoredDone && m.scoredDay === today ? m.scoredCorrect : null,
    total: ROUND_SIZE,
    streak: m ? currentQuizStreak(m, today) : 0,
    longestStreak: m?.longest ?? 0,
    open:
      last && last.status === 'open'
        ? { roundId: last._id, day: last.day, number: last.number, scored: last.scored, answeredCount: last.at, total: last.items.length }
        : null,
    roundsToday: startedToday ? m.rounds : 0,
  };
}
