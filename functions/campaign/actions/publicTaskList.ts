// publicTaskList: what the people served see of a list its organisers published (向服务对象和社会公布):
// the title, the unit, each item's title, status, deadline and day done, and the photos an organiser
// marked public — never an owner's name, a member id, a phone or a note's text (the projection in
// core/domain/campaign/tasks.ts is built field by field from what may be shown). Anyone may ask,
// bound or not; a list not published reads as NOT_FOUND. Reads: the list, its unit, its items;
// the public photos' links in one batch.

import type { TaskResponses } from '../../../core/contracts/campaignTasks';
import { MAX_ITEMS_PER_LIST, publicPhotoIds, publicProjection } from '../../../core/domain/campaign/tasks';
import { COLLECTIONS } from '../../lib/collections';
import { getById, list as run } from '../../lib/db';
import { notFound } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { getUnit } from '../../org/ports';
import type { TaskItemDoc, TaskListDoc } from '../model';

export async function publicTaskList(input: { listId: string }, ctx: ActionContext): Promise<TaskResponses['publicTaskList']> {
  const { db, storage } = ctx.deps;
  const list = await getById<TaskListDoc>(db, COLLECTIONS.taskLists, input.listId);
  if (!list) throw notFound('找不到这份清单');
  if (!list.public) throw notFound('这份清单没有公开');
  const unit = await getUnit(db, list.unitId);
  const items = await run<TaskItemDoc>(db.collection(COLLECTIONS.taskItems).where({ listId: list._id }).orderBy('createdAt', 'asc').limit(MAX_ITEMS_PER_LIST));
  const sources = items.map((i) => ({ ...i, doneAt: i.doneAt ? new Date(i.doneAt).getTime() : null }));
  const ids = publicPhotoIds(sources);
  const urls = ids.length > 0 ? await storage.tempUrls(ids) : new Map<string, string>();
  return publicProjection(list, unit?.name ?? '', sources, urls);
}
