// listChallenges: the challenges an organiser sees, newest first.

import type { ChallengeSummary } from '../../../core/contracts/checkin';
import { beijingDayKey } from '../../../core/domain/time';
import { audienceTouches } from '../../../core/domain/org/units';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { managedUnits, requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { ChallengeDoc } from '../model';
import { ALL_BRANCHES, namesOf, summary } from '../challenge';

/** Challenges an organiser sees: the whole organisation's, or those reaching one of their branches. */
export async function listChallenges(_input: object, ctx: ActionContext): Promise<ChallengeSummary[]> {
  const { db, clock } = ctx.deps;
  const today = beijingDayKey(clock.now());
  const me = await requireOrganiser(ctx);
  const units = await managedUnits(db, me);
  const docs = await list<ChallengeDoc>(db.collection(COLLECTIONS.checkinChallenges).where({ orgId: me.orgId }).orderBy('createdAt', 'desc').limit(100));
  return docs
    .filter((c) => me.role === 'org_admin' || audienceTouches(c.audience, units, ALL_BRANCHES))
    .map((c) => summary(c, namesOf(units), today, me));
}
