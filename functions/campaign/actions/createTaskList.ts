// createTaskList: an organiser opens a task list (实事清单 / 问题清单 / 责任清单) for a unit of their
// subtree; the unit's `lists` counter moves in the same transaction. Reads: identity, the unit;
// in the transaction the unit's counters; writes: the list, the counters.

import type { TaskResponses } from '../../../core/contracts/campaignTasks';
import { MAX_LISTS_PER_UNIT } from '../../../core/domain/campaign/tasks';
import type { TaskListKind } from '../../../core/contracts/campaignTasks';
import { precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { requireManagedUnit, requireOrganiser } from '../../org/ports';
import type { TaskListDoc } from '../model';
import { insertList } from '../taskCounters';

export async function createTaskList(input: { unitId: string; kind: TaskListKind; title: string; public: boolean }, ctx: ActionContext): Promise<TaskResponses['createTaskList']> {
  const { db, clock, ids } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const unit = await requireManagedUnit(db, me, input.unitId);
  if (unit.status !== 'active') throw precondition(`“${unit.name}”已撤销，不能新建清单`);
  const now = new Date(clock.now());
  const list: TaskListDoc = {
    _id: ids.random(),
    orgId: unit.orgId,
    unitId: unit._id,
    unitPath: unit.path,
    kind: input.kind,
    title: input.title,
    public: input.public,
    createdBy: me._id,
    createdAt: now,
    updatedAt: now,
    total: 0,
    done: 0,
    openByDeadline: {},
  };
  await insertList(db, list, unit, (counters) => {
    if ((counters?.lists ?? 0) >= MAX_LISTS_PER_UNIT) throw precondition(`一个组织最多${MAX_LISTS_PER_UNIT}份清单`);
  });
  return { listId: list._id };
}
