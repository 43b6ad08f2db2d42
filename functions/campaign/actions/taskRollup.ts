// taskRollup: done and overdue over a unit's subtree and each of its direct children, side by side,
// from the counters alone (taskUnits, one per unit with items), never the items. The subtree is the
// tree as it is now (units by path) and the counters are read by those units' ids, so a moved unit
// takes its figures with it. Reads: identity, the subtree's units, their counters: 3, whether the
// subtree has 3 units or 300 (a subtree of at most 1000 units, the SDK's ceiling per read).

import type { TaskResponses, TaskRollupRow } from '../../../core/contracts/campaignTasks';
import { overdueCount, sumCounters } from '../../../core/domain/campaign/tasks';
import { beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { forbidden, notFound } from '../../lib/errors';
import type { UnitDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';
import { mayManage, requireOrganiser, scopeIds, unitsUnder } from '../../org/ports';
import type { TaskUnitDoc } from '../model';

function row(unit: UnitDoc, counters: TaskUnitDoc[], today: string): TaskRollupRow {
  const sum = sumCounters(counters);
  return { unitId: unit._id, unitName: unit.name, lists: counters.reduce((n, c) => n + (c.lists ?? 0), 0), total: sum.total, done: sum.done, overdue: overdueCount(sum.openByDeadline, today) };
}

export async function taskRollup(input: { unitId?: string | null }, ctx: ActionContext): Promise<TaskResponses['taskRollup']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const rootId = input.unitId ?? scopeIds(me)[0];
  const units = await unitsUnder(db, me.orgId, [rootId]);
  const root = units.find((u) => u._id === rootId);
  if (!root) throw notFound('找不到该组织');
  if (!mayManage(me, root)) throw forbidden('该组织不在您的管理范围内');
  const _ = db.command;
  const counters = await list<TaskUnitDoc>(
    db
      .collection(COLLECTIONS.taskUnits)
      .where({ _id: _.in(units.map((u) => u._id)) })
      .limit(1000),
  );
  const byUnit = new Map(counters.map((c) => [c._id, c]));
  const under = (id: string) => units.filter((u) => u.path.includes(id)).flatMap((u) => byUnit.get(u._id) ?? []);
  const today = beijingDayKey(clock.now());
  const children = units
    .filter((u) => u.parentId === root._id)
    .map((u) => ({ unit: u, counters: under(u._id) }))
    // A closed child with no list is history with nothing in it.
    .filter((c) => c.unit.status === 'active' || c.counters.some((x) => (x.lists ?? 0) > 0))
    .sort((a, b) => a.unit.order - b.unit.order || a.unit.name.localeCompare(b.unit.name, 'zh-CN'))
    .map((c) => row(c.unit, c.counters, today));
  return { unit: row(root, counters, today), children };
}
