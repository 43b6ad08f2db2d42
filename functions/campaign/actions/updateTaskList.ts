// updateTaskList: the organisers of a list's unit rename it or publish it (向服务对象和社会公布) or
// take it back. Only the title and the flag change: the counters, moved by item transactions, stay
// theirs (a transaction that read the list before this write runs again). Reads: identity, the
// list, its unit; one write.

import type { TaskResponses } from '../../../core/contracts/campaignTasks';
import { updateById } from '../../lib/db';
import { COLLECTIONS } from '../../lib/collections';
import type { ActionContext } from '../../lib/router';
import { requireOrganiser } from '../../org/ports';
import { listForOrganiser } from '../taskAccess';

export async function updateTaskList(input: { listId: string; title: string; public: boolean }, ctx: ActionContext): Promise<TaskResponses['updateTaskList']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const { list } = await listForOrganiser(db, me, input.listId);
  await updateById(db, COLLECTIONS.taskLists, list._id, { title: input.title, public: input.public, updatedAt: new Date(clock.now()) });
  return { listId: list._id };
}
