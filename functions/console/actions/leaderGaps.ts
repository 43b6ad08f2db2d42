// leaderGaps: the leaders (领导班子) of a unit's subtree with their gaps in the period, shown apart
// on 工作台 — leaders go first (以上率下), so an organiser sees theirs before the rest. Organisers of
// the subtree only. 12 reads at most: identity, unit, subtree, leaders, exams, events, then one read
// per activity keyed by the leaders' ids (takers, months, places, quiz, two credits).

import { LEADERS_MAX, type GapResponses } from '../../../core/contracts/consoleGaps';
import type { PeriodInput } from '../../../core/domain/console/period';
import type { ActionContext } from '../../lib/router';
import { subtreeLeaders } from '../../org/memberPorts';
import { gapScope, periodActivities, periodView, rowsOf, summaryOf } from '../gapRows';

export async function leaderGaps(input: { unitId: string; period: PeriodInput }, ctx: ActionContext): Promise<GapResponses['leaderGaps']> {
  const { db } = ctx.deps;
  const scope = await gapScope(ctx, input.unitId, input.period);
  const [{ leaders, more }, acts] = await Promise.all([subtreeLeaders(db, scope.unit._id, LEADERS_MAX), periodActivities(db, scope)]);
  const { rows, credit } = await rowsOf(db, scope, acts, leaders);
  return { period: periodView(scope.period), leaders: rows, summary: summaryOf(rows, credit), more };
}
