// listGaps: a page of the members of a unit's subtree (roster order, leaders apart), each with their
// gaps in the period's exams, check-ins, events and daily quiz. Organisers of the subtree only.
// 12 reads at most, whatever the subtree's size: identity, unit, subtree, members, exams, events,
// then one read per activity keyed by the page's ids (takers, months, places, quiz, two credits).

import type { GapResponses } from '../../../core/contracts/consoleGaps';
import type { PeriodInput } from '../../../core/domain/console/period';
import type { ActionContext } from '../../lib/router';
import { subtreeMembersPage } from '../../org/memberPorts';
import { examView, gapScope, periodActivities, periodView, rowsOf, summaryOf } from '../gapRows';

export async function listGaps(input: { unitId: string; period: PeriodInput; cursor?: string | null; limit: number }, ctx: ActionContext): Promise<GapResponses['listGaps']> {
  const { db } = ctx.deps;
  const scope = await gapScope(ctx, input.unitId, input.period);
  const [{ page, nextCursor }, acts] = await Promise.all([subtreeMembersPage(db, scope.unit._id, input.cursor, input.limit), periodActivities(db, scope)]);
  const { rows, credit, exams, events } = await rowsOf(db, scope, acts, page);
  return {
    period: periodView(scope.period),
    now: scope.now,
    unitName: scope.unit.name,
    exams: exams.map(examView),
    events: events.map((e) => ({ eventId: e.eventId, title: e.title, endsAt: e.endsAt })),
    leaders: rows.filter((r) => r.leader),
    members: rows.filter((r) => !r.leader),
    summary: summaryOf(rows, credit),
    nextCursor,
  };
}
