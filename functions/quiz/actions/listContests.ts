// listContests: the contests of the member's audience (any unit on their path) that are open, about
// to open, or ended in the last week (to see the result), soonest closing first, each with the
// member's standing: rounds, total, counting rounds left today, the round under way.
// Reads: identity, the contests (one query), the member's standings and latest rounds (one query each).

import type { QuizResponses } from '../../../core/contracts/quiz';
import { beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import type { ActionContext } from '../../lib/router';
import { requireMember } from '../../org/ports';
import { cardView, contestScoreId, standingOf } from '../contestAccess';
import type { ContestDoc, ContestRoundDoc, ContestScoreDoc } from '../contestModel';

/** Ended contests stay listed this long, for their result. */
const ENDED_SHOWN_MS = 7 * 86_400_000;

export async function listContests(_input: Record<string, never>, ctx: ActionContext): Promise<QuizResponses['listContests']> {
  const { db, clock } = ctx.deps;
  const me = await requireMember(ctx);
  const now = clock.now();
  const _ = db.command;
  const contests = await list<ContestDoc>(
    db
      .collection(COLLECTIONS.contests)
      .where({ orgId: me.orgId, status: 'published', audience: _.in(me.unitPath), closesAt: _.gt(now - ENDED_SHOWN_MS) })
      .orderBy('closesAt', 'asc')
      .limit(20),
  );
  if (contests.length === 0) return [];
  const scores = await list<ContestScoreDoc>(
    db
      .collection(COLLECTIONS.contestScores)
      .where({ _id: _.in(contests.map((c) => contestScoreId(c._id, me._id))) })
      .field({ contestId: true, total: true, best: true, rounds: true, day: true, started: true, last: true })
      .limit(contests.length),
  );
  const byContest = new Map(scores.map((s) => [s.contestId, s]));
  const lastIds = scores.map((s) => s.last).filter((id): id is string => Boolean(id));
  const rounds =
    lastIds.length === 0
      ? []
      : await list<ContestRoundDoc>(
          db
            .collection(COLLECTIONS.contestRounds)
            .where({ _id: _.in(lastIds) })
            .field({ status: true, number: true, counting: true, at: true, 'items.qid': true })
            .limit(lastIds.length),
        );
  const roundById = new Map(rounds.map((r) => [r._id, r]));
  const today = beijingDayKey(now);
  // Open ones first, then those about to open, then the ended.
  const order = (c: ContestDoc) => (now < c.opensAt ? 1 : now < c.closesAt ? 0 : 2);
  return contests
    .sort((a, b) => order(a) - order(b) || a.closesAt - b.closesAt)
    .map((c) => {
      const s = byContest.get(c._id) ?? null;
      return cardView(c, standingOf(c, s, s?.last ? (roundById.get(s.last) ?? null) : null, today), now);
    });
}
