// getTaskList: a list and its items. Organisers of the list's unit (or above) see everything and may
// edit; an item's owner (领办人) who is not an organiser sees the list with their own items in full
// (mayUpdate: progress and close-out) and the others by title, deadline and status only — no other
// owner's name, no other item's notes. Anyone else: FORBIDDEN (another organisation: NOT_FOUND).
// Reads: identity, the list, its unit, its items (one query); the photos' links in one batch.

import type { TaskResponses } from '../../../core/contracts/campaignTasks';
import { MAX_ITEMS_PER_LIST } from '../../../core/domain/campaign/tasks';
import { beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { list as run } from '../../lib/db';
import { forbidden, notFound } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { mayManage, requireMember } from '../../org/ports';
import type { TaskItemDoc } from '../model';
import { loadList, unitOf } from '../taskAccess';
import { itemView, listSummary, photoIds } from '../taskViews';

export async function getTaskList(input: { listId: string }, ctx: ActionContext): Promise<TaskResponses['getTaskList']> {
  const { db, clock, storage } = ctx.deps;
  const me = await requireMember(ctx);
  const list = await loadList(db, input.listId);
  if (list.orgId !== me.orgId) throw notFound('找不到这份清单');
  const unit = await unitOf(db, list.unitId);
  const organiser = mayManage(me, unit);
  const items = await run<TaskItemDoc>(db.collection(COLLECTIONS.taskItems).where({ listId: list._id }).orderBy('createdAt', 'asc').limit(MAX_ITEMS_PER_LIST));
  if (!organiser && !items.some((i) => i.ownerMemberId === me._id)) throw forbidden('只有清单所属组织的管理员和事项负责人可以查看这份清单');
  const full = (i: TaskItemDoc) => organiser || i.ownerMemberId === me._id;
  const ids = photoIds(items.filter(full));
  const urls = ids.length > 0 ? await storage.tempUrls(ids) : new Map<string, string>();
  const today = beijingDayKey(clock.now());
  return {
    ...listSummary(list, unit.name, today),
    items: items.map((i) => itemView(i, today, urls, { full: full(i), mayUpdate: full(i), mayEdit: organiser })),
    mayEdit: organiser,
  };
}
