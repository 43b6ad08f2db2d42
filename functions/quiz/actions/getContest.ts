// getContest: one contest as its member sees it before a round — the rules in plain words come
// from these figures — with their standing. Reads: identity, the contest, their standing, and
// their latest round when there is one.

import type { QuizResponses } from '../../../core/contracts/quiz';
import { beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { getById } from '../../lib/db';
import type { ActionContext } from '../../lib/router';
import { requireMember } from '../../org/ports';
import { cardView, contestForMember, contestScoreId, standingOf } from '../contestAccess';
import type { ContestRoundDoc, ContestScoreDoc } from '../contestModel';

export async function getContest(input: { contestId: string }, ctx: ActionContext): Promise<QuizResponses['getContest']> {
  const { db, clock } = ctx.deps;
  const me = await requireMember(ctx);
  const c = await contestForMember(db, me, input.contestId);
  const now = clock.now();
  const s = await getById<ContestScoreDoc>(db, COLLECTIONS.contestScores, contestScoreId(c._id, me._id));
  const last = s?.last ? await getById<ContestRoundDoc>(db, COLLECTIONS.contestRounds, s.last) : null;
  return cardView(c, standingOf(c, s, last && last.memberId === me._id ? last : null, beijingDayKey(now)), now);
}
