// updateTaskItem: the organisers of an item's unit change its title, detail, owner or deadline, from
// the version they read (CONFLICT when another organiser changed it meanwhile). A new deadline must be
// a real day, not before today; an unchanged one may have passed (the item is then overdue). A
// deadline moved on an open item moves the counters' day in the same transaction. Reads: identity,
// the item, its unit, the new owner if changed; in the transaction the item (and, for a new
// deadline, the list and the unit's counters).

import type { TaskResponses } from '../../../core/contracts/campaignTasks';
import { deadlineProblem, isDoneLate } from '../../../core/domain/campaign/tasks';
import { beijingDayKey } from '../../../core/domain/time';
import { conflict, invalid } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { requireOrganiser } from '../../org/ports';
import { itemForOrganiser, requireOwner } from '../taskAccess';
import { changeItem } from '../taskCounters';

const STALE = '这个事项刚被其他管理员修改过，请刷新后再改';

export async function updateTaskItem(
  input: { itemId: string; version: number; title: string; detail: string; ownerMemberId: string; deadlineDay: string },
  ctx: ActionContext,
): Promise<TaskResponses['updateTaskItem']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const { item, unit } = await itemForOrganiser(db, me, input.itemId);
  if (item.version !== input.version) throw conflict(STALE);
  if (input.deadlineDay !== item.deadlineDay) {
    const problem = deadlineProblem(input.deadlineDay, beijingDayKey(clock.now()));
    if (problem) throw invalid(problem);
  }
  const ownerName = input.ownerMemberId === item.ownerMemberId ? item.ownerName : (await requireOwner(db, unit, input.ownerMemberId)).name;
  const now = new Date(clock.now());
  return changeItem(db, item._id, unit, now, (cur) => {
    if (cur.version !== input.version) throw conflict(STALE);
    const doneAt = cur.doneAt ? new Date(cur.doneAt).getTime() : null;
    const next = {
      ...cur,
      title: input.title,
      detail: input.detail,
      ownerMemberId: input.ownerMemberId,
      ownerName,
      deadlineDay: input.deadlineDay,
      doneLate: cur.status === 'done' && doneAt !== null ? isDoneLate(input.deadlineDay, doneAt) : false,
      updatedAt: now,
      version: cur.version + 1,
    };
    return { next, result: { itemId: cur._id, version: next.version } };
  });
}
