// listTaskLists: an organiser's task lists — of `unitId`'s subtree, or of every unit they manage —
// newest first, each with its counts from the list's own counters. Reads: identity, the subtree's
// units (one query on the path index), the lists of those units (one query): 3, whatever the size.

import type { TaskResponses } from '../../../core/contracts/campaignTasks';
import { beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { forbidden, notFound } from '../../lib/errors';
import type { UnitDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';
import { managedUnits, mayManage, requireOrganiser, unitsUnder } from '../../org/ports';
import type { TaskListDoc } from '../model';
import { listSummary } from '../taskViews';

export async function listTaskLists(input: { unitId?: string | null }, ctx: ActionContext): Promise<TaskResponses['listTaskLists']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  let units: UnitDoc[];
  if (input.unitId) {
    units = await unitsUnder(db, me.orgId, [input.unitId]);
    const root = units.find((u) => u._id === input.unitId);
    if (!root) throw notFound('找不到该组织');
    if (!mayManage(me, root)) throw forbidden('该组织不在您的管理范围内');
  } else {
    units = await managedUnits(db, me);
  }
  if (units.length === 0) return { items: [] };
  const _ = db.command;
  // By unit id (the tree as it is now), so a moved unit's lists follow it.
  const lists = await list<TaskListDoc>(
    db
      .collection(COLLECTIONS.taskLists)
      .where({ orgId: me.orgId, unitId: _.in(units.map((u) => u._id)) })
      .orderBy('createdAt', 'desc')
      .limit(1000),
  );
  const names = new Map(units.map((u) => [u._id, u.name]));
  const today = beijingDayKey(clock.now());
  return { items: lists.map((l) => listSummary(l, names.get(l.unitId) ?? '', today)) };
}
