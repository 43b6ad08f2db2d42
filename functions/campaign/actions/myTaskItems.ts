// myTaskItems (我负责的实事): the task items the caller owns (领办人 = their roster entry), so a
// plain member finds them without a link — every item not done and those done in the last 30
// days, with the list's title and kind and the unit's name; the item page (getTaskList) has the
// rest. Any bound member, their own items only: the query is by the caller's own roster id.
// Reads: identity, the items (one query on ownerMemberId), their lists and units (one read each
// by id, skipped when there is no item) — 4 at most, no write (test/integration/campaign-gaps.test.ts).

import type { TaskResponses } from '../../../core/contracts/campaignTasks';
import { isShownToOwner, MAX_MY_ITEMS, myDoneSince, orderMyItems } from '../../../core/domain/campaign/myItems';
import { isOverdue } from '../../../core/domain/campaign/tasks';
import { beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import type { ActionContext } from '../../lib/router';
import { requireMember, unitsByIds } from '../../org/ports';
import { byIds } from '../evaluationData';
import type { TaskItemDoc, TaskListDoc } from '../model';

export async function myTaskItems(_input: Record<string, never>, ctx: ActionContext): Promise<TaskResponses['myTaskItems']> {
  const { db, clock } = ctx.deps;
  const me = await requireMember(ctx);
  const now = clock.now();
  const _ = db.command;
  const docs = await list<TaskItemDoc>(
    db
      .collection(COLLECTIONS.taskItems)
      .where({ ownerMemberId: me._id, doneAt: _.or(_.eq(null), _.gte(new Date(myDoneSince(now)))) })
      .orderBy('deadlineDay', 'asc')
      .limit(MAX_MY_ITEMS),
  );
  const items = docs
    .filter((i) => i.orgId === me.orgId)
    .map((i) => ({ ...i, doneAt: i.doneAt ? new Date(i.doneAt).getTime() : null }))
    .filter((i) => isShownToOwner(i, now));
  if (items.length === 0) return { items: [] };
  const [lists, units] = await Promise.all([
    byIds<TaskListDoc>(db, COLLECTIONS.taskLists, [...new Set(items.map((i) => i.listId))]),
    unitsByIds(db, [...new Set(items.map((i) => i.unitId))], me.orgId),
  ]);
  const listOf = new Map(lists.map((l) => [l._id, l]));
  const unitName = new Map(units.map((u) => [u._id, u.name]));
  const today = beijingDayKey(now);
  return {
    items: orderMyItems(items).flatMap((i) => {
      const l = listOf.get(i.listId);
      if (!l) return [];
      return [
        {
          itemId: i._id,
          listId: i.listId,
          listTitle: l.title,
          listKind: l.kind,
          unitName: unitName.get(i.unitId) ?? '',
          title: i.title,
          deadlineDay: i.deadlineDay,
          status: i.status,
          overdue: isOverdue(i, today),
          doneAt: i.doneAt,
          doneLate: i.doneLate,
        },
      ];
    }),
  };
}
