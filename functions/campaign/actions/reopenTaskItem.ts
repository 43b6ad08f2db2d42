// reopenTaskItem: the organisers of an item's unit open a done item again (under way), the reason
// kept as a 'reopen' note; it counts as open by its deadline again, in the same transaction. Reads:
// identity, the item, its unit; in the transaction the item, the list, the unit's counters.

import type { TaskResponses } from '../../../core/contracts/campaignTasks';
import { notesProblem } from '../../../core/domain/campaign/tasks';
import { precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { requireOrganiser } from '../../org/ports';
import { itemForOrganiser, newNote } from '../taskAccess';
import { changeItem } from '../taskCounters';

const NOT_DONE = '这个事项还没有办结，不需要重新打开';

export async function reopenTaskItem(input: { itemId: string; reason: string }, ctx: ActionContext): Promise<TaskResponses['reopenTaskItem']> {
  const { db, clock, ids } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const { item, unit } = await itemForOrganiser(db, me, input.itemId);
  if (item.status !== 'done') throw precondition(NOT_DONE);
  const now = new Date(clock.now());
  const note = newNote(ids, me, 'reopen', input.reason, [], now);
  return changeItem(db, item._id, unit, now, (cur) => {
    if (cur.status !== 'done') throw precondition(NOT_DONE);
    const problem = notesProblem(cur.notes.length);
    if (problem) throw precondition(problem);
    return {
      next: { ...cur, status: 'doing', doneAt: null, doneLate: false, notes: [...cur.notes, note], updatedAt: now },
      result: { itemId: cur._id, status: 'doing' },
    };
  });
}
