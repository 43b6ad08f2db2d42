// addTaskItem: the organisers of a list's unit add an item with its owner (领办人, a roster entry of
// the unit or a unit below it, bound or not) and a deadline (a real day, not before today). The item
// and the list's and unit's counters are written in one transaction. A refusal names its field and
// writes nothing. Reads: identity, the list, its unit, the owner; in the transaction the list and
// the unit's counters; writes: the item, the list, the counters.

import type { TaskResponses } from '../../../core/contracts/campaignTasks';
import { deadlineProblem, MAX_ITEMS_PER_LIST } from '../../../core/domain/campaign/tasks';
import { beijingDayKey } from '../../../core/domain/time';
import { invalid, precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { requireOrganiser } from '../../org/ports';
import type { TaskItemDoc } from '../model';
import { listForOrganiser, requireOwner } from '../taskAccess';
import { insertItem } from '../taskCounters';

export async function addTaskItem(
  input: { listId: string; title: string; detail: string; ownerMemberId: string; deadlineDay: string },
  ctx: ActionContext,
): Promise<TaskResponses['addTaskItem']> {
  const { db, clock, ids } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const { list, unit } = await listForOrganiser(db, me, input.listId);
  if (unit.status !== 'active') throw precondition(`“${unit.name}”已撤销，不能再添加事项`);
  const problem = deadlineProblem(input.deadlineDay, beijingDayKey(clock.now()));
  if (problem) throw invalid(problem);
  const owner = await requireOwner(db, unit, input.ownerMemberId);
  const now = new Date(clock.now());
  const item: TaskItemDoc = {
    _id: ids.random(),
    orgId: list.orgId,
    listId: list._id,
    unitId: unit._id,
    unitPath: unit.path,
    title: input.title,
    detail: input.detail,
    ownerMemberId: owner._id,
    ownerName: owner.name,
    deadlineDay: input.deadlineDay,
    status: 'todo',
    notes: [],
    doneAt: null,
    doneLate: false,
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
  await insertItem(db, item, unit, (current) => {
    if ((current.total ?? 0) >= MAX_ITEMS_PER_LIST) throw precondition(`一份清单最多${MAX_ITEMS_PER_LIST}项`);
  });
  return { itemId: item._id };
}
